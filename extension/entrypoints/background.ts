/**
 * The background: registers the content scripts for the enabled hosts, stores the plan the app
 * publishes (origin-checked), wipes it when its retention ends, and carries captured files from
 * the portal tabs to the app's tab. It never makes a network request.
 */
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { AppToExtension } from '@raccord/core/bridge/protocol.js';
import { clampKeepDays, forgetAll, isBridgePlan, loadStoredPlan, savePlan } from '../lib/plan-store';
import { isRuntimeMessage, type CaptureRequest, type CaptureResponse, type RuntimeMessage } from '../lib/messages';
import { syncRegistrations } from '../lib/registration';
import { getSettings, pendingItem, updateSettings, type PendingFile } from '../lib/storage';
import { matchPattern } from '../lib/hosts';

const RETENTION_ALARM = 'raccord-retention';
/** Captured files not taken by the app within this delay are wiped. */
const PENDING_TTL_MS = 60 * 60 * 1000;

type Sender = Browser.runtime.MessageSender;

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

async function wipeExpired(): Promise<void> {
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

async function handle(msg: RuntimeMessage, sender: Sender): Promise<unknown> {
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

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void syncRegistrations());
  browser.runtime.onStartup.addListener(() => {
    void syncRegistrations();
    void wipeExpired();
  });
  void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void wipeExpired();
  });
  // A host permission withdrawn in the browser's settings: the host is no longer enabled.
  browser.permissions.onRemoved.addListener(async () => {
    const s = await getSettings();
    const kept: string[] = [];
    for (const origin of s.enabledOrigins) {
      if (await browser.permissions.contains({ origins: [matchPattern(origin, import.meta.env.FIREFOX === true)] })) kept.push(origin);
    }
    if (kept.length !== s.enabledOrigins.length) await updateSettings({ enabledOrigins: kept });
    await syncRegistrations();
  });
  // sendResponse + `return true`: the asynchronous answer form every browser supports.
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (!isRuntimeMessage(msg)) return false;
    handle(msg, sender).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  });
});
