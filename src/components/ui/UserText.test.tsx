import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UserText } from './UserText';

describe('UserText', () => {
  it('isolates plain text without a warning', () => {
    const { container } = render(<UserText text="report.png" />);
    const bdi = container.querySelector('bdi');
    expect(bdi).toHaveTextContent('report.png');
    expect(bdi).toHaveClass('isolate-text');
    expect(screen.queryByText(/direction controls/)).not.toBeInTheDocument();
  });

  it('spells out a right-to-left override and warns, so "gnp.exe" cannot read as "exe.png"', () => {
    const { container } = render(<UserText text={'invoice-\u202Egnp.exe'} />);
    const bdi = container.querySelector('bdi');
    expect(bdi?.textContent).toBe('invoice-[U+202E RLO]gnp.exe');
    expect(bdi?.textContent).not.toContain('\u202E');
    expect(screen.getByText(/contains direction controls/)).toBeVisible();
  });

  it('puts the whole text in a tooltip when truncated', () => {
    const long = `${'very-long-username-'.repeat(6)}@example.com`;
    const { container } = render(<UserText text={long} truncate />);
    const bdi = container.querySelector('bdi');
    expect(bdi).toHaveAttribute('title', long);
    expect(bdi).toHaveClass('truncate');
  });
});
