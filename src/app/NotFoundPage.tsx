import { Link } from '../lib/router';
import { buttonVariants } from '../components/ui/Button';
import { cn } from '../lib/cn';
import { usePageTitle } from '../lib/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page does not exist</h1>
      <p className="mt-2 text-sm text-slate-600">The link may be old, or mistyped.</p>
      <Link to="/credentials" className={cn(buttonVariants({ variant: 'primary' }), 'mt-6')}>
        Go to credentials
      </Link>
    </div>
  );
}
