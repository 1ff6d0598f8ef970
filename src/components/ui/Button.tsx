import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { LoaderCircle } from 'lucide-react';
import { cn } from '../../lib/cn';

/**
 * Button styles by variant and size. Links that look like buttons use it too:
 * `<Link className={buttonVariants({ variant: 'primary' })}>`.
 */
export const buttonVariants = cva(
  [
    'inline-flex items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
    'disabled:cursor-not-allowed border',
  ],
  {
    variants: {
      variant: {
        primary:
          'bg-brand-600 text-white border-transparent shadow-sm hover:bg-brand-700 disabled:bg-brand-600/60',
        secondary:
          'bg-white text-slate-800 border-slate-300 shadow-sm hover:bg-slate-50 disabled:text-slate-500',
        danger:
          'bg-red-600 text-white border-transparent shadow-sm hover:bg-red-700 disabled:bg-red-600/60',
        'danger-outline':
          'bg-white text-red-700 border-red-300 shadow-sm hover:bg-red-50 disabled:text-red-700/60',
        ghost: 'bg-transparent text-slate-700 border-transparent hover:bg-slate-100',
        link: 'bg-transparent text-brand-700 border-transparent underline-offset-2 hover:underline disabled:text-brand-700/60',
      },
      size: {
        sm: 'h-8 px-2.5 text-sm gap-1.5',
        md: 'h-10 px-4 text-sm gap-2',
      },
    },
    defaultVariants: { variant: 'secondary', size: 'md' },
  },
);

export type ButtonVariant = NonNullable<VariantProps<typeof buttonVariants>['variant']>;

export interface ButtonProps
  extends ButtonHTMLAttributes<HTMLButtonElement>, VariantProps<typeof buttonVariants> {
  /** Shows a spinner, marks the button busy and stops a second press. */
  loading?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, size, loading = false, className, children, disabled, type, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={cn(buttonVariants({ variant, size }), className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
      {children}
    </button>
  );
});
