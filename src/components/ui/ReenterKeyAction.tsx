import { lazy, Suspense, useRef, useState } from 'react';
import { KeyRound, RotateCw } from 'lucide-react';
import { Button } from './Button';

// The key dialog is only needed after Skyvern refused the key: its own chunk.
const ReenterKeyDialog = lazy(async () => ({
  default: (await import('./ReenterKeyDialog')).ReenterKeyDialog,
}));

/**
 * **Re-enter API key**, and once a new key is in, **Retry**. `onRetry` repeats what failed;
 * without it, Retry re-submits the form the action sits in, so every field is sent again as it is
 * on screen (nothing is kept aside to replay, so no secret waits in memory for a retry).
 */
export function ReenterKeyAction({
  onRetry,
  retrying,
  offerRetry = true,
  size = 'sm',
}: {
  /** False where there is nothing to repeat (the layout banner: paused queries resume by themselves). */
  offerRetry?: boolean;
  onRetry?: (() => void) | undefined;
  retrying?: boolean | undefined;
  size?: 'sm' | 'md';
}) {
  const [opened, setOpened] = useState(false);
  const [open, setOpen] = useState(false);
  const [renewed, setRenewed] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const savedRef = useRef(false);

  const retry = () => {
    if (onRetry) onRetry();
    else retryRef.current?.closest('form')?.requestSubmit();
  };

  return (
    <div className="flex flex-wrap gap-2">
      <Button
        ref={openerRef}
        size={size}
        variant={renewed ? 'secondary' : 'primary'}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        <KeyRound aria-hidden="true" className="size-4" />
        Re-enter API key
      </Button>
      {renewed && offerRetry && (
        <Button ref={retryRef} size={size} variant="primary" loading={retrying} onClick={retry}>
          <RotateCw aria-hidden="true" className="size-4" />
          Retry
        </Button>
      )}
      {opened && (
        <Suspense fallback={null}>
          <ReenterKeyDialog
            open={open}
            onOpenChange={setOpen}
            onSaved={() => {
              savedRef.current = true;
              setRenewed(true);
              setOpen(false);
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              // After a new key, attention goes to Retry; after Cancel, back to the opener.
              if (savedRef.current) {
                savedRef.current = false;
                (retryRef.current ?? openerRef.current)?.focus();
              } else openerRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
