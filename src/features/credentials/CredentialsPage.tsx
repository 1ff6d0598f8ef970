import { usePageTitle } from '../../lib/usePageTitle';

export function CredentialsPage() {
  usePageTitle('Credentials');
  return <h1 className="text-2xl font-semibold text-slate-900">Credentials</h1>;
}
