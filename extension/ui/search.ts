/**
 * Searching the plan's people from the popup and side panel: accent- and case-insensitive, on
 * names, logins and IDs — the expected one, or the one an ENT account carries today (to find whose
 * account shows an ID seen in the ENT).
 */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { normalizeName } from '@raccord/core/model/names.js';

export function searchPeople(people: readonly BridgePerson[], query: string, limit = 30): BridgePerson[] {
  const words = normalizeName(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  const raw = query.trim().toLowerCase();
  const hits = people.filter((p) => {
    const hay = normalizeName(`${p.family} ${p.given} ${p.division ?? ''}`);
    if (words.every((w) => hay.split(' ').some((h) => h.startsWith(w)))) return true;
    if (p.entLogins.some((l) => l.toLowerCase().includes(raw))) return true;
    const ids = [p.pronoteId, p.currentPronoteId, ...Object.values(p.currentByLogin ?? {})];
    return ids.some((id) => !!id && id.toLowerCase() === raw);
  });
  return hits.sort((a, b) => `${a.family} ${a.given}`.localeCompare(`${b.family} ${b.given}`, 'fr')).slice(0, limit);
}
