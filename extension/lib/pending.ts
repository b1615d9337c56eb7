/**
 * Captured files on their way to the app, in session storage (memory only, gone when the browser
 * closes). Only the background and the extension's own pages may import this module: defining a
 * storage item reads it at once, and content scripts are refused session storage (« Access to
 * storage is not allowed from this context »), so a content script importing it logged that error
 * on every page of the app.
 */
import { storage } from 'wxt/utils/storage';
import type { CapturedFile } from '@raccord/core/bridge/protocol.js';
import { planItem } from './storage';

/** Bytes as base64: runtime messages are JSON. */
export interface PendingFile extends Omit<CapturedFile, 'bytes'> {
  id: string;
  base64: string;
}

export const pendingItem = storage.defineItem<PendingFile[]>('session:pending', { fallback: [] });

/** « Oublier » : the plan and any captured file not yet handed to the app. */
export async function forgetAll(): Promise<void> {
  await planItem.removeValue();
  await pendingItem.removeValue();
}
