/**
 * Highlight: marks list rows with what Raccord found — SIECLE pupils (blocking, duplicate,
 * stale), ENT accounts (missing or wrong PRONOTE ID, orphan), STS-web groups (invalid or unknown
 * names). One small accessible badge per row, its reasons on hover and focus.
 */
import type { BridgeFlag } from '@raccord/core/bridge/protocol.js';
import { normalizeName } from '@raccord/core/model/names.js';
import { flaggedBirthDates, flagsFor } from '../../lib/people';
import { entngRoute, type EntngDirectoryUser } from '../../portals/entng';
import type { MarkTarget } from '../../portals/types';
import { compareIdpn } from '../entng-ids/compare';
import { loadDirectory, usersByName } from '../entng-ids/directory';
import { markCell } from '../ui';
import type { Feature, FeatureEnv } from '../types';

/** Marks for one Open ENT NG list row, from the directory JSON (IDPN) — only for a name that is unique there. */
function entngMarks(env: FeatureEnv, t: MarkTarget, byName: Map<string, EntngDirectoryUser[]>, all: EntngDirectoryUser[]): BridgeFlag[] {
  const users = byName.get(t.nameKey ?? '') ?? [];
  if (users.length !== 1 || !env.index) return [];
  const user = users[0]!;
  t.login = user.login ?? undefined;
  const s = compareIdpn(env.index, user, all);
  // One person entered twice in SIECLE: on Open ENT NG only one account can hold the ID (see sameAsFix).
  if ((s.kind === 'missing' || s.kind === 'different') && s.sameAs)
    return [{ code: 'ent.pronote-duplicate', severity: 'warning', reason: `En double dans SIECLE (autre compte : ${s.sameAs.flatMap((p) => p.entLogins).join(', ')}) : un seul compte peut porter l'identifiant PRONOTE ${s.expected} ; traitez le doublon dans la console.` }];
  if (s.kind === 'missing') return [{ code: 'ent.pronote-missing', severity: 'warning', reason: `Identifiant PRONOTE manquant dans l'ENT (attendu : ${s.expected}).` }];
  if (s.kind === 'different') return [{ code: 'ent.pronote-different', severity: 'error', reason: `Identifiant PRONOTE différent : l'ENT porte ${s.current}, PRONOTE attend ${s.expected}.` }];
  return [];
}

export const highlight: Feature = {
  id: 'highlight',
  include: (page) => page.kinds.includes('pupil-list') || page.kinds.includes('user-list') || page.kinds.includes('groups'),
  async run(env) {
    const { doc, url, adapter, index } = env;
    if (!index || !adapter.listRows) return;
    const targets = adapter.listRows(doc, url);
    let entng: { byName: Map<string, EntngDirectoryUser[]>; all: EntngDirectoryUser[] } | undefined;
    if (adapter.id === 'entng') {
      const route = entngRoute(url);
      if (route) {
        // Plan flags by name first (synchronously), then the directory's IDPN once it is loaded.
        for (const t of targets) markRow(env, t, []);
        const all = await loadDirectory(url.origin, route.structureId).catch(() => []);
        if (env.signal.aborted) return;
        entng = { byName: usersByName(all), all };
      }
    }
    for (const t of targets) markRow(env, t, entng ? entngMarks(env, t, entng.byName, entng.all) : []);
  },
};

/** Per plan: the birth dates its SIECLE flags concern. */
const birthsOf = new WeakMap<object, Set<string>>();

function markRow(env: FeatureEnv, t: MarkTarget, extra: BridgeFlag[]): void {
  const plan = env.index!.plan;
  let births = birthsOf.get(plan);
  if (!births) birthsOf.set(plan, (births = flaggedBirthDates(plan)));
  const own = flagsFor(plan, t, births);
  const flags = extra.length ? [...extra, ...own] : own;
  markCell(env.doc, t.cell, flags, flags.length ? flags.map((f) => `${f.code}:${f.reason}`).join('|') : '');
}

/** For tests and the benchmark: the key of a name as the lists show it. */
export const nameKey = (family: string, given: string) => normalizeName(`${family} ${given}`);
