import { lazy, Suspense, useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../api/query-client';
import { AppRoutes } from './router';
import { ShortcutsHelp } from './ShortcutsHelp';
import { exposeQueryCacheForTests } from './test-hooks';
import { useResolvedTheme } from '../lib/theme';

// Toasts are only raised after an action in a lazily loaded dialog or screen, so the toaster
// loads once the first screen is up and the browser is idle, not on the path to the list
// (before it mounts a toast would be lost; no action can finish that early).
// The `?` listener is part of the shell (a few hundred bytes; its dialog is lazy): as its own
// chunk it was one more request on the way to the list.
const Toaster = lazy(async () => ({ default: (await import('sonner')).Toaster }));

/** True a little after start-up, once the browser is idle: after the first screen's requests. */
function useAfterStartup(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let idleHandle: number | undefined;
    const timer = setTimeout(() => {
      if ('requestIdleCallback' in window) {
        idleHandle = window.requestIdleCallback(() => setReady(true), { timeout: 1000 });
      } else setReady(true);
    }, 1500);
    return () => {
      clearTimeout(timer);
      if (idleHandle !== undefined) window.cancelIdleCallback(idleHandle);
    };
  }, []);
  return ready;
}

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    exposeQueryCacheForTests(client);
    return client;
  });
  const toasterWanted = useAfterStartup();
  // Toasts are drawn for the scheme shown, like the rest (sonner's own light and dark colours).
  const scheme = useResolvedTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <AppRoutes />
      <ShortcutsHelp />
      {toasterWanted && (
        <Suspense fallback={null}>
          <Toaster theme={scheme} position="bottom-right" richColors closeButton duration={5000} />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
