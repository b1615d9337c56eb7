/**
 * Messages between the extension's own parts (runtime messaging). The app↔extension protocol
 * itself is @raccord/core/bridge/protocol; these only carry it inside the extension.
 */
import type { AppToExtension } from '@raccord/core/bridge/protocol.js';

/** A file captured on a portal page, on its way to the background. */
export interface CaptureRequest {
  name: string;
  base64: string;
  portalHost: string;
}

export type RuntimeMessage =
  /** portal content script → background */
  | { type: 'capture'; file: CaptureRequest }
  /** bridge content script (app origin) → background: a message the app posted */
  | { type: 'bridge:from-app'; message: AppToExtension }
  /** bridge content script → background: hand me the captured files for the app */
  | { type: 'bridge:take-pending' }
  /** background → bridge content script: captured files are waiting */
  | { type: 'bridge:pending-available' }
  /** options page → background: re-register content scripts after a settings change */
  | { type: 'sync-registrations' }
  /** options page / popup → background: wipe the plan and pending files now */
  | { type: 'forget' };

export type CaptureResponse = { ok: true; delivered: boolean } | { ok: false; error: string };

export function isRuntimeMessage(v: unknown): v is RuntimeMessage {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}
