import { memo, useId, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { ScrollRegion } from '../../components/ui/ScrollRegion';
import { inputClass } from '../../components/ui/Field';
import { SecretInput } from '../../components/ui/SecretInput';
import { cn } from '../../lib/cn';
import {
  canInclude,
  entryName,
  entryUsername,
  rowProblem,
  type LoginChoice,
  type PlanRow,
} from './plan';
import { typeOf } from './report';
import { PAGE_SIZE, pageCount, Pager } from './Pager';

export interface ReviewStepProps {
  fileName: string;
  rows: readonly PlanRow[];
  warnings: readonly string[];
  /** Rows whose check against the server has not answered yet. */
  checking: number;
  checkError: string | null;
  onChange: (rowId: string, patch: Partial<Pick<PlanRow, 'include' | 'login'>>) => void;
  onImport: () => void;
  onStartOver: () => void;
  /** Rows that are included but can't be sent yet, shown after a press of Import. */
  blocked: number;
  /** Folders are being prepared before the first create. */
  starting: boolean;
}

export function statusText(row: PlanRow): string {
  const { entry } = row;
  switch (row.status) {
    case 'checking':
      return 'Checking…';
    case 'new':
      return 'New';
    case 'match':
      return 'Matches an existing credential';
    case 'invalid':
      return `Invalid: ${entry.problems.join(' ')}`;
    case 'unsupported':
      return `Unsupported: ${entry.kind === 'unsupported' ? entry.reason : ''}`;
  }
}

const statusTone: Record<PlanRow['status'], string> = {
  checking: 'bg-slate-100 text-slate-700',
  new: 'bg-emerald-50 text-emerald-800',
  match: 'bg-amber-50 text-amber-900',
  invalid: 'bg-red-50 text-red-800',
  unsupported: 'bg-slate-100 text-slate-700',
};

export function twoFactorText(row: PlanRow): string {
  const { entry } = row;
  const totp = entry.kind === 'password' || entry.kind === 'authenticator' ? entry.totp : null;
  if (!totp) return '—';
  return totp.issuer ? `Authenticator (${totp.issuer})` : 'Authenticator';
}

export function ReviewStep({
  fileName,
  rows,
  warnings,
  checking,
  checkError,
  onChange,
  onImport,
  onStartOver,
  blocked,
  starting,
}: ReviewStepProps) {
  const [page, setPage] = useState(1);
  const shownPage = Math.min(page, pageCount(rows.length));
  const shown = rows.slice((shownPage - 1) * PAGE_SIZE, shownPage * PAGE_SIZE);
  const included = rows.filter((row) => row.include).length;
  const count = (status: PlanRow['status']) => rows.filter((row) => row.status === status).length;
  return (
    <section aria-labelledby="import-review" className="space-y-4">
      <div className="space-y-1">
        <h2
          id="import-review"
          tabIndex={-1}
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          Check what will happen
        </h2>
        <p className="text-sm text-slate-600">
          <span className="break-all">{fileName}</span>: {rows.length} entries · {count('new')} new
          · {count('match')} matching an existing credential · {count('invalid')} invalid ·{' '}
          {count('unsupported')} unsupported. Nothing has been sent to Skyvern yet.
        </p>
      </div>
      {warnings.length > 0 && (
        <ul className="list-disc space-y-1 rounded-lg border border-amber-300 bg-amber-50 py-3 pr-4 pl-8 text-sm text-amber-950">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {checking > 0 && (
        <p role="status" className="text-sm text-slate-700">
          Looking for existing credentials with the same name and username… {checking} left.
        </p>
      )}
      {checkError && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        >
          Skyvern could not be searched for existing credentials: {checkError}
        </p>
      )}
      <ScrollRegion
        label="Dry run table"
        className="rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <table className="w-full min-w-[56rem] text-left text-sm">
          <caption className="sr-only">
            Dry run: every entry of the export and what it becomes
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="w-16 px-3 py-2">
                Import
              </th>
              <th scope="col" className="px-3 py-2">
                Source name
              </th>
              <th scope="col" className="px-3 py-2">
                Type
              </th>
              <th scope="col" className="px-3 py-2">
                Name and username
              </th>
              <th scope="col" className="px-3 py-2">
                2FA
              </th>
              <th scope="col" className="px-3 py-2">
                Folder
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          {shown.map((row) => (
            <ReviewRow key={row.entry.id} row={row} onChange={onChange} />
          ))}
        </table>
      </ScrollRegion>
      <Pager label="Dry run pages" page={shownPage} total={rows.length} onPage={setPage} />
      {blocked > 0 && (
        <p role="alert" className="text-sm text-red-700">
          {blocked === 1 ? '1 included row needs' : `${blocked} included rows need`} a login before
          the import can start: see the rows marked below.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="primary"
          onClick={onImport}
          loading={starting}
          disabled={included === 0 || checking > 0}
        >
          Import {included} {included === 1 ? 'credential' : 'credentials'}
        </Button>
        <Button onClick={onStartOver}>Pick another file</Button>
      </div>
    </section>
  );
}

const ReviewRow = memo(function ReviewRow({
  row,
  onChange,
}: {
  row: PlanRow;
  onChange: ReviewStepProps['onChange'];
}) {
  const { entry } = row;
  const name = entryName(entry);
  const username = entryUsername(entry);
  const problem = rowProblem(row);
  return (
    <tbody className="border-b border-slate-100 last:border-b-0">
      <tr className={cn(!row.include && 'text-slate-600')}>
        <td className="px-3 py-2 align-top">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={row.include}
            disabled={!canInclude(row)}
            aria-label={`Import ${name || entry.sourceName}`}
            onChange={(event) => onChange(entry.id, { include: event.target.checked })}
          />
        </td>
        <td className="max-w-48 px-3 py-2 align-top break-words">{entry.sourceName}</td>
        <td className="px-3 py-2 align-top whitespace-nowrap">{typeOf(row)}</td>
        <td className="max-w-64 px-3 py-2 align-top break-words">
          <span className="font-medium text-slate-900">{name}</span>
          {username && <span className="block text-slate-600">{username}</span>}
        </td>
        <td className="px-3 py-2 align-top">{twoFactorText(row)}</td>
        <td className="px-3 py-2 align-top">{entry.folder ?? '—'}</td>
        <td className="px-3 py-2 align-top">
          <span
            className={cn(
              'inline-block rounded px-2 py-0.5 text-xs font-medium',
              statusTone[row.status],
            )}
          >
            {statusText(row)}
          </span>
        </td>
      </tr>
      {entry.kind === 'authenticator' && row.include && row.login && (
        <tr>
          <td colSpan={7} className="px-3 pb-3">
            <LoginEditor row={row} login={row.login} problem={problem} onChange={onChange} />
          </td>
        </tr>
      )}
    </tbody>
  );
});

function LoginEditor({
  row,
  login,
  problem,
  onChange,
}: {
  row: PlanRow;
  login: LoginChoice;
  problem: string | null;
  onChange: ReviewStepProps['onChange'];
}) {
  const id = useId();
  const rowId = row.entry.id;
  const set = (next: LoginChoice) => onChange(rowId, { login: next });
  const name = entryName(row.entry);
  return (
    // Sticky and no wider than the screen: on a phone the table scrolls sideways, the login form doesn't.
    <fieldset className="sticky left-3 w-[min(44rem,calc(100vw-4rem))] space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">
        Login for the key of {name}
      </legend>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            className="accent-brand-600"
            checked={login.mode === 'new'}
            onChange={() =>
              set({
                mode: 'new',
                username: row.entry.kind === 'authenticator' ? row.entry.totp.account : '',
                password: '',
              })
            }
          />
          New password credential
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            className="accent-brand-600"
            checked={login.mode === 'attach'}
            disabled={row.candidates.length === 0}
            onChange={() =>
              set({
                mode: 'attach',
                credentialId: row.candidates[0]?.credentialId ?? '',
                password: '',
              })
            }
          />
          Add to an existing credential
          {row.candidates.length === 0 && <span className="text-slate-600">(none found)</span>}
        </label>
      </div>
      {login.mode === 'new' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-username`} className="block text-sm font-medium text-slate-800">
              Username
            </label>
            <input
              id={`${id}-username`}
              className={inputClass}
              value={login.username}
              autoComplete="off"
              onChange={(event) => set({ ...login, username: event.target.value })}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-800">
              Password
            </label>
            <SecretInput
              id={`${id}-password`}
              value={login.password}
              revealLabel="password"
              onChange={(event) => set({ ...login, password: event.target.value })}
            />
          </div>
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-target`} className="block text-sm font-medium text-slate-800">
              Credential
            </label>
            <select
              id={`${id}-target`}
              className={inputClass}
              value={login.credentialId}
              onChange={(event) => set({ ...login, credentialId: event.target.value })}
            >
              {row.candidates.map((candidate) => (
                <option key={candidate.credentialId} value={candidate.credentialId}>
                  {candidate.name} ({candidate.username})
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-again`} className="block text-sm font-medium text-slate-800">
              Its password, again
            </label>
            <SecretInput
              id={`${id}-again`}
              value={login.password}
              revealLabel="password"
              aria-describedby={`${id}-why`}
              onChange={(event) => set({ ...login, password: event.target.value })}
            />
            <p id={`${id}-why`} className="text-xs text-slate-600">
              Skyvern replaces a credential’s whole secret when a key is added, so it needs the
              password again. The key replaces any key the credential has now.
            </p>
          </div>
        </div>
      )}
      {problem && <p className="text-sm text-red-700">{problem}</p>}
    </fieldset>
  );
}
