import { usePageTitle } from '../../lib/usePageTitle';

export function TwoFactorPage() {
  usePageTitle('2FA codes');
  return <h1 className="text-2xl font-semibold text-slate-900">2FA codes</h1>;
}
