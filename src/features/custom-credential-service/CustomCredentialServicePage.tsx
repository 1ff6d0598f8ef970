import { usePageTitle } from '../../lib/usePageTitle';

export function CustomCredentialServicePage() {
  usePageTitle('Custom Credential Service');
  return <h1 className="text-2xl font-semibold text-slate-900">Custom Credential Service</h1>;
}
