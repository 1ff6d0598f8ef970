import { describe, expect, it } from 'vitest';
import { cardCredential, passwordCredential } from '../test/fixtures';
import { buildRunSettingsPatch, runSettingsDefaults, runSettingsProblems } from './model';

describe('buildRunSettingsPatch', () => {
  it('sends nothing when nothing changed', () => {
    const credential = passwordCredential({
      proxy_location: 'RESIDENTIAL_ISP',
      proxy_session_id: 'ab12',
    });
    expect(buildRunSettingsPatch(credential, runSettingsDefaults(credential))).toEqual({});
  });

  it('turns the positive "create automatically" back into auto_profile_disabled', () => {
    const credential = passwordCredential({ auto_profile_disabled: null });
    const values = runSettingsDefaults(credential);
    expect(values.autoProfile).toBe(true);
    expect(buildRunSettingsPatch(credential, { ...values, autoProfile: false })).toEqual({
      auto_profile_disabled: true,
    });
  });

  it('asks for a fresh session instead of sending an empty one, which would clear the proxy', () => {
    const credential = passwordCredential({
      proxy_location: 'RESIDENTIAL_ISP',
      proxy_session_id: 'ab12',
    });
    const values = runSettingsDefaults(credential);
    expect(buildRunSettingsPatch(credential, { ...values, proxySessionId: ' ' })).toEqual({
      rotate_proxy_session_id: true,
    });
    expect(buildRunSettingsPatch(credential, { ...values, proxySessionId: 'cd34' })).toEqual({
      proxy_session_id: 'cd34',
    });
    expect(buildRunSettingsPatch(credential, { ...values, newProxySession: true })).toEqual({
      rotate_proxy_session_id: true,
    });
  });

  it('clears the proxy with null and never sends a session for another location', () => {
    const credential = passwordCredential({
      proxy_location: 'RESIDENTIAL_ISP',
      proxy_session_id: 'ab12',
    });
    const values = runSettingsDefaults(credential);
    expect(buildRunSettingsPatch(credential, { ...values, proxyChoice: '' })).toEqual({
      proxy_location: null,
    });
    expect(buildRunSettingsPatch(credential, { ...values, proxyChoice: 'US-NY' })).toEqual({
      proxy_location: 'US-NY',
    });
  });

  it('never sends sign-in settings for a type that does not sign in', () => {
    const credential = cardCredential();
    const values = runSettingsDefaults(credential);
    expect(
      buildRunSettingsPatch(credential, {
        ...values,
        testedUrl: 'https://shop.example/login',
        browserProfileId: 'bp_1',
        saveBrowserSession: true,
        runSequentially: true,
      }),
    ).toEqual({ run_sequentially: true });
  });
});

describe('runSettingsProblems', () => {
  it('refuses to clear hints or URL (PATCH cannot) and checks the URL and country code', () => {
    const credential = passwordCredential({ tested_url: 'https://a.example', user_context: 'x' });
    const values = runSettingsDefaults(credential);
    expect(runSettingsProblems(credential, values)).toEqual({});
    expect(
      Object.keys(runSettingsProblems(credential, { ...values, testedUrl: '', userContext: ' ' })),
    ).toEqual(['testedUrl', 'userContext']);
    expect(
      runSettingsProblems(credential, { ...values, testedUrl: 'acme login' }).testedUrl,
    ).toMatch(/https:\/\//);
    expect(
      runSettingsProblems(credential, { ...values, proxyChoice: 'GEO', geoCountry: 'USA' })
        .geoCountry,
    ).toMatch(/two-letter/);
  });
});
