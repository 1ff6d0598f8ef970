import { Link } from '../../../lib/router';
import { TriangleAlert } from 'lucide-react';
import { SETTINGS_PATH } from './CustomVaultWarning';

// Its own module so that the detail page's explanation stays out of the list's first load.
/** The detail page's explanation. */
export function CustomVaultAlert() {
  return (
    <div
      role="alert"
      className="flex gap-3 rounded-xl border border-amber-300 bg-amber-50 px-5 py-4 text-sm text-amber-950"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-700" />
      <div className="space-y-1">
        <p className="font-semibold">No custom credential service is configured</p>
        <p>
          This credential is kept in your organisation’s custom credential service, but Skyvern has
          no service to reach, so runs cannot read it and edits will fail.{' '}
          <Link
            to={SETTINGS_PATH}
            className="font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            Configure it in Settings → Custom Credential Service
          </Link>
        </p>
      </div>
    </div>
  );
}
