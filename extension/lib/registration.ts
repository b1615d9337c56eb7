/**
 * Content scripts are registered at runtime, for exactly the hosts the admin enabled (and
 * granted): the portal script on portal origins, the bridge on the app's origin. The manifest
 * declares none, and there is no permission for all sites.
 */
import { browser } from 'wxt/browser';
import { matchPattern } from './hosts';
import { getSettings } from './storage';

export const PORTAL_SCRIPT = { id: 'raccord-portal', js: 'content-scripts/portal.js' } as const;
export const BRIDGE_SCRIPT = { id: 'raccord-bridge', js: 'content-scripts/bridge.js' } as const;

const isFirefox = () => import.meta.env.FIREFOX === true;

async function granted(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

export interface Registered {
  portal: string[];
  bridge: string[];
}

/** Makes the registered content scripts match the settings. Idempotent. */
export async function syncRegistrations(): Promise<Registered> {
  const s = await getSettings();
  const firefox = isFirefox();
  const portal: string[] = [];
  for (const origin of s.enabledOrigins) {
    if (origin === s.appOrigin) continue;
    const p = matchPattern(origin, firefox);
    if (!portal.includes(p) && (await granted(p))) portal.push(p);
  }
  const appPattern = matchPattern(s.appOrigin, firefox);
  const bridge = (await granted(appPattern)) ? [appPattern] : [];

  const ours: string[] = [PORTAL_SCRIPT.id, BRIDGE_SCRIPT.id];
  const existing = (await browser.scripting.getRegisteredContentScripts()).map((c) => c.id).filter((id) => ours.includes(id));
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing });
  const scripts: Parameters<typeof browser.scripting.registerContentScripts>[0] = [];
  if (portal.length) scripts.push({ id: PORTAL_SCRIPT.id, matches: portal, js: [PORTAL_SCRIPT.js], runAt: 'document_idle', allFrames: false });
  if (bridge.length) scripts.push({ id: BRIDGE_SCRIPT.id, matches: bridge, js: [BRIDGE_SCRIPT.js], runAt: 'document_start', allFrames: false });
  if (scripts.length) await browser.scripting.registerContentScripts(scripts);
  return { portal, bridge };
}
