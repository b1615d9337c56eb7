/**
 * The background: registers the content scripts for the enabled hosts, stores the plan the app
 * publishes (origin-checked), wipes it when its retention ends, and carries captured files from
 * the portal tabs to the app's tab (lib/background.ts). It never makes a network request.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handle, RETENTION_ALARM, wipeExpired } from '../lib/background';
import { matchPattern } from '../lib/hosts';
import { isRuntimeMessage } from '../lib/messages';
import { syncRegistrations } from '../lib/registration';
import { getSettings, updateSettings } from '../lib/storage';

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
