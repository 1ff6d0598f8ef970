import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShortcutsHelp } from './ShortcutsHelp';

describe('ShortcutsHelp', () => {
  it(
    'opens a titled list of the shortcuts on ?, and closes on Escape',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      render(<ShortcutsHelp />);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      await user.keyboard('?');
      const dialog = await screen.findByRole(
        'dialog',
        { name: 'Keyboard shortcuts' },
        { timeout: 5000 },
      );
      const rows = within(dialog).getAllByRole('row');
      expect(rows.map((row) => row.textContent)).toEqual(
        expect.arrayContaining([
          expect.stringContaining('NNew credential'),
          expect.stringContaining('/Search credentials'),
          expect.stringContaining('?Show this list'),
        ]),
      );
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    },
  );

  it('does not open while typing in a field', async () => {
    const user = userEvent.setup();
    render(
      <>
        <label>
          Notes <input />
        </label>
        <ShortcutsHelp />
      </>,
    );
    await user.type(screen.getByLabelText('Notes'), 'why?');
    expect(screen.getByLabelText('Notes')).toHaveValue('why?');
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
