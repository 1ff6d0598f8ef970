/*
 * Request models for credential folders (contract 10) and browser profiles (13). Folder bodies and
 * every query here fail with FastAPI's default 422 format; F6's body with the sanitised one.
 */
import {
  bool,
  model,
  nullable,
  optional,
  queryInt,
  required,
  str,
  type Issue,
  type Schema,
} from './validation';

const title = str({ min: 1, max: 255 });

export const createFolderRequest = model('CredentialFolderCreate', {
  title: required(title),
  description: optional(nullable(str()), null),
});
export type CreateFolderRequest = typeof createFolderRequest extends Schema<infer T> ? T : never;

export const updateFolderRequest = model(
  'CredentialFolderUpdate',
  {
    title: optional(nullable(title), null),
    description: optional(nullable(str()), null),
  },
  ({ values }, loc, input): Issue[] =>
    values.title === null && values.description === null
      ? [
          {
            type: 'value_error',
            loc,
            msg: "Value error, at least one of 'title' or 'description' must be provided",
            input,
            // FastAPI's encoder turns the ValueError in ctx into {} (contract 10.6).
            ctx: { error: {} },
          },
        ]
      : [],
);
export type UpdateFolderRequest = typeof updateFolderRequest extends Schema<infer T> ? T : never;

export const listFoldersQuery = model('ListFoldersQuery', {
  page: optional(queryInt({ ge: 1 }), 1),
  page_size: optional(queryInt({ ge: 1, le: 500 }), 100),
  search: optional(nullable(str()), null),
});
export type ListFoldersQuery = typeof listFoldersQuery extends Schema<infer T> ? T : never;

/** F6: the key is required; null or "" unfiles. */
export const assignFolderRequest = model('UpdateCredentialFolderRequest', {
  folder_id: required(nullable(str())),
});
export type AssignFolderRequest = typeof assignFolderRequest extends Schema<infer T> ? T : never;

export const listProfilesQuery = model('ListBrowserProfilesQuery', {
  page: optional(queryInt({ ge: 1 }), 1),
  page_size: optional(queryInt({ ge: 1 }), 10),
  include_deleted: optional(bool(), false),
  search_key: optional(nullable(str()), null),
  managed: optional(nullable(bool()), null),
});
export type ListProfilesQuery = typeof listProfilesQuery extends Schema<infer T> ? T : never;
