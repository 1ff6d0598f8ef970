import { z } from 'zod/mini';
import type { Credential, CreateCredentialRequest, CredentialType } from '../../../api/schemas';
import {
  cardDigits,
  cardNumberProblem,
  cvvLength,
  detectCardBrand,
  isExpired,
} from '../../../lib/card';
import { keyMessages, parseAuthenticatorInput } from '../../../lib/authenticator-key';

/*
 * The credential form: one flat set of fields for all three types, checked per type. The rules
 * mirror what Skyvern enforces (contract 3.1, 3.8) plus the card checks Skyvern skips (Luhn,
 * expiry, CVV), so mistakes are caught before a workflow fails at checkout. Secrets are checked
 * but never trimmed or rewritten.
 */

// `passkey` is never offered on a new credential; an edit keeps it (contract 1.8, 3.5: an update
// that leaves totp_type out resets it to none).
export const TWO_FACTOR_CHOICES = ['none', 'authenticator', 'email', 'text', 'passkey'] as const;
export type TwoFactorChoice = (typeof TWO_FACTOR_CHOICES)[number];

// zod/mini rather than classic zod: the app uses no classic zod at all, so the shared zod core
// in the first load carries only what mini needs (about 8 KB gzip less; first-load-budget.md).
export const credentialFormSchema = z
  .object({
    credentialType: z.enum(['password', 'credit_card', 'secret']),
    name: z.string(),
    vault: z.enum(['skyvern', 'custom', 'bitwarden', 'azure_vault']),
    username: z.string(),
    password: z.string(),
    twoFactor: z.enum(TWO_FACTOR_CHOICES),
    authenticatorKey: z.string(),
    totpIdentifier: z.string(),
    cardHolderName: z.string(),
    cardNumber: z.string(),
    cardExpMonth: z.string(),
    cardExpYear: z.string(),
    cardCvv: z.string(),
    cardBrand: z.string(),
    billingLine1: z.string(),
    billingLine2: z.string(),
    billingCity: z.string(),
    billingState: z.string(),
    billingPostalCode: z.string(),
    billingCountry: z.string(),
    billingEmail: z.string(),
    billingPhone: z.string(),
    secretLabel: z.string(),
    secretValue: z.string(),
  })
  .check(
    z.superRefine((values, ctx) => {
      const problem = (path: keyof CredentialFormValues, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });

      if (!values.name.trim())
        problem('name', 'Enter a name, so people can tell it apart in workflows.');

      if (values.credentialType === 'password') {
        if (!values.username) problem('username', 'Enter the username.');
        if (!values.password) problem('password', 'Enter the password.');
        if (values.twoFactor === 'authenticator') {
          const key = authenticatorKeyProblem(values.authenticatorKey);
          if (key) problem('authenticatorKey', key);
        }
        if (values.twoFactor === 'email') {
          const email = values.totpIdentifier.trim();
          if (!email) problem('totpIdentifier', 'Enter the email address the codes are sent to.');
          else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
            problem('totpIdentifier', 'Enter an email address such as codes@example.com.');
        }
        if (values.twoFactor === 'text') {
          const phone = values.totpIdentifier.trim();
          if (!phone) problem('totpIdentifier', 'Enter the phone number the codes are sent to.');
          else if (!/^\+?[\d\s().-]{6,20}$/.test(phone) || phone.replace(/\D/g, '').length < 6)
            problem('totpIdentifier', 'Enter a phone number such as +1 415 555 0100.');
        }
      }

      if (values.credentialType === 'credit_card') {
        if (!values.cardHolderName.trim()) problem('cardHolderName', 'Enter the name on the card.');
        const number = cardNumberProblem(values.cardNumber);
        if (number) problem('cardNumber', number);
        const month = Number(values.cardExpMonth);
        if (!/^(0[1-9]|1[0-2])$/.test(values.cardExpMonth))
          problem('cardExpMonth', 'Choose the month.');
        if (!/^\d{4}$/.test(values.cardExpYear)) {
          problem('cardExpYear', 'Enter the year with four digits, for example 2029.');
        } else {
          const year = Number(values.cardExpYear);
          const thisYear = new Date().getFullYear();
          if (year < thisYear)
            problem('cardExpYear', 'This year is in the past: the card has expired.');
          else if (year > thisYear + 30)
            problem('cardExpYear', 'Check the year: that is too far ahead.');
          else if (month && isExpired(month, year))
            problem('cardExpMonth', 'This month is in the past: the card has expired.');
        }
        const cvv = cvvLength(detectCardBrand(cardDigits(values.cardNumber)));
        if (!new RegExp(`^\\d{${cvv.digits}}$`).test(values.cardCvv))
          problem('cardCvv', cvv.message);
        if (!values.cardBrand.trim())
          problem('cardBrand', 'Enter the card brand, for example Visa.');
        const billingEmail = values.billingEmail.trim();
        if (billingEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(billingEmail))
          problem(
            'billingEmail',
            'Enter an email address such as billing@example.com, or leave it empty.',
          );
      }

      if (values.credentialType === 'secret') {
        if (!values.secretValue) problem('secretValue', 'Enter the secret value.');
      }
    }),
  );

