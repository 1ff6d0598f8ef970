import { useQuery } from '@tanstack/react-query';
import { Link } from '../../../lib/router';
import { TriangleAlert } from 'lucide-react';
import { queryKeys } from '../../../api/query-keys';
import type { Credential } from '../../../api/schemas';
import { cn } from '../../../lib/cn';

export const SETTINGS_PATH = '/settings/custom-credential-service';

/**
 * True when some of `credentials` are kept in the custom credential service while none is
 * configured: Skyvern cannot read or write them. The status is only asked for once such a
 * credential is on screen, so an ordinary list adds no request to its first paint.
 */
export function useCustomServiceMissing(credentials: readonly Credential[]): boolean {
  const hasCustom = credentials.some((credential) => credential.vault_type === 'custom');
  // The same query as customCredentialStatusQuery(), with its fetch loaded when first needed:
  // the list's first load carries no custom-service code (docs/decisions/first-load-budget.md).
  const status = useQuery({
    queryKey: queryKeys.customCredentialService.config(),
    queryFn: async ({ signal }) =>
      (await import('../../../api/custom-credential-config')).fetchCustomCredentialStatus(signal),
    enabled: hasCustom,
  });
  return hasCustom && status.data?.configured === false;
}

/** The list's compact flag, beside the vault name. */
export function CustomVaultFlag({ className }: { className?: string }) {
  return (
    <Link
      to={SETTINGS_PATH}
      className={cn(
        'inline-flex items-center gap-1 rounded text-xs font-medium text-amber-900 underline decoration-amber-400 underline-offset-2 hover:text-amber-950 focus-visible:outline-2 focus-visible:outline-brand-600',
        className,
      )}
    >
      <TriangleAlert aria-hidden="true" className="size-3.5 shrink-0" />
      No service configured
    </Link>
  );
}
