// The extension API as seen inside `sw.evaluate(...)` (the service worker's global `chrome`).
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: typeof Browser;
}
