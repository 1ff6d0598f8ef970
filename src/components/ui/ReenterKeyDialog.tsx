import { useRef, useState, type FormEvent } from 'react';
import { clearAuthFailure } from '../../api/auth-state';
import { apiRequest, isApiError } from '../../api/client';
import { getConnection, setConnection } from '../../api/connection';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { SecretInput } from './SecretInput';

/**
 * A small key prompt that opens over whatever the user is doing (a nested Radix dialog when it
 * opens from a form dialog), so nothing typed there is lost. The key is checked against Skyvern
 * before it replaces the tab's key; it lives in this input and then in sessionStorage only, never
 * in react-query. The input is never prefilled.
 */
export function ReenterKeyDialog({
  open,
  onOpenChange,
  onSaved,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    // Inside a form dialog this form is portaled, but React still bubbles its submit to the
    // outer form: stop it here so the credential form is not submitted with the old key.
    event.preventDefault();
    event.stopPropagation();
    const apiKey = inputRef.current?.value ?? '';
    if (!apiKey) {
      setProblem('Paste the API key from Skyvern’s Settings page.');
      inputRef.current?.focus();
      return;
    }
    setProblem(undefined);
    setChecking(true);
    const { baseUrl } = getConnection();
    try {
      await apiRequest({
        path: '/v1/credentials',
        query: { page: 1, page_size: 1 },
        connection: { baseUrl, apiKey },
        timeoutMs: 10_000,
      });
    } catch (error) {
      if (isApiError(error) && error.isAuthError) {
        setChecking(false);
        setProblem(`Skyvern refused this key too: ${error.message}`);
        inputRef.current?.focus();
        return;
      }
      // Anything else (Skyvern slow or down) says nothing about the key: keep it and let the
      // retried request report what is wrong.
    }
    setChecking(false);
    setConnection({ baseUrl, apiKey });
    if (inputRef.current) inputRef.current.value = '';
    clearAuthFailure();
    onSaved();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !checking && onOpenChange(next)}
      title="Re-enter API key"
      description="Skyvern refused the key this tab uses. Paste a valid key; everything else on the page stays as it is."
      size="sm"
      onCloseAutoFocus={onCloseAutoFocus}
      // Attention goes to the key, not to the dialog's close button.
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        inputRef.current?.focus();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-5">
        <Field
          label="API key"
          required
          error={problem}
          description="Sent as the x-api-key header. Find it in Skyvern under Settings → API key. Kept for this tab only."
        >
          <SecretInput ref={inputRef} revealLabel="API key" autoComplete="off" defaultValue="" />
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)} disabled={checking}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={checking}>
            Use this key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
