/**
 * Whether the Raccord extension answers on this page and when it last acknowledged the plan, from
 * the bridge's own messages (its `hello`, its `ack` of `publish-plan`), for the header to show.
 * Kept outside React: one state for the whole page.
 */
import { useSyncExternalStore } from 'react';
import type { BridgePlan } from '@raccord/core/bridge/protocol.ts';

export interface BridgeStatus {
  /** `waiting`: the app said hello and the extension has not answered yet; `absent`: no answer in time. */
  extension: 'waiting' | 'absent' | 'connected';
  version?: string;
  /** When the extension acknowledged the last plan (ISO). */
  planSentAt?: string;
  /** The school of the plan it acknowledged. */
  planSchool?: BridgePlan['school'];
}

export type BridgeEvent =
  | { type: 'hello'; version: string }
  | { type: 'no-answer' }
  | { type: 'plan-posted'; school: BridgePlan['school'] }
  | { type: 'plan-acked'; at: string };

/** The extension's relay answers within milliseconds; past this delay it is not there. */
export const HELLO_TIMEOUT_MS = 3000;

const INITIAL: BridgeStatus = { extension: 'waiting' };
/** The school of the plan posted and not yet acknowledged. */
let posted: BridgePlan['school'] | undefined;
let state: BridgeStatus = INITIAL;
const listeners = new Set<() => void>();

/** The next status; `posted` is the school of the plan last posted (its ack carries no plan). */
export function nextStatus(s: BridgeStatus, e: BridgeEvent, postedSchool?: BridgePlan['school']): BridgeStatus {
  switch (e.type) {
    case 'hello':
      return { ...s, extension: 'connected', version: e.version };
    case 'no-answer':
      return s.extension === 'waiting' ? { ...s, extension: 'absent' } : s;
    case 'plan-posted':
      return s;
    case 'plan-acked':
      // An ack is an answer too: the extension is there even if its hello was missed.
      return { ...s, extension: 'connected', planSentAt: e.at, ...(postedSchool ? { planSchool: postedSchool } : {}) };
  }
}

export function bridgeEvent(e: BridgeEvent): void {
  if (e.type === 'plan-posted') posted = e.school;
  const next = nextStatus(state, e, posted);
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useBridgeStatus(): BridgeStatus {
  return useSyncExternalStore(subscribe, () => state);
}
