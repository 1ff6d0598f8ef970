import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Button, buttonVariants } from './Button';

describe('Button', () => {
  it('is a secondary, non-submitting button by default', () => {
    render(<Button>Cancel</Button>);
    const button = screen.getByRole('button', { name: 'Cancel' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('bg-white', 'text-slate-800', 'border-slate-300', 'h-10');
  });

  it('draws danger-outline in red on white, with no slate left to collide', () => {
    render(<Button variant="danger-outline">Delete</Button>);
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toHaveClass('bg-white', 'text-red-700', 'border-red-300', 'hover:bg-red-50');
    expect(button.className).not.toMatch(/slate/);
  });

  it.each([
    ['primary', 'bg-brand-600'],
    ['secondary', 'bg-white'],
    ['danger', 'bg-red-600'],
    ['danger-outline', 'text-red-700'],
    ['ghost', 'bg-transparent'],
    ['link', 'text-brand-700'],
  ] as const)('has a %s variant (%s)', (variant, expected) => {
    render(<Button variant={variant}>Go</Button>);
    expect(screen.getByRole('button', { name: 'Go' })).toHaveClass(expected);
  });

  it('adds a caller’s layout classes to the variant’s', () => {
    render(
      <Button variant="primary" size="sm" className="w-full">
        Go
      </Button>,
    );
    expect(screen.getByRole('button', { name: 'Go' })).toHaveClass('w-full', 'h-8', 'bg-brand-600');
  });

  it('lets a caller’s colour replace the variant’s instead of colliding with it', () => {
    render(<Button className="bg-red-600 text-white hover:bg-red-700">Remove</Button>);
    const button = screen.getByRole('button', { name: 'Remove' });
    expect(button).toHaveClass('bg-red-600', 'text-white', 'hover:bg-red-700', 'border-slate-300');
    expect(button).not.toHaveClass('bg-white');
    expect(button).not.toHaveClass('text-slate-800');
    expect(button).not.toHaveClass('hover:bg-slate-50');
  });

  it('styles links like buttons', () => {
    expect(buttonVariants({ variant: 'primary' })).toContain('bg-brand-600');
  });

  it('marks a loading button busy and disabled', () => {
    render(<Button loading>Save</Button>);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
  });
});
