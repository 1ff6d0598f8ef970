import { useState, type FormEvent } from 'react';
import { ClipboardPaste } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { Field } from '../../../components/ui/Field';
import { SecretInput } from '../../../components/ui/SecretInput';
import { parseAuthenticatorInput, type KeyParseResult } from '../../../lib/authenticator-key';

/** The text tab: an otpauth:// link or a setup key, pasted or typed. */
export function TextPanel({ onParsed }: { onParsed: (result: KeyParseResult) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    // This form renders inside the credential form's React tree (through a portal): keep its
    // submit event from bubbling there and submitting the credential.
    event.stopPropagation();
    const result = parseAuthenticatorInput(text);
    if (result.kind === 'empty') {
      setError('Paste the otpauth:// link or the setup key.');
      return;
    }
    if (result.kind === 'invalid') {
      setError(result.reason);
      return;
    }
    onParsed(result);
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <Field
        label="otpauth:// link or setup key"
        error={error}
        description="For example otpauth://totp/Acme:jane?secret=… or a key such as JBSW Y3DP EHPK 3PXP. Spaces, dashes and case do not matter."
      >
        <SecretInput
          value={text}
          revealLabel="link or key"
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <Button type="submit" variant="primary">
        <ClipboardPaste aria-hidden="true" className="size-4" />
        Check
      </Button>
    </form>
  );
}
