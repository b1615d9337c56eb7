/**
 * The app side of the bridge with the Raccord extension (protocol in core/bridge/protocol.ts).
 * Messages go through `window.postMessage` to this very page, where the extension's content
 * script relays them: a message is accepted only from this window and this origin, never sent
 * to any other origin.
 *
 * - extension → app `captured-files`: the exports it captured on the portals join the import;
 * - app → extension `publish-plan`: the assignment plan and flags, whenever the results change
 *   and when the extension says hello;
 * - the extension's `hello` and its `ack` of a plan feed the status the header shows (status.ts).
 */
import { useEffect, useRef } from 'react';
import { APP_SOURCE, BRIDGE_VERSION, isExtensionMessage, type AppToExtension } from '@raccord/core/bridge/protocol.ts';
import { fr } from '../../i18n/fr.ts';
import { useFeedback } from '../../app/feedback.tsx';
import { engineCall } from '../../lib/engine-client.ts';
import { useDecisions, useOverview } from '../../lib/queries.ts';
import { importActions, inputId } from '../import/importStore.ts';
import { getKeepDays } from './retention.ts';
import { bridgeEvent, HELLO_TIMEOUT_MS } from './status.ts';


type Payload = AppToExtension extends infer M ? (M extends { source: string; version: number } ? Omit<M, 'source' | 'version'> : never) : never;

export function postToExtension(msg: Payload): void {
  window.postMessage({ source: APP_SOURCE, version: BRIDGE_VERSION, ...msg }, window.location.origin);
}

export async function publishPlan(): Promise<void> {
  const plan = await engineCall((e) => e.bridgePlan());
  if (!plan) return;
  bridgeEvent({ type: 'plan-posted', school: plan.school });
  postToExtension({ type: 'publish-plan', plan, keepDays: getKeepDays() });
}

export function useBridge(): void {
  const { notify } = useFeedback();
  const overview = useOverview();
  const decisions = useDecisions();
  const connected = useRef(false);

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window || e.origin !== window.location.origin) return;
      const msg = e.data;
      if (!isExtensionMessage(msg)) return;
      if (msg.type === 'hello') {
        if (!connected.current) notify(fr.bridge.connected(msg.extensionVersion));
        connected.current = true;
        bridgeEvent({ type: 'hello', version: String(msg.extensionVersion) });
        void publishPlan().catch(() => {});
      } else if (msg.type === 'ack') {
        if (msg.of === 'publish-plan') bridgeEvent({ type: 'plan-acked', at: new Date().toISOString() });
      } else if (msg.type === 'captured-files') {
        const files = msg.files.filter((f) => f && typeof f.name === 'string' && f.bytes instanceof ArrayBuffer);
        if (!files.length) return;
        postToExtension({ type: 'files-received', names: files.map((f) => f.name) });
        notify(fr.import.fromExtension(files.length, files[0]!.portalHost));
        void importActions.add(
          files.map((f) => ({ id: inputId(), name: f.name, blob: new Blob([f.bytes]) })),
          'extension',
        );
      }
    };
    window.addEventListener('message', onMessage);
    postToExtension({ type: 'hello' });
    const noAnswer = setTimeout(() => bridgeEvent({ type: 'no-answer' }), HELLO_TIMEOUT_MS);
    return () => {
      clearTimeout(noAnswer);
      window.removeEventListener('message', onMessage);
    };
  }, [notify]);

  // Publish again whenever the results or the decisions change (only once the extension said hello).
  const computedAt = overview.data?.computedAt;
  const decisionCount = decisions.data?.size;
  useEffect(() => {
    if (connected.current && computedAt) void publishPlan().catch(() => {});
  }, [computedAt, decisionCount]);
}
