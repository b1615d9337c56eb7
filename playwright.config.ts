import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser downloads cannot work here (no network but the registries).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PWA_PORT = 4173;
export const PORTALS_PORT = 4180;

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  timeout: 60_000,
  retries: 0,
  use: {
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  projects: [
    { name: 'pwa', testDir: 'test/e2e/pwa' },
    { name: 'extension', testDir: 'test/e2e/extension' },
  ],
  webServer: [
    { command: `npm run preview -w @raccord/pwa`, url: `http://localhost:${PWA_PORT}`, reuseExistingServer: !process.env.CI, timeout: 60_000 },
    { command: `node test/serve-portals.mjs ${PORTALS_PORT}`, url: `http://localhost:${PORTALS_PORT}/health`, reuseExistingServer: !process.env.CI, timeout: 30_000 },
  ],
});
