import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { QueryClient as QC } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { recordQueryCache } from '../../test/cache-recorder';
import { apiUrl, server } from '../../test/msw';
import { createTestQueryClient } from '../../test/render';
import {
  azureStatusQuery,
  bitwardenStatusQuery,
  describeItemsError,
  onePasswordStatusQuery,
  providerItemsQuery,
  useSaveProvider,
} from './api';

const OP_TOKEN = 'ops_eyJzaWduSW5BZGRyZXNzIjoiSECRET-op-token-7f3e';
const AZ_SECRET = 'Q~8vSECRET-azure-client-secret-51ab';

const tokenBase = (type: string) => ({
  id: 'oat_599718296816844990',
  organization_id: 'o_599718296816844900',
  token_type: type,
  valid: true,
  created_at: '2026-08-22T18:40:02.551204',
  modified_at: '2026-08-22T18:40:02.551204',
});
const opBody = { token: { ...tokenBase('onepassword_service_account'), token: OP_TOKEN } };
const azBody = {
  token: {
    ...tokenBase('azure_client_secret_credential'),
    credential: { tenant_id: 'tenant-7c1e', client_id: 'client-0d9a', client_secret: AZ_SECRET },
  },
};

function wrapperFor(queryClient: ReturnType<typeof createTestQueryClient>) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
}

describe('vault provider status queries', () => {
  it('never lets the 1Password token or the Azure client secret into the cache', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/onepassword/get'), () => HttpResponse.json(opBody)),
      http.get(apiUrl('/v1/credentials/azure_credential/get'), () => HttpResponse.json(azBody)),
    );
    const queryClient = createTestQueryClient();
    const recorder = recordQueryCache(queryClient);
    const op = await queryClient.fetchQuery(onePasswordStatusQuery());
    const az = await queryClient.fetchQuery(azureStatusQuery());

    expect(op).toMatchObject({ configured: true, tokenSet: true, tokenMask: '••••••••7f3e' });
    expect(az).toMatchObject({
      configured: true,
      tenantId: 'tenant-7c1e',
      clientId: 'client-0d9a',
      secretSet: true,
      secretMask: '••••••••51ab',
    });
    const text = recorder.text();
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('client_secret');
  });

  it('keeps the secrets out of the save mutation and the cache too', async () => {
    server.use(
      http.post(apiUrl('/v1/credentials/onepassword/create'), async ({ request }) => {
        expect(await request.json()).toEqual({ token: OP_TOKEN });
        return HttpResponse.json(opBody);
      }),
    );
    const queryClient = createTestQueryClient();
    const recorder = recordQueryCache(queryClient);
    const { result } = renderHook(
      () => useSaveProvider('onepassword', () => ({ token: OP_TOKEN })),
      {
        wrapper: wrapperFor(queryClient),
      },
    );
    await act(() => result.current.mutateAsync());
    await waitFor(() =>
      expect(
        queryClient.getQueryData(queryKeys.vaultProviders.config('onepassword')),
      ).toMatchObject({ configured: true, tokenSet: true }),
    );
    expect(recorder.text()).not.toContain('SECRET');
  });

  it.each([
    [
      'onepassword',
      (qc: QC) => qc.fetchQuery(onePasswordStatusQuery()),
      'No OnePassword service account token found for this organization',
    ],
    [
      'bitwarden',
      (qc: QC) => qc.fetchQuery(bitwardenStatusQuery()),
      'No Bitwarden credential found for this organization',
    ],
    [
      'azure_credential',
      (qc: QC) => qc.fetchQuery(azureStatusQuery()),
      'No Azure Client Secret Credential found for this organization',
    ],
  ] as const)(
    '%s: the "not configured" 404 is an answer, not an error',
    async (provider, load, detail) => {
      server.use(
        http.get(apiUrl(`/v1/credentials/${provider}/get`), () =>
          HttpResponse.json({ detail }, { status: 404 }),
        ),
      );
      await expect(load(createTestQueryClient())).resolves.toEqual({ configured: false });
    },
  );

  it('a 404 with another text (no such route) stays an error', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/bitwarden/get'), () =>
        HttpResponse.json({ detail: 'Not Found' }, { status: 404 }),
      ),
    );
    await expect(createTestQueryClient().fetchQuery(bitwardenStatusQuery())).rejects.toThrow(
      'Not Found',
    );
  });
});

describe('provider items', () => {
  it('maps P3 and P6 items, and "configured: false" to no list', async () => {
    server.use(
      http.get(apiUrl('/v1/credentials/onepassword/items'), () =>
        HttpResponse.json({
          configured: true,
          items: [
            {
              item_id: 'ykq3',
              title: 'Acme portal',
              vault_id: '7tq',
              vault_name: 'Shared',
              category: 'Login',
              url: null,
            },
          ],
        }),
      ),
      http.get(apiUrl('/v1/credentials/bitwarden/items'), () =>
        HttpResponse.json({ configured: false, items: [] }),
      ),
    );
    const queryClient = createTestQueryClient();
    await expect(queryClient.fetchQuery(providerItemsQuery('onepassword'))).resolves.toEqual({
      configured: true,
      items: [
        {
          itemId: 'ykq3',
          title: 'Acme portal',
          containerId: '7tq',
          containerName: 'Shared',
          category: 'Login',
          url: null,
        },
      ],
    });
    await expect(queryClient.fetchQuery(providerItemsQuery('bitwarden'))).resolves.toEqual({
      configured: false,
    });
  });

  const err = (status: number, message: string) => new ApiError({ status, kind: 'http', message });
  it('explains the typed errors in words', () => {
    expect(
      describeItemsError(
        'onepassword',
        err(400, 'Your 1Password service account token appears to be invalid or expired.'),
      ),
    ).toMatch(/refused the service account token/);
    expect(
      describeItemsError('onepassword', err(400, 'Your 1Password session appears to be expired.')),
    ).toMatch(/desktop session has expired/);
    expect(describeItemsError('onepassword', err(429, 'x'))).toMatch(/rate-limiting/);
    expect(describeItemsError('onepassword', err(502, 'x'))).toMatch(/did not answer in time/);
    expect(describeItemsError('bitwarden', err(502, 'Failed to list Bitwarden items'))).toMatch(
      /could not sign in to Bitwarden/,
    );
  });
});
