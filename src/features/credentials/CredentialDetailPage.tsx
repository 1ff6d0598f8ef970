import { usePageTitle } from '../../lib/usePageTitle';

export function CredentialDetailPage() {
  usePageTitle('Credential');
  return <h1 className="text-2xl font-semibold text-slate-900">Credential</h1>;
}
