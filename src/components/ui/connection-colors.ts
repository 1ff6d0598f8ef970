import type { ConnectionColor } from '../../api/connection';

/** Each connection's colour: the header's stripe, the switcher's dot and the Connection page. */
export const connectionColorClass: Record<ConnectionColor, string> = {
  blue: 'bg-brand-600',
  green: 'bg-emerald-600',
  amber: 'bg-amber-500',
  red: 'bg-red-600',
  violet: 'bg-violet-600',
  slate: 'bg-slate-500',
};