export type CredentialFormValues = z.infer<typeof credentialFormSchema>;

export function authenticatorKeyProblem(text: string): string | null {
  const parsed = parseAuthenticatorInput(text);
  switch (parsed.kind) {
    case 'totp':
      return null;
    case 'empty':
      return 'Enter the authenticator key: the setup key or the otpauth:// URI from the site’s 2FA setup screen.';
    case 'hotp':
      return keyMessages.hotp;
    case 'migration':
      return keyMessages.migrationInField;
    case 'not-otpauth':
      return keyMessages.notOtpauth;
    case 'invalid':
      return parsed.reason;
  }
}

const emptyValues: CredentialFormValues = {
  credentialType: 'password',
  name: '',
  vault: 'skyvern',
  username: '',
  password: '',
  twoFactor: 'none',
  authenticatorKey: '',
  totpIdentifier: '',
  cardHolderName: '',
  cardNumber: '',
  cardExpMonth: '',
  cardExpYear: '',
  cardCvv: '',
  cardBrand: '',
  billingLine1: '',
  billingLine2: '',
  billingCity: '',
  billingState: '',
  billingPostalCode: '',
  billingCountry: '',
  billingEmail: '',
  billingPhone: '',
  secretLabel: '',
  secretValue: '',
};

/** New form, or an edit prefilled with the non-secret fields Skyvern returns. Secrets stay empty. */
export function initialValues(
  credential?: Credential,
  newType?: CredentialType,
): CredentialFormValues {
  if (!credential) return { ...emptyValues, credentialType: newType ?? emptyValues.credentialType };
  const base = {
    ...emptyValues,
    credentialType: credential.credential_type,
    name: credential.name,
  };
  switch (credential.credential_type) {
    case 'password': {
      const { username, totp_type, totp_identifier } = credential.credential;
      const twoFactor = (TWO_FACTOR_CHOICES as readonly string[]).includes(totp_type)
        ? (totp_type as TwoFactorChoice)
        : 'none';
      return { ...base, username, twoFactor, totpIdentifier: totp_identifier ?? '' };
    }
    case 'credit_card':
      return {
        ...base,
        cardBrand: credential.credential.brand === 'Card Brand' ? '' : credential.credential.brand,
      };
    case 'secret':
      return { ...base, secretLabel: credential.credential.secret_label ?? '' };
  }
}

/** A blank optional field is left out; a filled one goes exactly as typed. */
function optional(value: string): string | undefined {
  return value.trim() ? value : undefined;
}

/**
 * The create/update body. Secrets go exactly as typed; only the card number loses the spaces
 * the form shows it with (as Skyvern's own UI does). Empty billing fields are left out, which
 * on an update keeps the ones Skyvern has stored (contract 3.5).
 */
export function toRequestBody(
  values: CredentialFormValues,
  options: { offerVault: boolean },
): CreateCredentialRequest {
  const name = values.name.trim();
  // Skyvern's default vault is used when vault_type is absent: only another choice is sent, and
  // the custom service only while it is configured.
  const vault =
    values.vault === 'bitwarden' || values.vault === 'azure_vault'
      ? { vault_type: values.vault }
      : options.offerVault && values.vault === 'custom'
        ? { vault_type: 'custom' as const }
        : {};
  switch (values.credentialType) {
    case 'password':
      return {
        name,
        credential_type: 'password',
        ...vault,
        credential: {
          username: values.username,
          password: values.password,
          totp_type: values.twoFactor,
          totp: values.twoFactor === 'authenticator' ? values.authenticatorKey : null,
          totp_identifier:
            values.twoFactor === 'email' || values.twoFactor === 'text'
              ? values.totpIdentifier.trim()
              : null,
        },
      };
    case 'credit_card': {
      const address = {
        line1: optional(values.billingLine1),
        line2: optional(values.billingLine2),
        city: optional(values.billingCity),
        state: optional(values.billingState),
        postal_code: optional(values.billingPostalCode),
        country: optional(values.billingCountry),
      };
      const filled = Object.fromEntries(
        Object.entries(address).filter(([, value]) => value !== undefined),
      );
      const billingEmail = optional(values.billingEmail);
      const billingPhone = optional(values.billingPhone);
      return {
        name,
        credential_type: 'credit_card',
        ...vault,
        credential: {
          card_holder_name: values.cardHolderName,
          card_number: cardDigits(values.cardNumber),
          card_exp_month: values.cardExpMonth,
          card_exp_year: values.cardExpYear,
          card_cvv: values.cardCvv,
          card_brand: values.cardBrand.trim(),
          ...(Object.keys(filled).length ? { billing_address: filled } : {}),
          ...(billingEmail ? { billing_email: billingEmail } : {}),
          ...(billingPhone ? { billing_phone: billingPhone } : {}),
        },
      };
    }
    case 'secret':
      return {
        name,
        credential_type: 'secret',
        ...vault,
        credential: {
          secret_value: values.secretValue,
          secret_label: values.secretLabel.trim() || null,
        },
      };
  }
}

