import { useId } from 'react';
import { setTheme, useTheme, type ThemeChoice } from '../lib/theme';

/** System / Light / Dark, kept in localStorage (lib/theme.ts). */
export function ThemeSelect() {
  const theme = useTheme();
  // The sidebar and the phone menu each have one.
  const id = useId();
  return (
    <div className="px-3">
      <label htmlFor={id} className="block pb-1 text-xs font-semibold text-slate-600">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(event) => setTheme(event.target.value as ThemeChoice)}
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <option value="system">Same as the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
