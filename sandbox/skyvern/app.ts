/*
 * The Skyvern stand-in as a Hono app: middleware (security headers and CORS, optional fault
 * injection), the route table of contract 1.2, and the mapping of errors onto the contract's
 * error shapes.
 */
import { Hono } from 'hono';
import { createDemoSite } from '../demo/site';
import { lenientUnquote } from '../lib/unquote';
import { deleteProfile, getProfile, listProfiles, profileUsage } from './browser-profiles';
import type { SkyvernContext } from './context';
import { corsAndSecurityHeaders, NO_CORS_HEADER } from './cors';
import { createCredential } from './credentials/create';
import { deleteCredential } from './credentials/delete';
import { patchCredential } from './credentials/patch';
import { getCredential, listCredentials } from './credentials/read';
import { currentTotpCode } from './credentials/totp-code';
import { updateCredential } from './credentials/update';
import {
  clearProviderConfig,
  getCustomConfig,
  saveCustomConfig,
  testCustomConnection,
} from './custom-config';
import { registerControlRoutes } from './control';
import { faultInjection, FaultState } from './faults';
import {
  assignFolderRequest,
  createFolderRequest,
  listFoldersQuery,
  listProfilesQuery,
  updateFolderRequest,
} from './folder-schemas';
import {
  assignFolder,
  createFolder,
  deleteFolder,
  getFolder,
  listFolders,
  updateFolder,
} from './folders';
import {
  EmptyNotFound,
  endpoint,
  HttpError,
  json,
  NONE,
  UnexpectedError,
  ValidationFailure,
  validationResponse,
  type EndpointDeps,
} from './http';
import {
  azureCredentialRequest,
  bitwardenCredentialRequest,
  onePasswordTokenRequest,
} from './provider-schemas';
import {
  getAzure,
  getBitwarden,
  getOnePassword,
  listBitwardenItems,
  listOnePasswordItems,
  saveAzure,
  saveBitwarden,
  saveOnePassword,
} from './providers';
import {
  cancelTest,
  pollTest,
  testCredential,
  testCredentialRequest,
  testLogin,
  testLoginRequest,
} from './login-tests/handlers';
import { RouteTable } from './routes';
import {
  createCredentialRequest,
  customServiceConfigRequest,
  listCredentialsQuery,
  listTotpQuery,
  totpCodeCreate,
  updateCredentialRequest,
} from './schemas';
import { listTotpCodes, pushTotpCode } from './totp-codes';

export interface SkyvernAppOptions {
  authenticate: (headers: Headers) => string;
  allowedOrigins: readonly string[];
  testControl: boolean;
  bodyLimitBytes: number;
}

/** Shape 4: `{"error": "Unexpected error: <Name>"}`, without CORS headers. */
function unhandled(pythonName: string): Response {
  return new Response(JSON.stringify({ error: `Unexpected error: ${pythonName}` }), {
    status: 500,
    headers: { 'content-type': 'application/json', [NO_CORS_HEADER]: '1' },
  });
}

