import { http, HttpResponse, type JsonBodyType } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credential } from '../../api/schemas';
import { totpAt, type TotpAccount } from '../../lib/authenticator-key';
import { apiUrl, server } from '../../test/msw';
import { renderWithProviders } from '../../test/render';
import { renderInLayout } from '../../test/render-in-layout';
import { recordQueryCache } from '../../test/cache-recorder';
import { ImportPage, type ParseFn } from './ImportPage';
import { ImportFileError, type ImportEntry, type ParseResult } from './model';

const KEY: TotpAccount = {
  secret: 'JBSWY3DPEHPK3PXP',
  issuer: 'Acme',
  account: 'jane@acme.test',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
const BARE_KEY: TotpAccount = {
  ...KEY,
  secret: 'KRSXG5CTMVRXEZLU',
  issuer: 'GitHub',
  account: 'octo',
};

const base = { folder: null, problems: [] as string[] };
function entries(): ImportEntry[] {
  return [
    {
      ...base,
      id: 'e1',
      kind: 'password',
      sourceName: 'Acme login',
      name: 'Acme',
      username: 'jane@acme.test',
      password: 'pw-acme-secret-1',
      totp: { ...KEY },
      url: null,
      folder: 'Work',
    },
    {
      ...base,
      id: 'e2',
      kind: 'password',
      sourceName: 'Old mail',
      name: 'Mail',
      username: 'jane',
      password: 'pw-mail-secret-2',
      totp: null,
      url: null,
    },
    {
      ...base,
      id: 'e3',
      kind: 'card',
      sourceName: 'Company card',
      name: 'Visa',
      cardholder: 'Jane Doe',
      number: '4242424242424242',
      expMonth: '04',
      expYear: '2031',
      cvv: '987',
      brand: 'Visa',
    },
    {
      ...base,
      id: 'e4',
      kind: 'secret',
      sourceName: 'Note',
      name: 'Deploy token',
      secret: 'note-secret-value-4',
      label: null,
    },
    {
      ...base,
      id: 'e5',
      kind: 'authenticator',
      sourceName: 'GitHub',
      name: 'GitHub',
      totp: { ...BARE_KEY },
    },
    {
      ...base,
      id: 'e6',
      kind: 'unsupported',
      sourceName: 'Steam',
      reason: 'Steam codes are not TOTP.',
    },
    {
      ...base,
      id: 'e7',
      kind: 'password',
      sourceName: 'Broken',
      name: 'Broken',
      username: 'x',
      password: '',
      totp: null,
      url: null,
      problems: ['No password in the export.'],
    },
  ];
}
const SECRETS = [
  'pw-acme-secret-1',
  'pw-mail-secret-2',
  '4242424242424242',
  'note-secret-value-4',
  KEY.secret,
  BARE_KEY.secret,
  'typed-pw-5',
];

function result(list = entries()): ParseResult {
  return { source: 'bitwarden-json', entries: list, folders: ['Work'], warnings: [] };
}

const common = {
  vault_type: 'skyvern' as const,
  folder_id: null,
  browser_profile_id: null,
};
function existingMail(): Credential {
  return {
    ...common,
    credential_id: 'cred_existing_mail',
    name: 'Mail',
    credential_type: 'password',
    credential: { username: 'jane', totp_type: 'none', totp_identifier: null },
  };
}

interface Created {
  body: Record<string, unknown>;
  credential: Credential;
  totp: string | null;
}

/** A small Skyvern: search, create (with scripted failures), folders, totp-code. */
function fakeSkyvern({
  failCreates = [] as { name: string; status: number; applied?: boolean }[],
} = {}) {
  const created: Created[] = [];
  const folders: { folder_id: string; title: string }[] = [];
  const assigned: [string, string][] = [];
  const failures = [...failCreates];
  const existing = [existingMail()];
  let next = 1;
  const make = (body: Record<string, unknown>): Created => {
    const secret = body.credential as Record<string, unknown>;
    const type = body.credential_type as Credential['credential_type'];
    const credential = {
      ...common,
      credential_id: `cred_new_${next++}`,
      name: body.name as string,
      credential_type: type,
      credential:
        type === 'password'
          ? {
              username: secret.username,
              totp_type: secret.totp_type ?? 'none',
              totp_identifier: null,
            }
          : type === 'credit_card'
            ? { last_four: String(secret.card_number).slice(-4), brand: secret.card_brand }
            : { secret_label: secret.secret_label ?? null },
    } as Credential;
    return { body, credential, totp: (secret.totp as string | undefined) ?? null };
  };
  server.use(
    http.get(apiUrl('/v1/credentials'), ({ request }) => {
      const search = (new URL(request.url).searchParams.get('search') ?? '').toLowerCase();
      const all = [...existing, ...created.map((item) => item.credential)];
      return HttpResponse.json(
        all.filter(
          (credential) =>
            credential.name.toLowerCase().includes(search) ||
            (credential.credential_type === 'password' &&
              credential.credential.username.toLowerCase().includes(search)),
        ) as JsonBodyType,
      );
    }),
    http.post(apiUrl('/v1/credentials'), async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      const index = failures.findIndex((failure) => failure.name === body.name);
      const failure = index >= 0 ? failures.splice(index, 1)[0] : undefined;
      if (failure) {
        if (failure.applied) created.push(make(body));
        return HttpResponse.json({ detail: 'Something broke' }, { status: failure.status });
      }
      const item = make(body);
      created.push(item);
      return HttpResponse.json(item.credential as JsonBodyType, { status: 201 });
    }),
    http.get(apiUrl('/v1/credential_folders'), () => HttpResponse.json(folders)),
    http.post(apiUrl('/v1/credential_folders'), async ({ request }) => {
      const body = (await request.json()) as { title: string };
      const folder = { folder_id: `cfld_${folders.length + 1}`, title: body.title };
      folders.push(folder);
      return HttpResponse.json({ ...folder, description: null, credential_count: 0 });
    }),
    http.put(apiUrl('/v1/credentials/:id/folder'), async ({ params, request }) => {
      const body = (await request.json()) as { folder_id: string };
      assigned.push([String(params.id), body.folder_id]);
      const item = created.find((entry) => entry.credential.credential_id === params.id);
      return HttpResponse.json({ ...item?.credential, folder_id: body.folder_id } as JsonBodyType);
    }),
    http.get(apiUrl('/v1/credentials/:id/totp-code'), ({ params }) => {
      const item = created.find((entry) => entry.credential.credential_id === params.id);
      const key =
        item?.totp === KEY.secret ? KEY : item?.totp === BARE_KEY.secret ? BARE_KEY : null;
      if (!key) return HttpResponse.json({ detail: 'no key' }, { status: 400 });
      const now = Date.now();
      const { code, remainingMs } = totpAt(key, now);
      return HttpResponse.json({
        code,
        seconds_remaining: Math.max(1, Math.ceil(remainingMs / 1000)),
      });
    }),
  );
  return { created, folders, assigned };
}

