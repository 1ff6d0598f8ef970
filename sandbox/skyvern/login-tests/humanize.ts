/*
 * `humanize(raw)` of contract 11.4 and the fixed X3 messages: clients only ever see these texts,
 * never the raw reason a run stored.
 */
export function humanizeFailure(raw: string | null): string {
  const text = (raw ?? '').toLowerCase();
  if (text === '')
    return 'The login test failed. The credentials may be incorrect or the login page may have changed.';
  if (text.includes('reached the maximum steps')) {
    if (text.includes('password'))
      return "Login could not be completed \u2014 the password may be incorrect or the login page requires additional steps that couldn't be automated.";
    if (['2fa', 'totp', 'verification'].some((word) => text.includes(word)))
      return 'Login could not be completed \u2014 the two-factor authentication step could not be automated. Please check your 2FA settings.';
    return 'Login could not be completed within the allowed steps. The login page may require additional steps or the credentials may be incorrect.';
  }
  if (text.includes('timed out') || text.includes('timeout'))
    return 'The login page took too long to respond. Please check the URL and try again.';
  if (text.includes('navigation') && (text.includes('failed') || text.includes('error')))
    return 'Could not navigate to the login page. Please check the URL and try again.';
  if (text.includes('password') && ['incorrect', 'invalid', 'wrong'].some((w) => text.includes(w)))
    return 'The login failed \u2014 the password appears to be incorrect.';
  if (text.includes('username') && (text.includes('not found') || text.includes('invalid')))
    return 'The login failed \u2014 the username was not recognized.';
  return 'The login test was unsuccessful. Please verify your credentials and the login URL, then try again.';
}

/** X3's `failure_reason` for a live credential (11.4 rule 4); `null` for the other statuses. */
export function liveFailureReason(status: string, raw: string | null): string | null {
  switch (status) {
    case 'failed':
      return humanizeFailure(raw);
    case 'timed_out':
      return 'The login page took too long to respond. Please check the URL and try again.';
    case 'terminated':
      return 'The login test was terminated before it could complete.';
    case 'canceled':
      return 'The login test was canceled.';
    default:
      return null;
  }
}

export const PROFILE_SAVE_FAILED =
  'Login succeeded but the browser profile could not be saved. Please try testing again.';
