/**
 * Everything the extension keeps, all in the browser's extension storage on this machine:
 * settings (app origin, retention, enabled hosts), the plan published by the app (with its date
 * and expiry) and fields the admin designated per host. Captured files waiting for the app are in
 * session storage (lib/pending.ts), kept apart because content scripts import this module and may
 * not touch session storage.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_APP_ORIGIN, type BridgePlan } from '@raccord/core/bridge/protocol.js';

export const DEFAULT_KEEP_DAYS = 7;

export interface Settings {
  /** The app's origin (scheme://host:port); the bridge runs only there. */
  appOrigin: string;
  /** Days the plan is kept before it is wiped: the admin sets it in the app, which sends it with each plan (the options page only shows it). */
  keepDays: number;
  /** Portal origins the admin enabled (and granted). Content scripts run on these only. */
  enabledOrigins: string[];
  /** Hosts the admin added to the known list. */
  customHosts: { origin: string; label: string }[];
}

export const DEFAULT_SETTINGS: Settings = { appOrigin: DEFAULT_APP_ORIGIN, keepDays: DEFAULT_KEEP_DAYS, enabledOrigins: [], customHosts: [] };

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

export interface StoredPlan {
  plan: BridgePlan;
  /** ISO: when the extension received it. */
  storedAt: string;
  /** ISO: when it is wiped. */
  expiresAt: string;
}

export const planItem = storage.defineItem<StoredPlan | null>('local:plan', { fallback: null });

/** A field the admin pointed at once on a host (« Désigner le champ »). */
export interface FieldLocator {
  by: 'id' | 'name' | 'label' | 'placeholder' | 'aria-label';
  value: string;
  /** What the admin saw, for the options page. */
  description: string;
}

/** origin → purpose (`pronote-id`) → locator. */
export const designationsItem = storage.defineItem<Record<string, Record<string, FieldLocator>>>('local:designations', { fallback: {} });
