import { Dialog } from '../components/ui/Dialog';

const shortcuts: Array<{ keys: string[]; action: string; where: string }> = [
  { keys: ['Ctrl', 'K'], action: 'Command palette (⌘K on a Mac)', where: 'Everywhere' },
  { keys: ['N'], action: 'New credential', where: 'Credentials' },
  { keys: ['/'], action: 'Search credentials', where: 'Credentials' },
  {
    keys: ['Shift', 'Click'],
    action: 'Select every row between the last box ticked and this one',
    where: 'Credentials',
  },
  {
    keys: ['Ctrl', 'V'],
    action: 'Paste a QR code image (⌘V on a Mac)',
    where: 'Scan QR code, Image tab',
  },
  { keys: ['Esc'], action: 'Close a dialog or menu, or clear the search', where: 'Everywhere' },
  { keys: ['?'], action: 'Show this list', where: 'Everywhere' },
];

/** The keyboard shortcuts, so they can be found without reading the code. */
export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="They work when you are not typing in a field."
      size="sm"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shortcuts.map(({ keys, action, where }) => (
            <tr key={action}>
              <td className="py-2 pr-4 align-top whitespace-nowrap">
                {keys.map((key) => (
                  <kbd
                    key={key}
                    className="inline-block min-w-7 rounded border border-slate-300 bg-slate-50 px-1.5 text-center font-mono text-xs text-slate-800 shadow-[0_1px_0_var(--color-slate-300)]"
                  >
                    {key}
                  </kbd>
                ))}
              </td>
              <td className="py-2 pr-4 text-slate-900">{action}</td>
              <td className="py-2 text-slate-600">{where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
