import type { ReactNode } from 'react';

/** A scan that produced nothing usable: what went wrong, as an alert. */
export function Problem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm">
      <p className="font-semibold text-red-900">{title}</p>
      <p className="mt-1 text-red-900">{children}</p>
    </div>
  );
}
