import { useEffect, useRef } from 'react';
import { Link } from '../../../lib/router';
import { useQuery } from '@tanstack/react-query';
import { TriangleAlert } from 'lucide-react';
import { customCredentialStatusQuery } from '../../../api/custom-credential-config';
import type { Credential } from '../../../api/schemas';
import { cn } from '../../../lib/cn';
import { Button, buttonVariants } from '../../../components/ui/Button';

/**
 * Whether this credential lives in the custom vault while the organisation has no custom
 * credential service configured. Skyvern would refuse the update with "Custom credential service
 * not configured for organization <org_id>" (contract 3.5) after the user typed every secret.
 */
export function useCustomVaultMissing(credential: Credential | undefined): boolean {
  const custom = credential?.vault_type === 'custom';
  const status = useQuery({ ...customCredentialStatusQuery(), enabled: custom });
  return custom && status.data?.configured === false;
}

/** Shown instead of the edit form when the credential's vault cannot be reached. */
export function CustomVaultUnavailable({ onClose }: { onClose: () => void }) {
  const linkRef = useRef<HTMLAnchorElement>(null);
  // Replaces a form that may have had focus: the way out is the next step.
  useEffect(() => linkRef.current?.focus(), []);
  return (
    <div className="space-y-5">
      <div
        role="alert"
        className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      >
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-700" />
        <div className="space-y-1">
          <p className="font-semibold">No custom credential service is configured</p>
          <p>
            This credential is stored in your organisation’s Custom Credential Service, and Skyvern
            can only save it there. Configure the service under Settings → Custom Credential
            Service, then edit the credential again.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>Close</Button>
        <Link
          ref={linkRef}
          to="/settings/custom-credential-service"
          className={cn(
            buttonVariants({ variant: 'primary' }),
            'h-auto min-h-10 py-2 whitespace-normal',
          )}
        >
          Open Settings → Custom Credential Service
        </Link>
      </div>
    </div>
  );
}
