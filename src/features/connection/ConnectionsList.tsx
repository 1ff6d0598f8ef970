import { lazy, Suspense, useId, useRef, useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Plus } from 'lucide-react';
import {
  addConnection,
  CONNECTION_COLORS,
  DEFAULT_CONNECTION_ID,
  normaliseBaseUrl,
  removeConnection,
  switchConnection,
  useConnection,
  type ConnectionColor,
  type SavedConnection,
} from '../../api/connection';
import { clearAuthFailure } from '../../api/auth-state';
import { Button } from '../../components/ui/Button';
import { Field, inputClass } from '../../components/ui/Field';
import { UserText } from '../../components/ui/UserText';
import { connectionColorClass } from '../../components/ui/connection-colors';
import { cn } from '../../lib/cn';
import { confirmNavigation } from '../../lib/navigation-guard';

const ConfirmDialog = lazy(async () => ({
  default: (await import('../../components/ui/ConfirmDialog')).ConfirmDialog,
}));

export const colorLabels: Record<ConnectionColor, string> = {
  blue: 'Blue',
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  violet: 'Violet',
  slate: 'Grey',
};

const keyFocus = { requested: false };

/** Asks the page that mounts next for its API key field to take focus. */
function requestKeyFocus() {
  keyFocus.requested = true;
}

/** True once after a connection was added or switched to here: focus its API key field. */
export function takeKeyFocusRequest(): boolean {
  const requested = keyFocus.requested;
  keyFocus.requested = false;
  return requested;
}

/** An absolute http(s) URL: what a Skyvern API URL must be. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function ColorPicker({
  value,
  onChange,
  legend = 'Colour',
}: {
  value: ConnectionColor;
  onChange: (color: ConnectionColor) => void;
  legend?: string;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {CONNECTION_COLORS.map((color) => (
          <label
            key={color}
            className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
          >
            <input
              type="radio"
              name={name}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
              className="sr-only"
            />
            <span
              aria-hidden="true"
              className={cn('size-3 rounded-full', connectionColorClass[color])}
            />
            {colorLabels[color]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AddConnectionForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [color, setColor] = useState<ConnectionColor>('amber');
  const [errors, setErrors] = useState<{ name?: string; baseUrl?: string }>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = 'Name it, for example “Staging”.';
    if (!isHttpUrl(baseUrl)) {
      next.baseUrl =
        'Enter an absolute http:// or https:// URL, for example https://api.skyvern.com.';
    }
    setErrors(next);
    if (next.name) return nameRef.current?.focus();
    if (next.baseUrl) return urlRef.current?.focus();
    if (!(await confirmNavigation())) return;
    const id = addConnection({ name, baseUrl: normaliseBaseUrl(baseUrl), color });
    requestKeyFocus();
    switchConnection(id);
    clearAuthFailure();
    toast.success(`Added “${name.trim()}”. Enter its API key below.`);
    onDone();
  };

  return (
    <form
      aria-label="New connection"
      noValidate
      onSubmit={(event) => void submit(event)}
      className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <Field label="Name" required error={errors.name}>
        <input
          ref={nameRef}
          className={inputClass}
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          // The form opens on a click of "Add a connection": the name is what comes next.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      </Field>
      <Field label="Skyvern API URL" required error={errors.baseUrl}>
        <input
          ref={urlRef}
          className={inputClass}
          type="url"
          inputMode="url"
          spellCheck={false}
          value={baseUrl}
          onChange={(event) => setBaseUrl(event.target.value)}
        />
      </Field>
      <ColorPicker value={color} onChange={setColor} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          Add and switch to it
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * Every connection this browser knows: switch to one, remove one, or add one. Names, URLs and
 * colours are kept in localStorage; keys are per tab (sessionStorage), one per connection.
 */
export function ConnectionsList() {
  const connection = useConnection();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SavedConnection | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const switchTo = async (id: string) => {
    if (!(await confirmNavigation())) return;
    requestKeyFocus();
    switchConnection(id);
    clearAuthFailure();
  };

  return (
    <section
      aria-labelledby="connections-heading"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div>
        <h2 id="connections-heading" className="text-lg font-semibold text-slate-900">
          Connections
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Production, staging, a local Skyvern: each has its own name, colour and API key. The
          header shows which one this tab uses.
        </p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {connection.all.map((saved) => {
          const active = saved.id === connection.id;
          return (
            <li key={saved.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <span
                aria-hidden="true"
                className={cn('size-3 shrink-0 rounded-full', connectionColorClass[saved.color])}
              />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">
                  <UserText text={saved.name} />
                  {active && <span className="ml-2 text-xs text-emerald-800">(this tab)</span>}
                </p>
                <p className="truncate font-mono text-xs text-slate-600">{saved.baseUrl}</p>
              </div>
              {!active && (
                <Button size="sm" onClick={() => void switchTo(saved.id)}>
                  Switch to <span className="sr-only">{saved.name}</span>
                </Button>
              )}
              {saved.id !== DEFAULT_CONNECTION_ID && (
                <Button size="sm" variant="ghost" onClick={() => setRemoving(saved)}>
                  Remove <span className="sr-only">{saved.name}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {adding ? (
        <AddConnectionForm
          onDone={() => {
            setAdding(false);
            requestAnimationFrame(() => addRef.current?.focus());
          }}
        />
      ) : (
        <Button ref={addRef} onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" className="size-4" />
          Add a connection
        </Button>
      )}
      {removing && (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={`Remove “${removing.name}”?`}
            description="The console forgets its name, URL and this tab's API key for it. Nothing changes on the Skyvern server."
            cancelLabel="Keep it"
            confirmLabel="Remove"
            onCancel={() => setRemoving(null)}
            onConfirm={() => {
              removeConnection(removing.id);
              toast.success(`Removed “${removing.name}”`);
              setRemoving(null);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