async function pickFile(user: ReturnType<typeof renderWithProviders>['user']) {
  const file = new File(['{"fake": true}'], 'export.json', { type: 'application/json' });
  await user.upload(screen.getByLabelText('Export file'), file);
}

let createObjectURL: ReturnType<typeof vi.fn>;
let csvTexts: Promise<string>[] = [];
beforeEach(() => {
  csvTexts = [];
  createObjectURL = vi.fn((blob: Blob) => {
    csvTexts.push(
      new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blob);
      }),
    );
    return 'blob:report';
  });
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function rowOf(name: string): HTMLElement {
  const checkbox = screen.getByRole('checkbox', { name: `Import ${name}` });
  const row = checkbox.closest('tr');
  if (!row) throw new Error('no row');
  return row;
}

describe('ImportPage', () => {
  it('shows the dry run with statuses, skips matches by default, imports, files, verifies and reports without secrets', async () => {
    const skyvern = fakeSkyvern({ failCreates: [{ name: 'Deploy token', status: 409 }] });
    const parse = vi.fn<ParseFn>(async () => result());
    const view = renderWithProviders(<ImportPage parse={parse} />, { route: '/import' });
    const cache = recordQueryCache(view.queryClient);
    await pickFile(view.user);

    expect(
      await screen.findByRole('heading', { name: 'Check what will happen' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('Acme')).getByText('New')).toBeInTheDocument());
    expect(within(rowOf('Mail')).getByText('Matches an existing credential')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Import Mail' })).not.toBeChecked();
    expect(
      within(rowOf('Broken')).getByText('Invalid: No password in the export.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Import Broken' })).toBeDisabled();
    expect(
      within(rowOf('Steam')).getByText('Unsupported: Steam codes are not TOTP.'),
    ).toBeInTheDocument();
    expect(within(rowOf('Acme')).getByText('Authenticator (Acme)')).toBeInTheDocument();
    expect(within(rowOf('Acme')).getByText('Work')).toBeInTheDocument();

    // The bare GitHub key needs a login: typed in its row.
    await view.user.click(screen.getByRole('checkbox', { name: 'Import GitHub' }));
    await view.user.click(screen.getByRole('button', { name: 'Import 4 credentials' }));
    expect(screen.getByRole('alert')).toHaveTextContent('1 included row needs a login');
    expect(skyvern.created).toHaveLength(0);
    const login = screen.getByRole('group', { name: 'Login for the key of GitHub' });
    expect(within(login).getByLabelText('Username')).toHaveValue('octo');
    await view.user.type(within(login).getByLabelText('Password'), 'typed-pw-5');

    await view.user.click(screen.getByRole('button', { name: 'Import 4 credentials' }));
    expect(
      await screen.findByRole(
        'heading',
        { name: '4 imported, 0 failed, 3 skipped' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();

    expect(skyvern.created.map((item) => item.body.name).sort()).toEqual([
      'Acme',
      'Deploy token',
      'GitHub',
      'Visa',
    ]);
    const acme = skyvern.created.find((item) => item.body.name === 'Acme');
    expect(acme?.body.credential).toMatchObject({
      username: 'jane@acme.test',
      password: 'pw-acme-secret-1',
      totp: KEY.secret,
      totp_type: 'authenticator',
    });
    const github = skyvern.created.find((item) => item.body.name === 'GitHub');
    expect(github?.body.credential).toMatchObject({
      username: 'octo',
      password: 'typed-pw-5',
      totp_type: 'authenticator',
    });
    // The missing folder was created, and Acme filed in it.
    expect(skyvern.folders.map((folder) => folder.title)).toEqual(['Work']);
    expect(skyvern.assigned).toEqual([[acme?.credential.credential_id, 'cfld_1']]);

    const outcomes = screen.getByRole('table', { name: 'Outcome of every entry' });
    const acmeRow = within(outcomes).getByText('Acme').closest('tr') as HTMLElement;
    expect(within(acmeRow).getByText('Verified')).toBeInTheDocument();
    const githubRow = within(outcomes).getByText('GitHub').closest('tr') as HTMLElement;
    expect(within(githubRow).getByText('Verified')).toBeInTheDocument();
    expect(
      within(outcomes).getByText('Skipped: Matches an existing credential'),
    ).toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: 'Download report (CSV)' }));
    const csv = await csvTexts[0];
    expect(csv).toContain('Acme login,Acme,Password,imported,,cred_new_');
    expect(csv).toContain('Old mail,Mail,Password,skipped,Matches an existing credential,,');
    expect(csv).toContain('verified');

    const dom = document.body.innerHTML;
    const inputs = [...document.querySelectorAll('input')].map((input) => input.value).join('\n');
    for (const secret of SECRETS) {
      expect(csv).not.toContain(secret);
      expect(dom).not.toContain(secret);
      expect(inputs).not.toContain(secret);
      expect(cache.text()).not.toContain(secret);
    }
  });

  it('never creates twice: a create answered 500 but applied is found by search and adopted', async () => {
    const skyvern = fakeSkyvern({ failCreates: [{ name: 'Visa', status: 500, applied: true }] });
    const parse = vi.fn<ParseFn>(async () =>
      result(entries().filter((entry) => entry.id === 'e3' || entry.id === 'e2')),
    );
    const view = renderWithProviders(<ImportPage parse={parse} />, { route: '/import' });
    await pickFile(view.user);
    await waitFor(() => expect(within(rowOf('Visa')).getByText('New')).toBeInTheDocument());
    await view.user.click(screen.getByRole('button', { name: 'Import 1 credential' }));
    expect(
      await screen.findByRole(
        'heading',
        { name: '1 imported, 0 failed, 1 skipped' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(skyvern.created.filter((item) => item.body.name === 'Visa')).toHaveLength(1);
  });

  it('reports a create that keeps failing, and Retry failed sends it again once', async () => {
    const skyvern = fakeSkyvern({
      failCreates: [{ name: 'Deploy token', status: 400 }],
    });
    const parse = vi.fn<ParseFn>(async () =>
      result(entries().filter((entry) => entry.id === 'e4')),
    );
    const view = renderWithProviders(<ImportPage parse={parse} />, { route: '/import' });
    await pickFile(view.user);
    await waitFor(() => expect(within(rowOf('Deploy token')).getByText('New')).toBeInTheDocument());
    await view.user.click(screen.getByRole('button', { name: 'Import 1 credential' }));
    expect(
      await screen.findByRole('heading', { name: '0 imported, 1 failed, 0 skipped' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Failed: Something broke')).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(
      await screen.findByRole('heading', { name: '1 imported, 0 failed, 0 skipped' }),
    ).toBeInTheDocument();
    expect(skyvern.created.filter((item) => item.body.name === 'Deploy token')).toHaveLength(1);
  });

  it('asks for an encrypted export’s password, uses it once and says when it is wrong', async () => {
    fakeSkyvern();
    const seen: (string | undefined)[] = [];
    const parse = vi.fn<ParseFn>(async (input) => {
      seen.push(input.password);
      if (input.password === undefined) throw new ImportFileError('needs-password', 'Encrypted.');
      if (input.password !== 'right-one') throw new ImportFileError('wrong-password', 'Wrong.');
      return result(entries().filter((entry) => entry.id === 'e5'));
    });
    const view = renderWithProviders(<ImportPage parse={parse} />, { route: '/import' });
    await pickFile(view.user);
    const password = await screen.findByLabelText('Export password');
    await view.user.type(password, 'wrong-one');
    await view.user.click(screen.getByRole('button', { name: 'Open the export' }));
    expect(
      await screen.findByText('That password does not open this export. Try again.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Export password')).toHaveValue('');
    await view.user.type(screen.getByLabelText('Export password'), 'right-one');
    await view.user.click(screen.getByRole('button', { name: 'Open the export' }));
    expect(
      await screen.findByRole('heading', { name: 'Check what will happen' }),
    ).toBeInTheDocument();
    expect(seen).toEqual([undefined, 'wrong-one', 'right-one']);
    expect(document.body.innerHTML).not.toContain('right-one');
  });

  it('shows a file error in words and stays on the first step', async () => {
    const parse = vi.fn<ParseFn>(async () => {
      throw new ImportFileError(
        'unknown-format',
        'This file is not an export this importer reads.',
      );
    });
    const view = renderWithProviders(<ImportPage parse={parse} />, { route: '/import' });
    await pickFile(view.user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file is not an export this importer reads.',
    );
    expect(screen.getByLabelText('Export file')).toBeInTheDocument();
  });

  it('asks before leaving mid-way, and leaving drops the import', async () => {
    fakeSkyvern();
    const parse = vi.fn<ParseFn>(async () =>
      result(entries().filter((entry) => entry.id === 'e4')),
    );
    const view = renderInLayout(<ImportPage parse={parse} />, { route: '/import' });
    await pickFile(view.user);
    await waitFor(() => expect(within(rowOf('Deploy token')).getByText('New')).toBeInTheDocument());
    const main = screen.getByRole('navigation', { name: 'Main' });
    await view.user.click(within(main).getByRole('link', { name: 'Credentials' }));
    const prompt = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await view.user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('heading', { name: 'Check what will happen' })).toBeInTheDocument();
    await view.user.click(within(main).getByRole('link', { name: 'Credentials' }));
    await view.user.click(
      within(await screen.findByRole('alertdialog', { name: 'Discard changes?' })).getByRole(
        'button',
        { name: 'Discard' },
      ),
    );
    expect(await screen.findByText('Somewhere else')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain('note-secret-value-4');
  });

  it('pages a long dry run 100 rows at a time and still imports every included row', async () => {
    const skyvern = fakeSkyvern();
    const many: ImportEntry[] = Array.from({ length: 150 }, (_, index) => ({
      ...base,
      id: `s${index}`,
      kind: 'secret',
      sourceName: `Token ${index + 1}`,
      name: `Token ${index + 1}`,
      secret: `many-secret-${index}`,
      label: null,
    }));
    const parse = vi.fn<ParseFn>(async () => result(many));
    const view = renderWithProviders(<ImportPage parse={parse} />, { route: '/import' });
    await pickFile(view.user);
    const importButton = await screen.findByRole('button', { name: 'Import 150 credentials' });
    await waitFor(() => expect(importButton).toBeEnabled());
    expect(screen.getAllByRole('checkbox')).toHaveLength(100);
    expect(screen.getByText('Rows 1–100 of 150')).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('checkbox', { name: 'Import Token 150' })).toBeChecked();
    await view.user.click(importButton);
    expect(
      await screen.findByRole(
        'heading',
        { name: '150 imported, 0 failed, 0 skipped' },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(skyvern.created).toHaveLength(150);
  });
});
