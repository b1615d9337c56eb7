/**
 * The plan the app publishes, kept in extension storage with its date, only as long as the admin
 * chose in the app (default 7 days; the app sends it with the plan), then wiped. Every read checks the expiry: an expired plan is never used.
 */
import { BRIDGE_VERSION, type BridgePlan } from '@raccord/core/bridge/protocol.js';
import { DEFAULT_KEEP_DAYS, planItem, type StoredPlan } from './storage';

const DAY_MS = 86_400_000;

/** Retention in whole days, within 1‥365 (a nonsense value falls back to the default). */
export function clampKeepDays(days: unknown): number {
  const n = typeof days === 'number' && Number.isFinite(days) ? Math.round(days) : DEFAULT_KEEP_DAYS;
  return Math.min(365, Math.max(1, n));
}

/** Structural check of a plan received from the app (never trust a message's shape). */
export function isBridgePlan(v: unknown): v is BridgePlan {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<BridgePlan>;
  return (
    p.version === BRIDGE_VERSION &&
    typeof p.generatedAt === 'string' &&
    typeof p.school?.uai === 'string' &&
    Array.isArray(p.people) &&
    p.people.every((x) => typeof x?.key === 'string' && typeof x.family === 'string' && Array.isArray(x.entLogins) && Array.isArray(x.evidence)) &&
    typeof p.flags === 'object' &&
    p.flags !== null
  );
}

export async function savePlan(plan: BridgePlan, keepDays: number, now = new Date()): Promise<StoredPlan> {
  const stored: StoredPlan = {
    plan,
    storedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + clampKeepDays(keepDays) * DAY_MS).toISOString(),
  };
  await planItem.setValue(stored);
  return stored;
}

/** The stored plan if still within its retention; an expired one is wiped on the spot. */
export async function loadStoredPlan(now = new Date()): Promise<StoredPlan | null> {
  const stored = await planItem.getValue();
  if (!stored) return null;
  if (!(new Date(stored.expiresAt).getTime() > now.getTime())) {
    await planItem.removeValue();
    return null;
  }
  return stored;
}

export async function loadPlan(now = new Date()): Promise<BridgePlan | null> {
  return (await loadStoredPlan(now))?.plan ?? null;
}
