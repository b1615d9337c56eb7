/** Searching the plan's people from the popup and side panel: accent- and case-insensitive, on names, logins and IDs. */
import type { BridgePerson } from '@raccord/core/bridge/protocol.js';
import { normalizeName } from '@raccord/core/model/names.js';

export function searchPeople(people: readonly BridgePerson[], query: string, limit = 30): BridgePerson[] {
  const words = normalizeName(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  const raw = query.trim().toLowerCase();
  const hits = people.filter((p) => {
    const hay = normalizeName(`${p.family} ${p.given} ${p.division ?? ''}`);
    if (words.every((w) => hay.split(' ').some((h) => h.startsWith(w)))) return true;
    return p.entLogins.some((l) => l.toLowerCase().includes(raw)) || (!!p.pronoteId && p.pronoteId.toLowerCase() === raw);
  });
  return hits.sort((a, b) => `${a.family} ${a.given}`.localeCompare(`${b.family} ${b.given}`, 'fr')).slice(0, limit);
}
