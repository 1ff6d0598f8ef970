/*
 * Request models of the vault-provider routes P2, P5 and P8 (contract 12.2–12.4). They sit under
 * /v1/credentials, so their 422s are sanitised.
 */
import { custom, model, required, str, type Schema } from './validation';

export const onePasswordTokenRequest = model('CreateOnePasswordTokenRequest', {
  // No minimum length or format: "" is stored (12.2).
  token: required(str()),
});
export type OnePasswordTokenRequest =
  typeof onePasswordTokenRequest extends Schema<infer T> ? T : never;

/**
 * pydantic's `EmailStr` (email-validator), reduced to the structural checks: the first failing
 * rule's message, and the normalised form (domain lower-cased, local part kept).
 */
function emailProblem(text: string): string | null {
  const at = text.lastIndexOf('@');
  if (at === -1) return 'An email address must have an @-sign.';
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local === '') return 'There must be something before the @-sign.';
  if (domain === '') return 'There must be something after the @-sign.';
  if (/\s/.test(text)) return 'The email address contains invalid characters: spaces.';
  if (local.includes('@'))
    return "The email address contains invalid characters before the @-sign: '@'.";
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'The email address contains a period in an invalid position.';
  }
  if (!domain.includes('.'))
    return 'The part after the @-sign is not valid. It should have a period.';
  if (domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) {
    return 'An email address cannot have a period immediately after the @-sign.';
  }
  if (!/^[\p{L}\p{N}.-]+$/u.test(domain)) {
    return 'The part after the @-sign contains invalid characters.';
  }
  return null;
}

const emailStr = custom<string>((input, loc) => {
  if (typeof input !== 'string') {
    return {
      ok: false,
      issues: [{ type: 'string_type', loc, msg: 'Input should be a valid string', input }],
    };
  }
  const problem = emailProblem(input);
  if (problem !== null) {
    return {
      ok: false,
      issues: [
        {
          type: 'value_error',
          loc,
          msg: `value is not a valid email address: ${problem}`,
          input,
          ctx: { reason: problem },
        },
      ],
    };
  }
  const at = input.lastIndexOf('@');
  return { ok: true, value: `${input.slice(0, at)}@${input.slice(at + 1).toLowerCase()}` };
});

export const bitwardenCredentialRequest = model('CreateBitwardenCredentialRequest', {
  credential: required(
    model('BitwardenCredential', {
      email: required(emailStr),
      master_password: required(str({ min: 1 })),
    }),
  ),
});
export type BitwardenCredentialRequest =
  typeof bitwardenCredentialRequest extends Schema<infer T> ? T : never;

export const azureCredentialRequest = model('CreateAzureClientSecretCredentialRequest', {
  credential: required(
    model('AzureClientSecretCredential', {
      tenant_id: required(str()),
      client_id: required(str()),
      client_secret: required(str()),
    }),
  ),
});
export type AzureCredentialRequest =
  typeof azureCredentialRequest extends Schema<infer T> ? T : never;
