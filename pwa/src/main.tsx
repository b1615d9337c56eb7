import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App.tsx';
import { makeQueryClient } from './lib/queries.ts';
import { registerOffline } from './lib/offline.ts';
import './styles.css';

const queryClient = makeQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

registerOffline();

// For the benchmark (pwa/bench/app-bench.mjs): `/?mesures` exposes the engine's step timings.
if (new URLSearchParams(window.location.search).has('mesures')) {
  void import('./lib/engine-client.ts').then(({ engineCall }) => {
    (window as unknown as { raccordMesures: () => Promise<Record<string, number>> }).raccordMesures = () => engineCall((e) => e.lastTimings());
  });
}
