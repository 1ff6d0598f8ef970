import type { CredentialListParams } from '../../api/schemas';
import { isCredentialType } from '../../api/response-guards';

/*
 * The list's state lives in the URL (?search=&type=&folder=&page=&page_size=) so it can be shared and
 * back/forward work. Anything a person could type into the address bar is validated; what does
 * not parse falls back to its default rather than breaking the page.
 */

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const SEARCH_MAX = 200;

export interface ListState {
  search: string;
  type: CredentialListParams['credential_type'];
  /** A folder id (contract 10), or undefined for all credentials. */
  folder?: string | undefined;
  page: number;
  pageSize: number;
}

/** A whole number written plainly (no sign, exponent or decimals), within limits. */
function wholeNumber(value: string | null, max: number): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

/** Folder ids look like `cfld_<digits>`; anything plain and short is passed on, the rest ignored. */
function folderId(value: string | null): string | undefined {
  return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
}

export function parseListState(params: URLSearchParams): ListState {
  const pageSize = wholeNumber(params.get('page_size'), 1000);
  const type = params.get('type');
  return {
    search: (params.get('search') ?? '').slice(0, SEARCH_MAX),
    type: isCredentialType(type) ? type : undefined,
    folder: folderId(params.get('folder')),
    page: wholeNumber(params.get('page'), 100_000) ?? 1,
    pageSize:
      pageSize !== null && (PAGE_SIZES as readonly number[]).includes(pageSize)
        ? pageSize
        : DEFAULT_PAGE_SIZE,
  };
}

/** Only non-default values are written, so the plain /credentials URL means "everything". */
export function serialiseListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('search', state.search.slice(0, SEARCH_MAX));
  if (state.type) params.set('type', state.type);
  if (state.folder) params.set('folder', state.folder);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('page_size', String(state.pageSize));
  return params;
}

export function toApiParams(state: ListState): CredentialListParams {
  return {
    page: state.page,
    page_size: state.pageSize,
    credential_type: state.type,
    search: state.search || undefined,
    folder_id: state.folder,
  };
}
