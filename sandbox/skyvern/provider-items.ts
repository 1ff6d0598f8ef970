/*
 * Stand-ins for the providers behind P3 (1Password) and P6 (Bitwarden): the sandbox signs in to
 * neither. A configured value picks the outcome, so every row of the contract's error tables can
 * be reached (12.2, 12.3); anything else lists the fixed, fake items below.
 */
import { HttpError } from './http';

export interface OnePasswordItem {
  item_id: string;
  title: string;
  vault_id: string;
  vault_name: string;
  category: string;
  url: string | null;
}

export interface BitwardenItem {
  item_id: string;
  title: string;
  collection_id: string;
  credential_type: 'password' | 'credit_card' | 'secret';
  url: string | null;
}

const SHARED = { vault_id: 'q4w7kz2nxm5rbt3vyc6hdpj8ga', vault_name: 'Shared' };
const ENGINEERING = { vault_id: 'h2k9v5ntm7qxw3cbz8rjdy4pla', vault_name: 'Engineering' };
const FINANCE = { vault_id: 'p7c3xq9mzk2vbw5ntr8hgy6dja', vault_name: 'Finance' };

/** SDK order: vault by vault. Categories are the SDK's values. */
export const ONEPASSWORD_ITEMS: readonly OnePasswordItem[] = [
  {
    item_id: 'ykq3zt7m2xw9vbn4hcr6pdj5ga',
    title: 'Acme portal',
    ...SHARED,
    category: 'Login',
    url: 'https://acme.example/login',
  },
  {
    item_id: 'm4tx8qk2nv7zcw3rbh5yjd9pla',
    title: 'Salesforce',
    ...SHARED,
    category: 'Login',
    url: 'https://login.salesforce.example',
  },
  {
    item_id: 'c9vz3kq7tm2xnw8hbr4yjp5dga',
    title: 'Office Wi-Fi',
    ...SHARED,
    category: 'Password',
    url: null,
  },
  {
    item_id: 'r2nq8xz5kt9mvc4wbh7ydj3pla',
    title: 'Zendesk agent',
    ...SHARED,
    category: 'Login',
    url: 'https://acme.zendesk.example/access',
  },
  {
    item_id: 'w7kt2zq9xm4nvc8rbh3ydp5jga',
    title: 'GitHub deploy bot',
    ...ENGINEERING,
    category: 'Login',
    url: 'https://github.com/login',
  },
  {
    item_id: 'b5xq9zk3tm7nvw2chr8yjd4pla',
    title: 'AWS root (break glass)',
    ...ENGINEERING,
    category: 'Login',
    url: 'https://signin.aws.amazon.com',
  },
  {
    item_id: 'g8mz4kq2xt9vnc7wbr5hyj3dpa',
    title: 'Datadog API key',
    ...ENGINEERING,
    category: 'ApiCredentials',
    url: null,
  },
  {
    item_id: 'n3tk7zq5xm2vbw9chr4ydj8pga',
    title: 'Staging database',
    ...ENGINEERING,
    category: 'Database',
    url: null,
  },
  {
    item_id: 'v6qx2zk8tm5nvc3wbh9yrj4dpa',
    title: 'Chase business banking',
    ...FINANCE,
    category: 'Login',
    url: 'https://secure.chase.example/logon',
  },
  {
    item_id: 'k9zt5xq3mn7vbc2whr6ydj8pga',
    title: 'Company Visa',
    ...FINANCE,
    category: 'CreditCard',
    url: null,
  },
  {
    item_id: 'f2xm8kq6tz4nvw9cbr3hyj5dpa',
    title: 'Stripe dashboard',
    ...FINANCE,
    category: 'Login',
    url: 'https://dashboard.stripe.example/login',
  },
  {
    item_id: 'j4kq9zx2tm6vnc8wbh5rydp3ga',
    title: 'Payroll provider recovery codes',
    ...FINANCE,
    category: 'SecureNote',
    url: null,
  },
];

const OPERATIONS = '5f1e9c2a-7b3d-4e8f-a6c1-0d2b4f6e8a10';
const SUPPORT = '9a3c7e1b-2d4f-4a6b-8c0e-1f3a5b7d9e21';

