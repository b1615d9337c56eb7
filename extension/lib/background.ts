/**
 * What the background does with each message, checked against who sent it: the app's origin for
 * the bridge, an enabled portal origin for captures, the extension's own pages for settings.
 * Never a network request.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AppToExtension } from '@raccord/core/bridge/protocol.js';
import { clampKeepDays, isBridgePlan, loadStoredPlan, savePlan } from './plan-store';
import { forgetAll, pendingItem, type PendingFile } from './pending';
import type { CaptureRequest, CaptureResponse, RuntimeMessage } from './messages';
import { syncRegistrations } from './registration';
import { getSettings, updateSettings } from './storage';
import { matchPattern } from './hosts';

export const RETENTION_ALARM = 'raccord-retention';
/** Captured files not taken by the app within this delay are wiped. */
const PENDING_TTL_MS = 60 * 60 * 1000;

export type Sender = Browser.runtime.MessageSender;

function senderOrigin(sender: Sender): string | undefined {
  const url = sender.url ?? sender.tab?.url;
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The extension's own pages (options, popup, side panel), in a tab or not; content scripts report the page's URL instead. */
const fromOwnPage = (sender: Sender) => sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));

async function fromApp(sender: Sender): Promise<boolean> {
  return sender.id === browser.runtime.id && !!sender.tab && senderOrigin(sender) === (await getSettings()).appOrigin;
}

async function fromEnabledPortal(sender: Sender): Promise<boolean> {
  const s = await getSettings();
  const origin = senderOrigin(sender);
  return sender.id === browser.runtime.id && !!sender.tab && !!origin && origin !== s.appOrigin && s.enabledOrigins.includes(origin);
}

export async function wipeExpired(): Promise<void> {
  await loadStoredPlan(); // wipes an expired plan
  const pending = await pendingItem.getValue();
  const fresh = pending.filter((f) => Date.now() - new Date(f.capturedAt).getTime() < PENDING_TTL_MS);
  if (fresh.length !== pending.length) await pendingItem.setValue(fresh);
}

async function appTabs(): Promise<Browser.tabs.Tab[]> {
  const { appOrigin } = await getSettings();
  const tabs = await browser.tabs.query({ url: matchPattern(appOrigin, import.meta.env.FIREFOX === true) });
  return tabs.filter((t) => {
    try {
      return !!t.url && new URL(t.url).origin === appOrigin;
    } catch {
      return false;
    }
  });
}

async function queueCapture(file: CaptureRequest): Promise<CaptureResponse> {
  const entry: PendingFile = { id: crypto.randomUUID(), name: file.name, base64: file.base64, portalHost: file.portalHost, capturedAt: new Date().toISOString() };
  try {
    await pendingItem.setValue([...(await pendingItem.getValue()), entry]);
  } catch {
    return { ok: false, error: 'Fichier trop volumineux pour être transmis par l’extension : enregistrez-le et importez-le dans Raccord.' };
  }
  const tabs = await appTabs();
  for (const tab of tabs) {
    try {
      await browser.tabs.sendMessage(tab.id!, { type: 'bridge:pending-available' } satisfies RuntimeMessage);
      return { ok: true, delivered: true };
    } catch {
      /* no bridge in that tab (opened before the extension): try the next one */
    }
  }
  if (!tabs.length) {
    const { appOrigin } = await getSettings();
    await browser.tabs.create({ url: `${appOrigin}/` });
  }
  return { ok: true, delivered: false };
}

async function onAppMessage(message: AppToExtension): Promise<{ ok: boolean; error?: string }> {
  switch (message.type) {
    case 'publish-plan': {
      if (!isBridgePlan(message.plan)) return { ok: false, error: 'plan invalide' };
      const keepDays = clampKeepDays(message.keepDays ?? (await getSettings()).keepDays);
      await updateSettings({ keepDays });
      await savePlan(message.plan, keepDays);
      return { ok: true };
    }
    case 'forget':
      await forgetAll();
      return { ok: true };
    case 'files-received': {
      const names = new Set(Array.isArray(message.names) ? message.names : []);
      await pendingItem.setValue((await pendingItem.getValue()).filter((f) => !names.has(f.name)));
      return { ok: true };
    }
    case 'hello':
      return { ok: true };
  }
}

export async function handle(msg: RuntimeMessage, sender: Sender): Promise<unknown> {
  switch (msg.type) {
    case 'capture':
      if (!(await fromEnabledPortal(sender))) return { ok: false, error: 'origine non autorisée' } satisfies CaptureResponse;
      return queueCapture(msg.file);
    case 'bridge:from-app':
      if (!(await fromApp(sender))) return { ok: false, error: 'origine non autorisée' };
      return onAppMessage(msg.message);
    case 'bridge:take-pending':
      if (!(await fromApp(sender))) return [];
      await wipeExpired();
      return pendingItem.getValue();
    case 'sync-registrations':
      if (!fromOwnPage(sender)) return undefined;
      return syncRegistrations();
    case 'forget':
      if (!fromOwnPage(sender)) return undefined;
      await forgetAll();
      return { ok: true };
    case 'bridge:pending-available':
      return undefined;
  }
}

