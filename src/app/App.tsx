import { lazy, Suspense, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';
import { exposeQueryCacheForTests } from './test-hooks';

// Toasts are only raised from screens, which load after the shell, so the toaster can load lazily.
const Toaster = lazy(async () => ({ default: (await import('sonner')).Toaster }));

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    exposeQueryCacheForTests(client);
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <AppRoutes />
      <Suspense fallback={null}>
        <Toaster position="bottom-right" richColors closeButton duration={5000} />
      </Suspense>
    </QueryClientProvider>
  );
}