function buildRoutes(ctx: SkyvernContext, deps: EndpointDeps): RouteTable {
  const id = (params: Record<string, string>) => params['credential_id'] ?? '';
  const sanitized = 'sanitized' as const;

  const create = (legacy: boolean) =>
    endpoint(deps, { body: createCredentialRequest, query: NONE, format: sanitized }, (r) =>
      createCredential(ctx, r.organizationId, r.body, legacy),
    );
  const list = endpoint(deps, { body: null, query: listCredentialsQuery, format: sanitized }, (r) =>
    listCredentials(ctx, r.organizationId, r.query),
  );
  const getOne = endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
    getCredential(ctx, r.organizationId, id(r.params)),
  );
  const patch = endpoint(
    deps,
    { body: updateCredentialRequest, query: NONE, format: sanitized },
    (r) => patchCredential(ctx, r.organizationId, id(r.params), r.body),
  );
  const update = endpoint(
    deps,
    { body: createCredentialRequest, query: NONE, format: sanitized },
    (r) => updateCredential(ctx, r.organizationId, id(r.params), r.body),
  );
  const remove = (legacy: boolean) =>
    endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
      deleteCredential(ctx, r.organizationId, id(r.params), legacy),
    );
  const totpCode = endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
    currentTotpCode(ctx, r.organizationId, id(r.params)),
  );
  const pushTotp = (format: 'sanitized' | 'default') =>
    endpoint(deps, { body: totpCodeCreate, query: NONE, format }, (r) =>
      pushTotpCode(ctx, r.organizationId, r.body),
    );
  const listTotp = endpoint(deps, { body: null, query: listTotpQuery, format: sanitized }, (r) =>
    listTotpCodes(ctx, r.organizationId, r.query),
  );
  const getConfig = endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
    getCustomConfig(ctx, r.organizationId),
  );
  const saveConfig = endpoint(
    deps,
    { body: customServiceConfigRequest, query: NONE, format: sanitized },
    (r) => saveCustomConfig(ctx, r.organizationId, r.body),
  );
  const testConnection = endpoint(
    deps,
    { body: customServiceConfigRequest, query: NONE, format: sanitized },
    (r) => testCustomConnection(ctx, r.body),
  );
  // Folders (section 10): FastAPI's default 422 format, except F6 under /…/credentials.
  const folderId = (params: Record<string, string>) => params['folder_id'] ?? '';
  const plain = 'default' as const;
  const folderCreate = endpoint(
    deps,
    { body: createFolderRequest, query: NONE, format: plain },
    (r) => createFolder(ctx, r.organizationId, r.body),
  );
  const folderList = endpoint(deps, { body: null, query: listFoldersQuery, format: plain }, (r) =>
    listFolders(ctx, r.organizationId, r.query),
  );
  const folderGet = endpoint(deps, { body: null, query: NONE, format: plain }, (r) =>
    getFolder(ctx, r.organizationId, folderId(r.params)),
  );
  const folderUpdate = endpoint(
    deps,
    { body: updateFolderRequest, query: NONE, format: plain },
    (r) => updateFolder(ctx, r.organizationId, folderId(r.params), r.body),
  );
  const folderDelete = endpoint(deps, { body: null, query: NONE, format: plain }, (r) =>
    deleteFolder(ctx, r.organizationId, folderId(r.params)),
  );
  const folderAssign = endpoint(
    deps,
    { body: assignFolderRequest, query: NONE, format: sanitized },
    (r) => assignFolder(ctx, r.organizationId, id(r.params), r.body),
  );
  // Browser profiles (section 13), /v1 only.
  const profileId = (params: Record<string, string>) => params['profile_id'] ?? '';
  const profileList = endpoint(deps, { body: null, query: listProfilesQuery, format: plain }, (r) =>
    listProfiles(ctx, r.organizationId, r.query),
  );
  const profileGet = endpoint(deps, { body: null, query: NONE, format: plain }, (r) =>
    getProfile(ctx, r.organizationId, profileId(r.params)),
  );
  const profileUse = endpoint(deps, { body: null, query: NONE, format: plain }, (r) =>
    profileUsage(ctx, r.organizationId, profileId(r.params)),
  );
  const profileDelete = endpoint(deps, { body: null, query: NONE, format: plain }, (r) =>
    deleteProfile(ctx, r.organizationId, profileId(r.params)),
  );
  // Vault providers (section 12), /v1 only; P9 is clearProvider below.
  const orgOnly = (handler: (c: SkyvernContext, organizationId: string) => Response) =>
    endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
      handler(ctx, r.organizationId),
    );
  const onePasswordSave = endpoint(
    deps,
    { body: onePasswordTokenRequest, query: NONE, format: sanitized },
    (r) => saveOnePassword(ctx, r.organizationId, r.body),
  );
  const bitwardenSave = endpoint(
    deps,
    { body: bitwardenCredentialRequest, query: NONE, format: sanitized },
    (r) => saveBitwarden(ctx, r.organizationId, r.body),
  );
  const azureSave = endpoint(
    deps,
    { body: azureCredentialRequest, query: NONE, format: sanitized },
    (r) => saveAzure(ctx, r.organizationId, r.body),
  );
  const clearProvider = endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
    clearProviderConfig(ctx, r.organizationId, r.params['provider'] ?? ''),
  );

  // Login tests (section 11), /v1 only.
  const runId = (params: Record<string, string>) => params['workflow_run_id'] ?? '';
  const loginTest = endpoint(
    deps,
    { body: testLoginRequest, query: NONE, format: sanitized },
    (r) => testLogin(ctx, r.organizationId, r.body),
  );
  const credentialTest = endpoint(
    deps,
    { body: testCredentialRequest, query: NONE, format: sanitized },
    (r) => testCredential(ctx, r.organizationId, id(r.params), r.body),
  );
  const pollLoginTest = endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
    pollTest(ctx, r.organizationId, id(r.params), runId(r.params)),
  );
  const cancelLoginTest = endpoint(deps, { body: null, query: NONE, format: sanitized }, (r) =>
    cancelTest(ctx, r.organizationId, id(r.params), runId(r.params)),
  );

  // Registration order matters: the first full match wins, as in Starlette.
  return (
    new RouteTable()
      .add('POST', '/v1/credentials', create(false))
      .add('GET', '/v1/credentials', list)
      .add('GET', '/v1/credentials/totp', listTotp)
      .add('POST', '/v1/credentials/totp', pushTotp(sanitized))
      .add('GET', '/v1/credentials/custom_credential/get', getConfig)
      .add('POST', '/v1/credentials/custom_credential/create', saveConfig)
      .add('POST', '/v1/credentials/custom_credential/test_connection', testConnection)
      .add('GET', '/v1/credentials/onepassword/get', orgOnly(getOnePassword))
      .add('POST', '/v1/credentials/onepassword/create', onePasswordSave)
      .add('GET', '/v1/credentials/onepassword/items', orgOnly(listOnePasswordItems))
      .add('GET', '/v1/credentials/bitwarden/get', orgOnly(getBitwarden))
      .add('POST', '/v1/credentials/bitwarden/create', bitwardenSave)
      .add('GET', '/v1/credentials/bitwarden/items', orgOnly(listBitwardenItems))
      .add('GET', '/v1/credentials/azure_credential/get', orgOnly(getAzure))
      .add('POST', '/v1/credentials/azure_credential/create', azureSave)
      .add('POST', '/v1/credentials/test-login', loginTest)
      .add('GET', '/v1/credentials/{credential_id}', getOne)
      .add('PATCH', '/v1/credentials/{credential_id}', patch)
      // On /v1 this path is the provider-clear route, not a credential delete (contract 1.2).
      .add('DELETE', '/v1/credentials/{provider}', clearProvider)
      .add('POST', '/v1/credentials/{credential_id}/update', update)
      .add('POST', '/v1/credentials/{credential_id}/delete', remove(false))
      .add('GET', '/v1/credentials/{credential_id}/totp-code', totpCode)
      .add('PUT', '/v1/credentials/{credential_id}/folder', folderAssign)
      .add('POST', '/v1/credentials/{credential_id}/test', credentialTest)
      .add('GET', '/v1/credentials/{credential_id}/test/{workflow_run_id}', pollLoginTest)
      .add('POST', '/v1/credentials/{credential_id}/test/{workflow_run_id}/cancel', cancelLoginTest)
      .add('POST', '/v1/credential_folders', folderCreate)
      .add('GET', '/v1/credential_folders', folderList)
      .add('GET', '/v1/credential_folders/{folder_id}', folderGet)
      .add('PUT', '/v1/credential_folders/{folder_id}', folderUpdate)
      .add('DELETE', '/v1/credential_folders/{folder_id}', folderDelete)
      .add('GET', '/v1/browser_profiles', profileList)
      .add('GET', '/v1/browser_profiles/{profile_id}', profileGet)
      .add('DELETE', '/v1/browser_profiles/{profile_id}', profileDelete)
      .add('GET', '/v1/browser_profiles/{profile_id}/usage', profileUse)
      // The legacy router mirrors a few routes, with different statuses.
      .add('POST', '/api/v1/credentials', create(true))
      .add('GET', '/api/v1/credentials', list)
      .add('GET', '/api/v1/credentials/{credential_id}', getOne)
      .add('PUT', '/api/v1/credentials/{credential_id}', update)
      .add('DELETE', '/api/v1/credentials/{credential_id}', remove(true))
      .add('PUT', '/api/v1/credentials/{credential_id}/folder', folderAssign)
      .add('POST', '/api/v1/credential_folders', folderCreate)
      .add('GET', '/api/v1/credential_folders', folderList)
      .add('GET', '/api/v1/credential_folders/{folder_id}', folderGet)
      .add('PUT', '/api/v1/credential_folders/{folder_id}', folderUpdate)
      .add('DELETE', '/api/v1/credential_folders/{folder_id}', folderDelete)
      // Outside /…/credentials, so FastAPI's default 422 format (with `input`) applies.
      .add('POST', '/api/v1/totp', pushTotp('default'))
  );
}

