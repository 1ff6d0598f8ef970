import { useState } from 'react';
import type { Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { credentialFormSchema, type CredentialFormValues } from './schema';

/*
 * Skyvern's update replaces the whole credential (contract 3.5): an update without the
 * authenticator key deletes the stored one. So on an edit of a credential that has a key, leaving
 * the key empty (or choosing another 2FA method, or another type) is allowed, but only after a
 * confirmation that names the consequence. See docs/decisions/two-factor-on-edit.md.
 */

/** Whether Skyvern holds an authenticator key for this credential. */
export function hasStoredAuthenticatorKey(credential: Credential | undefined): boolean {
  return (
    credential?.credential_type === 'password' &&
    credential.credential.totp_type === 'authenticator'
  );
}

function keyLeftEmpty(values: CredentialFormValues): boolean {
  return (
    values.credentialType === 'password' &&
    values.twoFactor === 'authenticator' &&
    !values.authenticatorKey.trim()
  );
}

/** Whether saving these values deletes the stored authenticator key. */
export function dropsStoredKey(
  values: CredentialFormValues,
  credential: Credential | undefined,
): boolean {
  if (!hasStoredAuthenticatorKey(credential)) return false;
  return values.credentialType !== 'password' || values.twoFactor !== 'authenticator'
    ? true
    : keyLeftEmpty(values);
}

/**
 * The form's resolver. On an edit of a credential with a stored key, an empty key is not an
 * error (which would be a dead end: the user may mean to remove 2FA) but a case for the
 * confirmation; every other check is unchanged.
 */
export function credentialFormResolver(
  credential: Credential | undefined,
): Resolver<CredentialFormValues> {
  const base = zodResolver(credentialFormSchema);
  if (!hasStoredAuthenticatorKey(credential)) return base;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (!keyLeftEmpty(values) || !result.errors.authenticatorKey) return result;
    const { authenticatorKey: _ignored, ...errors } = result.errors;
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

/**
 * Holds the save back while the user confirms that the stored key may go. `guard(values, send)`
 * sends at once when nothing is lost; otherwise `dialog` asks first. With "Keep editing" nothing
 * is sent; with "Remove 2FA and save" an empty authenticator choice goes as `none`.
 */
export function useRemoveTwoFactorConfirm(credential: Credential | undefined) {
  // The values waiting for an answer; they leave memory with the dialog.
  const [pending, setPending] = useState<{
    values: CredentialFormValues;
    send: (values: CredentialFormValues) => void;
  } | null>(null);

  const guard = (values: CredentialFormValues, send: (values: CredentialFormValues) => void) => {
    if (dropsStoredKey(values, credential)) setPending({ values, send });
    else send(values);
  };

  const dialog = pending && (
    <RemoveTwoFactorDialog
      switchedTo={pending.values.credentialType === 'password' ? pending.values.twoFactor : null}
      onKeepEditing={() => setPending(null)}
      onRemove={() => {
        const { values, send } = pending;
        setPending(null);
        send(keyLeftEmpty(values) ? { ...values, twoFactor: 'none' } : values);
      }}
    />
  );
  return { guard, dialog };
}

function RemoveTwoFactorDialog({
  switchedTo,
  onKeepEditing,
  onRemove,
}: {
  switchedTo: CredentialFormValues['twoFactor'] | null;
  onKeepEditing: () => void;
  onRemove: () => void;
}) {
  const instead =
    switchedTo === 'email'
      ? ' Codes will be matched by email instead.'
      : switchedTo === 'text'
        ? ' Codes will be matched by text message instead.'
        : '';
  return (
    <Dialog
      open
      size="sm"
      onOpenChange={(open) => !open && onKeepEditing()}
      title="Remove two-factor authentication?"
      description={`The stored authenticator key will be deleted. Runs that sign in with this credential will not get codes.${instead}`}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        document.getElementById('remove-2fa-keep-editing')?.focus();
      }}
      onCloseAutoFocus={(event) => {
        // Back to where the key goes, so "Keep editing" leads straight to it.
        const key = document.querySelector<HTMLInputElement>('input[name="authenticatorKey"]');
        if (key) {
          event.preventDefault();
          key.focus();
        }
      }}
    >
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          To keep 2FA, choose Keep editing, then scan the site’s QR code again or paste the
          authenticator key.
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button id="remove-2fa-keep-editing" onClick={onKeepEditing}>
            Keep editing
          </Button>
          <Button variant="danger" onClick={onRemove}>
            Remove 2FA and save
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
