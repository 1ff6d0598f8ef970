import { lazy, Suspense, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { customCredentialStatusQuery } from '../../api/custom-credential-config';
import { Button } from '../../components/ui/Button';
import { ErrorState, LoadingState } from '../../components/ui/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { useClearCustomCredentialConfig } from './api';
import { ConfigurationForm } from './ConfigurationForm';
import { ConfigurationStatus } from './ConfigurationStatus';

const FullCheckPanel = lazy(async () => ({
  default: (await import('./FullCheckPanel')).FullCheckPanel,
}));
const loadClearDialog = () => import('./ClearConfigurationDialog');
const ClearConfigurationDialog = lazy(async () => ({
  default: (await loadClearDialog()).ClearConfigurationDialog,
}));

export function CustomCredentialServicePage() {
  usePageTitle('Custom Credential Service');
  const status = useQuery(customCredentialStatusQuery());
  const clear = useClearCustomCredentialConfig();
  const [clearOpen, setClearOpen] = useState(false);
  // Mounted on first use and kept, so Radix can animate and return focus on close.
  const [clearRequested, setClearRequested] = useState(false);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const clearedRef = useRef(false);
  const [formGeneration, setFormGeneration] = useState(0);

  const configured = status.data?.configured === true;

  const onConfirmClear = () => {
    clear.mutate(undefined, {
      onSuccess: () => {
        clearedRef.current = true;
        setClearOpen(false);
        setFormGeneration((generation) => generation + 1);
        toast.success('Custom credential service cleared');
      },
    });
  };

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Custom Credential Service</h1>
        <p className="mt-1 text-sm text-slate-600">
          Point Skyvern at your organisation&apos;s own credential vault. Credentials created with
          &ldquo;Custom Credential Service&rdquo; as their store are kept there; Skyvern keeps only
          a reference.
        </p>
      </div>

      {status.isPending ? (
        <LoadingState label="Loading the configuration…" />
      ) : status.isError ? (
        <ErrorState
          title="Could not load the configuration"
          message={status.error.message}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      ) : (
        <>
          <ConfigurationStatus ref={statusHeading} status={status.data} />
          <ConfigurationForm
            // A clear starts a fresh form (wiping any token typed meanwhile); a save resets it itself.
            key={formGeneration}
            configured={configured}
            storedBaseUrl={status.data.configured ? status.data.apiBaseUrl : ''}
          />
          {configured && (
            <Suspense fallback={null}>
              <FullCheckPanel />
            </Suspense>
          )}
          {configured && (
            <section
              aria-labelledby="ccs-clear-heading"
              className="flex flex-wrap items-center justify-between gap-4 rounded-xl border border-red-200 bg-white p-6 shadow-sm"
            >
              <div className="max-w-md">
                <h2 id="ccs-clear-heading" className="text-base font-semibold text-slate-900">
                  Clear configuration
                </h2>
                <p className="mt-1 text-sm text-slate-600">
                  Stops Skyvern from using the service. Nothing is deleted from it.
                </p>
              </div>
              <Button
                ref={clearButton}
                variant="danger"
                onPointerEnter={() => void loadClearDialog()}
                onFocus={() => void loadClearDialog()}
                onClick={() => {
                  clear.reset();
                  setClearRequested(true);
                  setClearOpen(true);
                }}
              >
                Clear Configuration
              </Button>
            </section>
          )}
          {/* Rendered with the panel, not before it: a footnote that jumps down is a layout shift. */}
          <p className="text-xs text-slate-600">
            A Skyvern server started with{' '}
            <code className="font-mono">CUSTOM_CREDENTIAL_API_BASE_URL</code> and{' '}
            <code className="font-mono">CUSTOM_CREDENTIAL_API_TOKEN</code> uses that service for
            every organisation instead; such a server-wide configuration is not shown here.
          </p>
        </>
      )}

      {clearRequested && (
        <Suspense fallback={null}>
          <ClearConfigurationDialog
            open={clearOpen}
            onOpenChange={setClearOpen}
            onConfirm={onConfirmClear}
            pending={clear.isPending}
            // A refused key is said here too; the layout's banner offers the new key.
            error={clear.error ? clear.error.message : null}
            onCloseAutoFocus={(event) => {
              // Radix only returns focus to a Radix trigger, and this dialog has none. After a
              // clear the button is gone too: land on the new status instead.
              event.preventDefault();
              if (clearedRef.current) {
                clearedRef.current = false;
                statusHeading.current?.focus();
              } else {
                clearButton.current?.focus();
              }
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
