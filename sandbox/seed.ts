/*
 * Demo data for `npm start` (SANDBOX_SEED=demo): a realistic list on first run, created through
 * the API itself so it obeys every rule a client's data would. All values are fake. Browser
 * profiles (and the workflows that use them) have no creating route in this API, so they are
 * written directly, as a credential test or the profile editor would have left them.
 */
import type { Hono } from 'hono';
import { DEMO_ACCOUNTS, type DemoOutcome } from './demo/accounts';
import type { SkyvernContext } from './skyvern/context';
import { addProfileWithUsage } from './skyvern/control';

const passwords = [
  {
    name: 'GitHub — release bot',
    tested_url: 'https://github.com/login',
    credential: {
      username: 'release-bot@skyvern-demo.example',
      password: 'demo-password-github-not-real',
      totp: 'JBSW Y3DP EHPK 3PXP',
      totp_type: 'authenticator',
    },
  },
  {
    name: 'AWS console (staging)',
    tested_url: 'https://signin.aws.amazon.com/console',
    credential: {
      username: 'ops@skyvern-demo.example',
      password: 'demo-password-aws-not-real',
      // Non-default parameters: 8 digits, 60-second period, SHA256.
      totp: 'otpauth://totp/AWS:ops@skyvern-demo.example?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSXI5DF&issuer=AWS&digits=8&period=60&algorithm=SHA256',
      totp_type: 'authenticator',
    },
  },
  {
    name: 'Okta SSO',
    tested_url: 'https://acme.okta.example/login',
    credential: {
      username: 'jane.doe@acme.example',
      password: 'demo-password-okta-not-real',
      totp_type: 'email',
      totp_identifier: 'jane.doe@acme.example',
    },
  },
  {
    name: 'Chase business banking',
    tested_url: 'https://secure.chase.example/logon',
    credential: {
      username: 'acme-treasury',
      password: 'demo-password-bank-not-real',
      totp_type: 'text',
      totp_identifier: '+14155550123',
    },
  },
  {
    name: 'Salesforce',
    tested_url: 'https://login.salesforce.example',
    credential: { username: 'jane.doe@acme.example', password: 'demo-password-sf-not-real' },
  },
  {
    name: 'Shopify admin',
    credential: { username: 'store-admin@acme.example', password: 'demo-password-shop-not-real' },
  },
  {
    name: 'Zendesk support',
    credential: {
      username: 'support@acme.example',
      password: 'demo-password-zendesk-not-real',
      totp: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
      totp_type: 'authenticator',
    },
  },
  {
    name: 'Vendor portal (Globex)',
    credential: { username: 'purchasing@acme.example', password: 'demo-password-globex-not-real' },
  },
];

const cards = [
  ['Company Visa', '4242424242424242', 'visa', 'Jane Doe'],
  ['Marketing Mastercard', '5555555555554444', 'mastercard', 'Sam Lee'],
  ['Travel Amex', '378282246310005', 'amex', 'Priya Patel'],
  ['Discover backup card', '6011111111111117', 'discover', 'Jane Doe'],
  ['JCB (Tokyo office)', '3566002020360505', 'jcb', 'Kenji Sato'],
  ['Diners Club', '36227206271667', 'diners', 'Alex Kim'],
  ['Visa debit — payroll', '4000056655665556', 'visa', 'Acme Payroll'],
  ['Mastercard 2-series', '2223003122003222', 'mastercard', 'Jordan Smith'],
] as const;

const secrets = [
  ['OpenAI API key', 'Production'],
  ['Slack incoming webhook', '#alerts channel'],
  ['Twilio auth token', 'SMS sender'],
  ['Datadog API key', null],
  ['SendGrid API key', 'Transactional email'],
  ['Stripe restricted key', 'Read-only reporting'],
  ['GitHub recovery codes', 'release-bot account'],
  ['Read-replica database password', null],
] as const;

const pushedCodes = [
  {
    totp_identifier: 'jane.doe@acme.example',
    content: 'Your Acme sign-in code is 482913. It expires in 10 minutes.',
    source: 'email',
  },
  {
    totp_identifier: '+14155550123',
    content: 'Chase: 739 204 is your one-time code. Do not share it.',
    source: 'sms',
  },
  {
    totp_identifier: 'jane.doe@acme.example',
    content: 'https://acme.okta.example/signin/verify?token=demo-token&amp;redirect=%2Fapp',
    source: 'email',
  },
  { totp_identifier: 'purchasing@acme.example', content: '5829', source: 'manual_ui' },
];

/** Credentials for the demo login site (sandbox/demo), one per outcome a login test can have. */
const DEMO_SITE_NAMES: Record<DemoOutcome, string> = {
  signs_in: 'Demo site — Ada (password only)',
  authenticator: 'Demo site — Grace (authenticator app)',
  locked: 'Demo site — locked account',
  needs_phone: 'Demo site — asks for a phone number',
  no_session: 'Demo site — kiosk (session not kept)',
};

