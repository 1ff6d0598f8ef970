/*
 * Stands in for `use-sync-external-store/shim` (vite.config.ts aliases it here): wouter imports
 * that React 17 shim, and React 19 has the hook itself. Not imported by the console's own code.
 */
export { useSyncExternalStore } from 'react';
