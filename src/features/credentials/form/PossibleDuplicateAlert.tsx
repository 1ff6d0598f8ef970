import type { Credential } from '../../../api/schemas';
import { Button } from '../../../components/ui/Button';
import { displayName, identifierOf, typeLabels } from '../describe';

/** Shown when a retried create finds the credential the lost attempt probably made. */
export function PossibleDuplicateAlert({
  credential,
  onUse,
  onCreateAnyway,
}: {
  credential: Credential;
  onUse: () => void;
  onCreateAnyway: () => void;
}) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-semibold">Your earlier attempt probably went through</p>
      <p>
        The answer to the last attempt was lost, and Skyvern now has a credential named “
        {displayName(credential)}” (
        {identifierOf(credential) || typeLabels[credential.credential_type]}
        ), id <code className="font-mono text-xs">{credential.credential_id}</code>. Creating it
        again would make a duplicate.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={onUse}>
          Use the existing credential
        </Button>
        <Button size="sm" onClick={onCreateAnyway}>
          Create another anyway
        </Button>
      </div>
    </div>
  );
}
