import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Eye, EyeOff, Link2 } from 'lucide-react';
import type { TotpRecord } from '../../api/schemas';
import { parseSkyvernTimestamp } from '../../api/timestamps';
import { CopyButton } from '../../components/ui/CopyButton';
import { ScrollRegion } from '../../components/ui/ScrollRegion';
import { UserText } from '../../components/ui/UserText';
import { revealBidiControls } from '../../lib/bidi';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/States';
import { totpCodesQueryOptions } from './api';

/** Runs only use codes younger than this (Skyvern's TOTP_LIFESPAN_MINUTES default). */
const LIFESPAN_MS = 10 * 60_000;

const timeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

function ago(date: Date, now: number): string {
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** Recent pushed codes, newest first, masked until revealed one by one. */
export function CodesList({ identifier }: { identifier: string }) {
  const query = useQuery(
    totpCodesQueryOptions({ totp_identifier: identifier || undefined, limit: 50 }),
  );
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());

  if (query.isPending) return <LoadingState label="Loading codes…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="The codes could not be loaded"
        message={query.error.message}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const codes = query.data;
  if (codes.length === 0) {
    return (
      <EmptyState
        title={
          identifier ? (
            <>
              No codes for <UserText text={identifier} />
            </>
          ) : (
            'No codes yet'
          )
        }
      >
        Codes pushed to Skyvern by email or text-message forwarding, or with the form on this page,
        appear here as they arrive.
      </EmptyState>
    );
  }
  // The time of the last fetch: ages move on with each poll, not on every render.
  const now = query.dataUpdatedAt;
  const toggle = (id: string) =>
    setRevealed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ScrollRegion
      label="Recent codes table"
      className="rounded-xl border border-slate-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Recent codes{identifier ? ` for ${revealBidiControls(identifier)}` : ''}, newest first
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Code
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Identifier
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Received
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Source and run
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {codes.map((record) => (
            <CodeRow
              key={record.totp_code_id}
              record={record}
              now={now}
              revealed={revealed.has(record.totp_code_id)}
              onToggle={() => toggle(record.totp_code_id)}
            />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function CodeRow({
  record,
  now,
  revealed,
  onToggle,
}: {
  record: TotpRecord;
  now: number;
  revealed: boolean;
  onToggle: () => void;
}) {
  const created = parseSkyvernTimestamp(record.created_at);
  const tooOld = now - created.getTime() > LIFESPAN_MS;
  const isLink = record.otp_type === 'magic_link';
  const when = timeFormat.format(created);
  const what = isLink ? 'sign-in link' : 'code';
  return (
    <tr className={tooOld ? 'text-slate-600' : undefined}>
      <td className="px-4 py-3 align-top">
        <div className="flex items-center gap-1">
          {isLink && <Link2 aria-hidden="true" className="size-4 text-slate-500" />}
          <span
            className={
              isLink
                ? 'max-w-64 truncate font-mono text-slate-900'
                : 'font-mono text-base font-semibold tracking-wider text-slate-900'
            }
            data-testid="pushed-code"
          >
            {revealed ? record.code || '(empty)' : isLink ? 'Sign-in link ••••' : '••••••'}
          </span>
          <button
            type="button"
            onClick={onToggle}
            aria-pressed={revealed}
            aria-label={`${revealed ? 'Hide' : 'Show'} ${what} received ${when}`}
            className="inline-flex size-7 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {revealed ? (
              <EyeOff aria-hidden="true" className="size-4" />
            ) : (
              <Eye aria-hidden="true" className="size-4" />
            )}
          </button>
          {record.code && <CopyButton value={record.code} label={`${what} received ${when}`} />}
        </div>
        {revealed && record.content && record.content !== record.code && (
          <p className="mt-1 max-w-md text-xs break-words whitespace-pre-wrap text-slate-600">
            {record.content.length > 300 ? `${record.content.slice(0, 300)}…` : record.content}
          </p>
        )}
      </td>
      <td className="max-w-64 px-4 py-3 align-top">
        <UserText text={record.totp_identifier} />
      </td>
      <td className="px-4 py-3 align-top whitespace-nowrap">
        <time dateTime={created.toISOString()} title={when}>
          {ago(created, now)}
        </time>
        {tooOld && <p className="text-xs">Too old for runs (over 10 min)</p>}
      </td>
      <td className="px-4 py-3 align-top text-xs text-slate-600">
        <p>{record.source ?? 'No source given'}</p>
        {record.workflow_run_id && <p className="font-mono">{record.workflow_run_id}</p>}
        {record.task_id && <p className="font-mono">{record.task_id}</p>}
      </td>
    </tr>
  );
}
