import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadRuntimeConfig } from './api/runtime-config';
import { startTheme } from './lib/theme';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Before anything renders: the chosen (or the system's) colour scheme.
startTheme();

// The default Skyvern target is read at run time, before the first request goes out.
await loadRuntimeConfig();

// A transition render is time-sliced: React yields to the browser every few ms instead of
// holding the main thread for the whole first render (total blocking time; the static header in
// index.html is already painted, so nothing waits on it).
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
