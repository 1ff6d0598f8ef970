import { CreditCard, KeyRound, SquareAsterisk } from 'lucide-react';
import type { CredentialType } from '../../../api/schemas';
import { typeLabels } from '../describe';

const typeIcons: Record<CredentialType, typeof KeyRound> = {
  password: KeyRound,
  credit_card: CreditCard,
  secret: SquareAsterisk,
};

export function TypeBadge({ type }: { type: CredentialType }) {
  const Icon = typeIcons[type];
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700">
      <Icon aria-hidden="true" className="size-3.5" />
      {typeLabels[type]}
    </span>
  );
}
