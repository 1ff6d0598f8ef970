/*
 * Pushed one-time codes: T1 (push) and T2 (list), contract section 4. Skyvern asks an LLM to find
 * the code in longer messages; the sandbox substitutes a deterministic rule (see extractCode).
 */
import { newId } from '../lib/ids';
import { naiveIsoNow } from '../lib/time';
import type { SkyvernContext } from './context';
import { HttpError, json } from './http';
import type { ListTotpQuery, OtpType, TotpCodeCreate } from './schemas';
import { totpResponse } from './serialize';
import type { TotpRow } from './store';
import { pyLength } from './validation';

/** TOTP_RAW_CONTENT_MAX_LENGTH: longer content with nothing found is refused. */
export const RAW_CONTENT_MAX_LENGTH = 65_536;
const VERBATIM_MAX_LENGTH = 10;

function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

function cleanLink(url: string): string {
  return url.replace(/[.,;:!?]+$/, '').replace(/&amp;|&#0*38;|&#x0*26;/gi, '&');
}

/**
 * What Skyvern stores as the code, or null when nothing can be extracted:
 * 1. content of at most 10 characters (after trimming) is the code, verbatim;
 * 2. a single bare http(s) URL is a magic link;
 * 3. otherwise (the LLM's job in Skyvern) the first whole token that is either a run of 4–8 digits
 *    or a `123 456` / `123-456` pair, with the separator removed.
 */
export function extractCode(content: string): { code: string; otpType: OtpType } | null {
  const text = content.trim();
  if (pyLength(text) <= VERBATIM_MAX_LENGTH) {
    return { code: text, otpType: /^https?:\/\//i.test(text) ? 'magic_link' : 'totp' };
  }
  if (/^https?:\/\/\S+$/i.test(text)) return { code: cleanLink(text), otpType: 'magic_link' };
  const match = /(?<![0-9A-Za-z])(\d{3}[ -]\d{3}|\d{4,8})(?![0-9A-Za-z])/.exec(text);
  if (match?.[1] === undefined) return null;
  return { code: match[1].replace(/[ -]/g, ''), otpType: 'totp' };
}

export function pushTotpCode(ctx: SkyvernContext, organizationId: string, request: TotpCodeCreate) {
  const body = request.values;
  // The sandbox has no tasks, workflows or runs, so every non-empty reference is unknown.
  if (body.task_id) throw new HttpError(400, `Invalid task id: ${body.task_id}`);
  if (body.workflow_id) throw new HttpError(400, `Invalid workflow id: ${body.workflow_id}`);
  if (body.workflow_run_id)
    throw new HttpError(400, `Invalid workflow run id: ${body.workflow_run_id}`);

  const content = body.content.replaceAll('\u0000', '');
  const trimmedIdentifier = body.totp_identifier.trim();
  const identifier = looksLikeEmail(trimmedIdentifier)
    ? trimmedIdentifier.toLowerCase()
    : body.totp_identifier;
  const extracted = extractCode(content);
  if (extracted === null && pyLength(content) > RAW_CONTENT_MAX_LENGTH) {
    throw new HttpError(400, 'Failed to parse otp login');
  }
  const { id, seq } = newId('totp');
  const createdAt = naiveIsoNow();
  const row: TotpRow = {
    id,
    organization_id: organizationId,
    totp_identifier: identifier,
    task_id: body.task_id,
    workflow_id: body.workflow_id,
    workflow_run_id: body.workflow_run_id,
    source: body.source,
    content,
    expired_at: body.expired_at,
    code: extracted?.code ?? '',
    otp_type: extracted?.otpType ?? null,
    status: extracted === null ? 'raw_pending' : 'parsed',
    created_at: createdAt,
    modified_at: naiveIsoNow(),
  };
  ctx.store.insertTotp({ ...row, seq });
  return json(200, totpResponse(row));
}

export function listTotpCodes(ctx: SkyvernContext, organizationId: string, query: ListTotpQuery) {
  const { totp_identifier: identifier, workflow_run_id, otp_type, limit } = query.values;
  const rows = ctx.store.listTotp(
    organizationId,
    {
      identifier:
        identifier === null || identifier === ''
          ? null
          : { value: identifier, caseInsensitive: looksLikeEmail(identifier.trim()) },
      workflowRunId: workflow_run_id,
      otpType: otp_type,
    },
    limit,
  );
  return json(200, rows.map(totpResponse));
}