export function demoSiteBodies(demoLoginUrl: string): unknown[] {
  const bodies = DEMO_ACCOUNTS.map((account) => ({
    name: DEMO_SITE_NAMES[account.outcome],
    credential_type: 'password',
    tested_url: demoLoginUrl,
    credential: {
      username: account.username,
      password: account.password,
      ...(account.authenticatorKey === undefined
        ? {}
        : { totp: account.authenticatorKey, totp_type: 'authenticator' }),
    },
  }));
  const ada = DEMO_ACCOUNTS.find((account) => account.outcome === 'signs_in');
  // A rotated password nobody updated here: its test fails with "password appears to be incorrect".
  bodies.push({
    name: 'Demo site — Ada (old password)',
    credential_type: 'password',
    tested_url: demoLoginUrl,
    credential: { username: ada?.username ?? '', password: 'demo-password-ada-2025' },
  });
  return bodies;
}

function demoBodies(demoLoginUrl: string): unknown[] {
  return [
    ...demoSiteBodies(demoLoginUrl),
    ...passwords.map((entry) => ({ ...entry, credential_type: 'password' })),
    ...cards.map(([name, number, brand, holder], index) => ({
      name,
      credential_type: 'credit_card',
      credential: {
        card_number: number,
        card_cvv: number.length === 15 ? '1234' : '123',
        card_exp_month: String((index % 12) + 1).padStart(2, '0'),
        card_exp_year: String(2027 + (index % 4)),
        card_brand: brand,
        card_holder_name: holder,
        billing_email: 'billing@acme.example',
      },
    })),
    ...secrets.map(([name, label], index) => ({
      name,
      credential_type: 'secret',
      credential: { secret_value: `demo-secret-${index}-not-real`, secret_label: label },
    })),
  ];
}

/** Folder title → the credentials filed in it; the rest stay unfiled. */
export const DEMO_FOLDERS: ReadonlyArray<{
  title: string;
  description: string;
  members: string[];
}> = [
  {
    title: 'Finance',
    description: 'Company cards, banking and payment providers',
    members: [...cards.map(([name]) => name), 'Chase business banking', 'Stripe restricted key'],
  },
  {
    title: 'Support tools',
    description: 'Help desk, messaging and SSO used by the support agents',
    members: [
      'Zendesk support',
      'Slack incoming webhook',
      'Twilio auth token',
      'SendGrid API key',
      'Okta SSO',
      'Salesforce',
    ],
  },
  {
    title: 'Staging',
    description: 'Non-production accounts for the release pipeline',
    members: [
      'AWS console (staging)',
      'Read-replica database password',
      'Datadog API key',
      'GitHub — release bot',
      'GitHub recovery codes',
      // The demo login site's accounts are non-production too.
      ...Object.values(DEMO_SITE_NAMES),
      'Demo site — Ada (old password)',
    ],
  },
];

function seedProfiles(ctx: SkyvernContext, organizationId: string) {
  const add = (input: Parameters<typeof addProfileWithUsage>[2]) =>
    addProfileWithUsage(ctx, organizationId, input).id;
  const github = add({
    name: 'Profile - GitHub — release bot',
    description: 'Browser profile from credential test for GitHub — release bot',
    lastVerifiedLoginAt: '2026-08-20T09:14:03.512000',
    usedByWorkflows: [
      { workflow_permanent_id: 'wpid_487212019260000101', title: 'Nightly release notes' },
    ],
    seededRuns: 3,
  });
  add({
    name: 'Support desk browser',
    description: 'Signed in to Zendesk and Slack for the triage workflows',
    sourceBrowserType: 'chromium',
    usedByWorkflows: [{ workflow_permanent_id: 'wpid_487212019260000102', title: 'Ticket triage' }],
    seededRuns: 0,
  });
  add({
    name: 'Salesforce (Jane)',
    description: null,
    sourceBrowserType: 'chromium',
    usedByWorkflows: [],
    seededRuns: 0,
  });
  add({
    name: 'Nightly export (managed)',
    description: 'Kept by the workflow between runs',
    isManaged: true,
    workflowPermanentId: 'wpid_487212019260000103',
    usedByWorkflows: [],
    seededRuns: 5,
  });
  return { github };
}

export async function seedDemoData(
  app: Hono,
  apiKey: string,
  ctx: SkyvernContext,
  organizationId: string,
  demoLoginUrl: string,
): Promise<number> {
  const call = async (method: string, path: string, body: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`Seeding ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const bodies = demoBodies(demoLoginUrl);
  const ids = new Map<string, string>();
  // Oldest first, so the list shows the last of each group at the top.
  for (const body of bodies) {
    const created = await call('POST', '/v1/credentials', body);
    ids.set(String(created['name']), String(created['credential_id']));
  }
  for (const code of pushedCodes) await call('POST', '/v1/credentials/totp', code);
  for (const folder of DEMO_FOLDERS) {
    const created = await call('POST', '/v1/credential_folders', {
      title: folder.title,
      description: folder.description,
    });
    for (const name of folder.members) {
      await call('PUT', `/v1/credentials/${ids.get(name) ?? ''}/folder`, {
        folder_id: created['folder_id'],
      });
    }
  }
  const profiles = seedProfiles(ctx, organizationId);
  await call('PATCH', `/v1/credentials/${ids.get('GitHub — release bot') ?? ''}`, {
    browser_profile_id: profiles.github,
  });
  return bodies.length;
}
