/**
 * The bridge, on the app's origin only: relays window.postMessage (app) ↔ runtime messages
 * (background). Listens from document_start so that no message of the app is missed; accepts a
 * message only from this very window, from the configured app origin, in the protocol's version,
 * and posts only to that origin.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BRIDGE_VERSION, EXTENSION_SOURCE, isAppMessage, type CapturedFile, type ExtensionToApp } from '@raccord/core/bridge/protocol.js';
import { base64ToBytes } from '../lib/bytes';
import { loadStoredPlan } from '../lib/plan-store';
import { getSettings } from '../lib/storage';
import type { PendingFile } from '../lib/pending';
import { isRuntimeMessage, type RuntimeMessage } from '../lib/messages';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const ready = getSettings().then((s) => (location.origin === s.appOrigin ? s.appOrigin : null));
    let appListening = false;
    let delivering = false;

    const post = async (msg: ExtensionToApp) => {
      const origin = await ready;
      if (origin) window.postMessage(msg, origin);
    };
    const hello = async (reply: boolean) => {
      const stored = await loadStoredPlan();
      await post({ source: EXTENSION_SOURCE, version: BRIDGE_VERSION, type: 'hello', extensionVersion: browser.runtime.getManifest().version, planDate: stored?.plan.generatedAt, ...(reply ? { reply: true } : {}) });
    };
    const deliverPending = async () => {
      if (!appListening || delivering) return;
      delivering = true;
      try {
        const files = (await browser.runtime.sendMessage({ type: 'bridge:take-pending' } satisfies RuntimeMessage)) as PendingFile[] | undefined;
        if (!files?.length) return;
        const out: CapturedFile[] = files.map((f) => ({ name: f.name, bytes: base64ToBytes(f.base64), capturedAt: f.capturedAt, portalHost: f.portalHost }));
        await post({ source: EXTENSION_SOURCE, version: BRIDGE_VERSION, type: 'captured-files', files: out });
      } finally {
        delivering = false;
      }
    };

    ctx.addEventListener(window, 'message', async (event: MessageEvent) => {
      if (event.source !== window || !isAppMessage(event.data)) return;
      const origin = await ready;
      if (!origin || event.origin !== origin) return;
      const msg = event.data;
      appListening = true;
      if (msg.type === 'hello') {
        await hello(true);
        await deliverPending();
        return;
      }
      const answer = (await browser.runtime.sendMessage({ type: 'bridge:from-app', message: msg } satisfies RuntimeMessage)) as { ok: boolean } | undefined;
      if (answer?.ok) await post({ source: EXTENSION_SOURCE, version: BRIDGE_VERSION, type: 'ack', of: msg.type });
    });

    browser.runtime.onMessage.addListener((msg: unknown) => {
      if (isRuntimeMessage(msg) && msg.type === 'bridge:pending-available') void deliverPending();
    });

    void ready.then((origin) => (origin ? hello(false) : undefined));
  },
});