/** Skyvern's field paths (ApiError.fieldErrors) → the form field that shows the message. */
const serverFields: Record<string, { field: keyof CredentialFormValues; type?: CredentialType }> = {
  name: { field: 'name' },
  'credential.username': { field: 'username', type: 'password' },
  'credential.password': { field: 'password', type: 'password' },
  'credential.totp': { field: 'authenticatorKey', type: 'password' },
  'credential.totp_type': { field: 'twoFactor', type: 'password' },
  'credential.totp_identifier': { field: 'totpIdentifier', type: 'password' },
  'credential.card_holder_name': { field: 'cardHolderName', type: 'credit_card' },
  'credential.card_number': { field: 'cardNumber', type: 'credit_card' },
  'credential.card_exp_month': { field: 'cardExpMonth', type: 'credit_card' },
  'credential.card_exp_year': { field: 'cardExpYear', type: 'credit_card' },
  'credential.card_cvv': { field: 'cardCvv', type: 'credit_card' },
  'credential.card_brand': { field: 'cardBrand', type: 'credit_card' },
  'credential.billing_address.line1': { field: 'billingLine1', type: 'credit_card' },
  'credential.billing_address.line2': { field: 'billingLine2', type: 'credit_card' },
  'credential.billing_address.city': { field: 'billingCity', type: 'credit_card' },
  'credential.billing_address.state': { field: 'billingState', type: 'credit_card' },
  'credential.billing_address.postal_code': { field: 'billingPostalCode', type: 'credit_card' },
  'credential.billing_address.country': { field: 'billingCountry', type: 'credit_card' },
  'credential.billing_email': { field: 'billingEmail', type: 'credit_card' },
  'credential.billing_phone': { field: 'billingPhone', type: 'credit_card' },
  'credential.secret_value': { field: 'secretValue', type: 'secret' },
  'credential.secret_label': { field: 'secretLabel', type: 'secret' },
  credential_type: { field: 'credentialType' },
  vault_type: { field: 'vault' },
};

/**
 * Skyvern's refusals of a server vault it has not been set up with (contract 2.3, 12.6), in words.
 * Both vaults mean the Skyvern server's own account, never Settings → Vault providers.
 */
export function serverVaultRefusal(message: string): string | null {
  if (/^Azure Vault credential is not supported/i.test(message)) {
    return 'This Skyvern server has no Azure Key Vault configured (its AZURE_CREDENTIAL_VAULT setting). Choose another vault; the organisation’s Azure settings under Vault providers are not used for credentials.';
  }
  if (/^Bitwarden credential vault is not supported/i.test(message)) {
    return 'This Skyvern server has no Bitwarden account configured for credentials. Choose another vault; the organisation’s Bitwarden settings under Vault providers are not used for credentials.';
  }
  return null;
}

/**
 * Which of Skyvern's field errors belong to fields on screen. Skyvern validates the credential
 * against all three shapes (contract 1.4), so errors about the other types' fields are dropped.
 */
export function mapServerFieldErrors(
  fieldErrors: Readonly<Record<string, string>>,
  type: CredentialType,
): Array<{ field: keyof CredentialFormValues; message: string }> {
  const mapped: Array<{ field: keyof CredentialFormValues; message: string }> = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    const target = serverFields[path];
    if (!target || (target.type && target.type !== type)) continue;
    if (mapped.some((item) => item.field === target.field)) continue;
    mapped.push({ field: target.field, message });
  }
  return mapped;
}

/** Skyvern's field errors that no form field can show (for example about the request itself). */
export function unplacedServerErrors(fieldErrors: Readonly<Record<string, string>>): string[] {
  return Object.entries(fieldErrors)
    .filter(([path]) => !(path in serverFields) && !path.startsWith('credential.'))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));
}
