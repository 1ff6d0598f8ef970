import { useRef } from 'react';
import { Dialog } from '../components/ui/Dialog';
import { mainNav, NavList, SettingsHeading, settingsNav } from './nav';
import { ThemeSelect } from './ThemeSelect';

/**
 * The sections on a phone, behind the header's Menu button: a full-height sheet (Dialog) with the
 * same links as the sidebar and the theme. Following a link closes it; focus then goes to the new
 * page's heading (useRouteFocus), not back to the Menu button. Its own chunk, loaded on first use.
 */
export function MobileMenu({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const leaving = useRef(false);
  const follow = (to: string) => {
    const here = window.location.pathname;
    leaving.current = here !== to && !here.startsWith(`${to}/`);
    onOpenChange(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Menu"
      description="Sections and settings of the console."
      onCloseAutoFocus={(event) => {
        // A new page takes focus to its heading; staying here, focus returns to the Menu button.
        event.preventDefault();
        if (!leaving.current) document.getElementById('menu-button')?.focus();
        leaving.current = false;
      }}
    >
      <nav aria-label="Main" className="flex flex-col gap-6">
        <NavList items={mainNav} onNavigate={follow} />
        <div>
          <SettingsHeading />
          <NavList items={settingsNav} onNavigate={follow} />
        </div>
      </nav>
      <div className="mt-6 border-t border-slate-200 pt-4">
        <ThemeSelect />
      </div>
    </Dialog>
  );
}
