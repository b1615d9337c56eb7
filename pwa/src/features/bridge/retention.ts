/**
 * How long the extension keeps the plan (days): the admin chooses, 7 by default, so personal
 * data never lingers on the portals' side longer than wanted. A local setting of this browser.
 */
export const KEEP_DAYS_CHOICES = [1, 7, 14, 30] as const;
export const DEFAULT_KEEP_DAYS = 7;
const KEY = 'raccord.bridge.keepDays';

export function getKeepDays(): number {
  const v = Number(globalThis.localStorage?.getItem(KEY));
  return (KEEP_DAYS_CHOICES as readonly number[]).includes(v) ? v : DEFAULT_KEEP_DAYS;
}

export function setKeepDays(days: number): void {
  if ((KEEP_DAYS_CHOICES as readonly number[]).includes(days)) globalThis.localStorage?.setItem(KEY, String(days));
}