export function createSkyvernApp(ctx: SkyvernContext, options: SkyvernAppOptions) {
  const app = new Hono();
  const deps: EndpointDeps = {
    authenticate: options.authenticate,
    bodyLimit: options.bodyLimitBytes,
  };
  const routes = buildRoutes(ctx, deps);
  const faults = new FaultState();

  app.use('*', corsAndSecurityHeaders(options.allowedOrigins));

  // Always available (harmless, and handy for readiness checks).
  app.get('/__sandbox/health', () => json(200, { status: 'ok' }));
  // The demo login site (sandbox/demo), before fault injection: faults target the API.
  app.route(
    '/',
    createDemoSite({ slowPageMs: ctx.loginTests.options.pageTimeoutMs + 1000, now: ctx.now }),
  );
  if (options.testControl) {
    registerControlRoutes(app, ctx, faults, options.authenticate);
    app.use('*', faultInjection(faults));
  }

  app.all('*', async (c) => {
    // Starlette matches the percent-decoded path.
    const path = lenientUnquote(new URL(c.req.url).pathname);
    const match = routes.match(c.req.method, path);
    if (match.kind === 'found') return match.handler(c, match.params);
    if (match.kind === 'method_not_allowed') {
      return json(405, { detail: 'Method Not Allowed' }, { allow: match.allow.join(', ') });
    }
    return json(404, { detail: 'Not Found' });
  });

  app.onError((error) => {
    if (error instanceof HttpError)
      return json(error.status, { detail: error.detail }, error.headers);
    if (error instanceof ValidationFailure) return validationResponse(error);
    if (error instanceof EmptyNotFound) return new Response(null, { status: 404 });
    if (error instanceof UnexpectedError) return unhandled(error.pythonName);
    // A sandbox bug: answer like Skyvern would, but make it visible.
    console.error('[sandbox] unhandled error:', error);
    return unhandled(error instanceof Error ? error.constructor.name : 'Exception');
  });

  return { app, faults };
}
