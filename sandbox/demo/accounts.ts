/*
 * The demo site's accounts (sandbox/demo/site.ts). Each one proves one outcome of a login test;
 * the demo seed (sandbox/seed.ts) stores matching credentials, and docs/decisions/login-tests.md
 * lists them. All values are fake.
 */
export type DemoOutcome = 'signs_in' | 'authenticator' | 'locked' | 'needs_phone' | 'no_session';

export interface DemoAccount {
  username: string;
  password: string;
  outcome: DemoOutcome;
  /** Base32 authenticator key (SHA1, 6 digits, 30 s) when the site asks for a code. */
  authenticatorKey?: string;
  /** What the account is for, shown on the demo site's index page. */
  purpose: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'ada@demo.example',
    password: 'demo-password-ada',
    outcome: 'signs_in',
    purpose: 'Signs in with a password alone.',
  },
  {
    username: 'grace@demo.example',
    password: 'demo-password-grace',
    outcome: 'authenticator',
    authenticatorKey: 'KRUGS4ZANFZSAYJAMRSW23ZAONSWG4TF',
    purpose: 'Asks for a 6-digit authenticator code after the password.',
  },
  {
    username: 'locked@demo.example',
    password: 'demo-password-locked',
    outcome: 'locked',
    purpose: 'Is locked: the site refuses it after the password (the test is terminated).',
  },
  {
    username: 'phone@demo.example',
    password: 'demo-password-phone',
    outcome: 'needs_phone',
    purpose: 'Asks for a phone number nobody stored (the test is terminated).',
  },
  {
    username: 'kiosk@demo.example',
    password: 'demo-password-kiosk',
    outcome: 'no_session',
    purpose:
      'Signs in, but its session cannot be kept: the browser profile is never saved (72 s later the test reports it).',
  },
];

export const DEMO_BASE_PATH = '/__demo';
/** The login page; `/__demo/slow/login` is the same page, too slow to answer in time. */
export const DEMO_LOGIN_PATH = `${DEMO_BASE_PATH}/login`;
export const DEMO_SLOW_LOGIN_PATH = `${DEMO_BASE_PATH}/slow/login`;

export function findDemoAccount(username: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((account) => account.username === username.trim().toLowerCase());
}