export const BITWARDEN_ITEMS: readonly BitwardenItem[] = [
  {
    item_id: '0b6c2f4e-8a1d-4c3b-9e5f-7a2d4c6e8b01',
    title: 'Acme portal',
    collection_id: OPERATIONS,
    credential_type: 'password',
    url: 'https://acme.example/login',
  },
  {
    item_id: '1c7d3a5f-9b2e-4d4c-8f6a-8b3e5d7f9c12',
    title: 'Shopify admin',
    collection_id: OPERATIONS,
    credential_type: 'password',
    url: 'https://acme.myshopify.example/admin',
  },
  {
    item_id: '2d8e4b6a-0c3f-4e5d-9a7b-9c4f6e8a0d23',
    title: 'Vendor portal (Globex)',
    collection_id: OPERATIONS,
    credential_type: 'password',
    url: 'https://vendors.globex.example',
  },
  {
    item_id: '3e9f5c7b-1d4a-4f6e-8b8c-0d5a7f9b1e34',
    title: 'Marketing Mastercard',
    collection_id: OPERATIONS,
    credential_type: 'credit_card',
    url: null,
  },
  {
    item_id: '4f0a6d8c-2e5b-4a7f-9c9d-1e6b8a0c2f45',
    title: 'Warehouse alarm code',
    collection_id: OPERATIONS,
    credential_type: 'secret',
    url: null,
  },
  {
    item_id: '5a1b7e9d-3f6c-4b8a-8d0e-2f7c9b1d3a56',
    title: 'Help desk (Zendesk)',
    collection_id: SUPPORT,
    credential_type: 'password',
    url: 'https://acme.zendesk.example/access',
  },
  {
    item_id: '6b2c8f0e-4a7d-4c9b-9e1f-3a8d0c2e4b67',
    title: 'Slack workspace owner',
    collection_id: SUPPORT,
    credential_type: 'password',
    url: 'https://acme.slack.example',
  },
  {
    item_id: '7c3d9a1f-5b8e-4d0c-8f2a-4b9e1d3f5c78',
    title: 'Twilio console',
    collection_id: SUPPORT,
    credential_type: 'password',
    url: 'https://console.twilio.example/login',
  },
  {
    item_id: '8d4e0b2a-6c9f-4e1d-9a3b-5c0f2e4a6d89',
    title: 'Support team identity',
    collection_id: SUPPORT,
    credential_type: 'secret',
    url: null,
  },
  {
    item_id: '9e5f1c3b-7d0a-4f2e-8b4c-6d1a3f5b7e90',
    title: 'Travel Amex',
    collection_id: SUPPORT,
    credential_type: 'credit_card',
    url: null,
  },
];

/**
 * P3's outcome for a configured token, by what it contains (case-insensitive), first match wins:
 * `desktop` → session expired; `expired`, `invalid`, `unauthorized` or an empty token → bad token;
 * `rate` + `limit` → 429; `timeout`, `unavailable` or `5xx` → 502; `error` → 500.
 */
export function onePasswordItems(token: string): readonly OnePasswordItem[] {
  const value = token.toLowerCase();
  if (value.includes('desktop')) {
    throw new HttpError(
      400,
      'Your 1Password session appears to be expired. Please update your token in Settings and try again.',
    );
  }
  if (value.trim() === '' || /expired|invalid|unauthorized/.test(value)) {
    throw new HttpError(
      400,
      'Your 1Password service account token appears to be invalid or expired. Please update it in Settings and try again.',
    );
  }
  if (/rate.?limit/.test(value)) {
    throw new HttpError(429, '1Password rate limit exceeded. Please retry in a few minutes.');
  }
  if (/timeout|unavailable|5xx/.test(value)) {
    throw new HttpError(
      502,
      '1Password is temporarily unavailable. Please retry in a few minutes.',
    );
  }
  if (value.includes('error')) throw new HttpError(500, 'Failed to list 1Password items.');
  return ONEPASSWORD_ITEMS;
}

/**
 * P6: every failure is the same 502 (12.3). A master password containing `wrong`, `expired` or
 * `unavailable`, or an email at `fail.example`, stands for a failed Bitwarden CLI login.
 */
export function bitwardenItems(email: string, masterPassword: string): readonly BitwardenItem[] {
  const password = masterPassword.toLowerCase();
  if (/wrong|expired|unavailable/.test(password) || email.toLowerCase().endsWith('@fail.example')) {
    throw new HttpError(502, 'Failed to list Bitwarden items');
  }
  return BITWARDEN_ITEMS;
}
