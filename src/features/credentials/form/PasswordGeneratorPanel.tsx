import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '../../../components/ui/Button';
import { inputClass } from '../../../components/ui/Field';
import {
  generatePassword,
  PASSWORD_LENGTH,
  passwordOptionsProblem,
  type CharacterSet,
} from '../../../lib/password-generator';

const setChoices: Array<{ set: CharacterSet; label: string }> = [
  { set: 'lower', label: 'Lowercase a–z' },
  { set: 'upper', label: 'Uppercase A–Z' },
  { set: 'digits', label: 'Digits 0–9' },
  { set: 'symbols', label: 'Symbols !#$…' },
];

/**
 * Length and character sets for a new random password. The password is made at the moment it is
 * used and handed to `onUse` (the form field) and, when asked, to the clipboard; this panel keeps
 * only the options, never the password.
 */
export function PasswordGeneratorPanel({
  id,
  onUse,
  onCancel,
}: {
  id: string;
  onUse: (password: string) => void;
  onCancel: () => void;
}) {
  const [lengthText, setLengthText] = useState(String(PASSWORD_LENGTH.default));
  const [sets, setSets] = useState<CharacterSet[]>(['lower', 'upper', 'digits', 'symbols']);
  const options = { length: Number(lengthText), sets };
  const problem = passwordOptionsProblem(options);
  const panelRef = useRef<HTMLDivElement>(null);
  // On a phone the panel opens below the fold (and under the sticky buttons); bring it into view.
  // A block body: Chromium's scrollIntoView may return a promise, which React would take for a cleanup.
  useEffect(() => {
    panelRef.current?.scrollIntoView?.({ block: 'center' });
  }, []);

  const use = (copy: boolean) => {
    if (problem) return;
    const password = generatePassword(options);
    // The field first, in the click itself: the form updates at once, whatever the clipboard does.
    onUse(password);
    if (copy) {
      navigator.clipboard.writeText(password).then(
        () => toast.success('Password copied'),
        () => toast.error('The browser did not allow copying; the password is in the field.'),
      );
    }
  };

  return (
    <div
      ref={panelRef}
      id={id}
      role="group"
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <p id={`${id}-title`} className="text-sm font-medium text-slate-800">
        Generate a password
      </p>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-length`} className="block text-sm text-slate-800">
            Length
          </label>
          <input
            id={`${id}-length`}
            type="number"
            inputMode="numeric"
            min={PASSWORD_LENGTH.min}
            max={PASSWORD_LENGTH.max}
            value={lengthText}
            onChange={(event) => setLengthText(event.target.value)}
            aria-invalid={problem?.startsWith('Choose a length') || undefined}
            className={`${inputClass} w-24`}
          />
        </div>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
          <legend className="sr-only">Characters</legend>
          {setChoices.map(({ set, label }) => (
            <label key={set} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={sets.includes(set)}
                onChange={(event) =>
                  setSets((current) =>
                    event.target.checked
                      ? [...current, set]
                      : current.filter((item) => item !== set),
                  )
                }
              />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      {problem && (
        <p className="text-sm text-red-700" role="alert">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" disabled={Boolean(problem)} onClick={() => use(true)}>
          Fill and copy
        </Button>
        <Button size="sm" variant="primary" disabled={Boolean(problem)} onClick={() => use(false)}>
          Fill password
        </Button>
      </div>
    </div>
  );
}
