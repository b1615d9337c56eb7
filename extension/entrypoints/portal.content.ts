/**
 * Runs on the portal hosts the admin enabled (registered at runtime, see lib/registration.ts).
 * Checks the exact origin again (Firefox patterns have no port), then runs the features.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { FEATURES } from '../features';
import { startFeatures } from '../features/manager';
import { getSettings } from '../lib/storage';

export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    const settings = await getSettings();
    if (!settings.enabledOrigins.includes(location.origin) || location.origin === settings.appOrigin) return;
    const features = startFeatures(FEATURES, {
      onInvalidated: (cb) => ctx.onInvalidated(cb),
      log: (what, error) => console.warn(`[Raccord] ${what}`, error),
    });
    await features.runNow();
  },
});
