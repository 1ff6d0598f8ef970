import { z } from 'zod/mini';
import { credentialTypeSchema, type CredentialListParams } from '../../api/schemas';

/*
 * The list's state lives in the URL (?search=&type=&page=&page_size=) so it can be shared and
 * back/forward work. Anything a person could type into the address bar is validated; what does
 * not parse falls back to its default rather than breaking the page.
 */

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const SEARCH_MAX = 200;

export interface ListState {
  search: string;
  type: CredentialListParams['credential_type'];
  page: number;
  pageSize: number;
}

const pageSchema = z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000));
const pageSizeSchema = z.coerce
  .number()
  .check(z.refine((value) => (PAGE_SIZES as readonly number[]).includes(value)));

export function parseListState(params: URLSearchParams): ListState {
  const page = pageSchema.safeParse(params.get('page') ?? '');
  const pageSize = pageSizeSchema.safeParse(params.get('page_size') ?? '');
  const type = credentialTypeSchema.safeParse(params.get('type'));
  return {
    search: (params.get('search') ?? '').slice(0, SEARCH_MAX),
    type: type.success ? type.data : undefined,
    page: page.success ? page.data : 1,
    pageSize: pageSize.success ? pageSize.data : DEFAULT_PAGE_SIZE,
  };
}

/** Only non-default values are written, so the plain /credentials URL means "everything". */
export function serialiseListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('search', state.search.slice(0, SEARCH_MAX));
  if (state.type) params.set('type', state.type);
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
  };
}
