import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import {
  totpRecordListSchema,
  totpRecordSchema,
  type PushTotpRequest,
  type TotpListParams,
  type TotpRecord,
} from '../../api/schemas';

/** How often the list refreshes while the page is visible. */
export const CODES_REFRESH_MS = 5_000;

export function totpCodesQueryOptions(params: TotpListParams) {
  return queryOptions({
    queryKey: queryKeys.totpCodes.list(params),
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/v1/credentials/totp',
        query: {
          totp_identifier: params.totp_identifier,
          workflow_run_id: params.workflow_run_id,
          otp_type: params.otp_type,
          limit: params.limit,
        },
        schema: totpRecordListSchema,
        signal,
      }),
    // Codes arrive from outside (email/SMS forwarding): poll, but only while someone looks.
    refetchInterval: CODES_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

export function pushTotpCode(body: PushTotpRequest): Promise<TotpRecord> {
  return apiRequest({
    method: 'POST',
    path: '/v1/credentials/totp',
    body,
    schema: totpRecordSchema,
  });
}
