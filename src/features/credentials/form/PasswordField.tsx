import { lazy, Suspense, useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { WandSparkles } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { Field } from '../../../components/ui/Field';
import { SecretInput } from '../../../components/ui/SecretInput';
import type { CredentialFormApi } from './fields';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

// The generator's panel is its own chunk: most edits never open it.
const PasswordGeneratorPanel = lazy(async () => ({
  default: (await import('./PasswordGeneratorPanel')).PasswordGeneratorPanel,
}));

/** The password input with a generator beside it and a strength meter below it. */
export function PasswordField({ form, editing }: { form: CredentialFormApi; editing: boolean }) {
  const [generatorOpen, setGeneratorOpen] = useState(false);
  const panelId = useId();
  const password = useWatch({ control: form.control, name: 'password' });
  const [username, name] = useWatch({ control: form.control, name: ['username', 'name'] });
  const error = form.formState.errors.password?.message;

  return (
    <div className="space-y-2">
      <Field
        label="Password"
        required
        error={error}
        description={editing ? 'Type the password again; the stored one is replaced.' : undefined}
      >
        <SecretInput revealLabel="password" {...form.register('password')} />
      </Field>
      {/* After the input, not in its label row: Tab from the username lands in the password. */}
      <Button
        size="sm"
        variant="link"
        aria-expanded={generatorOpen}
        aria-controls={generatorOpen ? panelId : undefined}
        onClick={() => setGeneratorOpen((open) => !open)}
      >
        <WandSparkles aria-hidden="true" className="size-4" />
        Generate password
      </Button>
      {generatorOpen && (
        <Suspense fallback={<p className="text-xs text-slate-600">Loading the generator…</p>}>
          <PasswordGeneratorPanel
            id={panelId}
            onUse={(generated) => {
              // Straight into the form field; the panel keeps nothing.
              form.setValue('password', generated, { shouldDirty: true, shouldValidate: true });
              setGeneratorOpen(false);
              form.setFocus('password');
            }}
            onCancel={() => setGeneratorOpen(false)}
          />
        </Suspense>
      )}
      <PasswordStrengthMeter password={password} userInputs={[username, name]} />
    </div>
  );
}
