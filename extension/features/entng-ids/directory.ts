/**
 * The Open ENT NG directory JSON, as the console itself reads it: same origin, the admin's own
 * session. Loaded once per page and structure, kept in memory only.
 */
import { normalizeName } from '@raccord/core/model/names.js';
import { fetchSameOrigin } from '../../lib/fetch';
import { ENTNG, type EntngDirectoryUser } from '../../portals/entng';

const cache = new Map<string, Promise<EntngDirectoryUser[]>>();

export function loadDirectory(origin: string, structureId: string): Promise<EntngDirectoryUser[]> {
  const url = ENTNG.directoryUsers(origin, structureId);
  let p = cache.get(url);
  if (!p) {
    p = fetchSameOrigin(url, origin, { headers: { Accept: 'application/json' } })
      .then((r) => r.json() as Promise<unknown>)
      .then((v) => (Array.isArray(v) ? (v as EntngDirectoryUser[]).filter((u) => typeof u?.id === 'string') : []));
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/** For tests. */
export function clearDirectoryCache(): void {
  cache.clear();
}

/** Directory users by normalised « NOM Prénom » (the only key an ENT NG list row shows). */
export function usersByName(users: EntngDirectoryUser[]): Map<string, EntngDirectoryUser[]> {
  const map = new Map<string, EntngDirectoryUser[]>();
  for (const u of users) {
    const k = normalizeName(`${u.lastName ?? ''} ${u.firstName ?? ''}`);
    const list = map.get(k);
    if (list) list.push(u);
    else map.set(k, [u]);
  }
  return map;
}
