import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadRuntimeConfig } from './api/runtime-config';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The default Skyvern target is read at run time, before the first request goes out.
await loadRuntimeConfig();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
