/**
 * groups.invalid-name — error: STS-web accepts group names of at most 8 characters made of
 * letters, digits, spaces, `-` and `_` (seed 003 §2.7). EDT truncates longer names and strips the
 * rest, so `1ARA1STMG` has no STS-web counterpart and no existence in the ENT.
 *
 * The rule is STS-web's, so it fires only on codes that go to STS-web: an STS-web group code, or a
 * SIECLE group code (an EDT group whose pupils' links reached SIECLE) that STS-web holds under its
 * truncated or stripped form (`1ARA1STMG` in SIECLE, `1ARA1STM` in STS-web: two names for one
 * group). A SIECLE group of its own (« BTS NDRC 1 GROUPE 1 », made in SIECLE, no service) is not
 * held to it: SIECLE accepts such codes; at most `groups.unknown-group` says STS-web lacks it.
 *
 * Letters are read as A–Z: accented letters are reported too (STS-web's own list of accepted
 * characters is not published; the seed names only « lettres », and EDT strips what STS refuses).
 */
import type { CheckRule } from './types.js';
import { PUSH_GROUP_LINKS, REMONTEE_STS, addUnique, groupRef, indexDataset, type RawFinding } from './common.js';
import { VALID_GROUP_NAME } from './groups-common.js';

/** What EDT sends to STS-web for a group name: forbidden characters stripped, cut to 8 characters. */
export function stsFormOfGroup(code: string): string {
  return code.replace(/[^A-Za-z0-9 _-]/g, '').slice(0, 8).trim();
}

function problems(code: string): string[] {
  const out: string[] = [];
  if (code.length > 8) out.push(`${code.length} caractères (8 au plus) : EDT le tronque en « ${code.slice(0, 8)} »`);
  const bad = [...new Set(code.replace(/[A-Za-z0-9 _-]/g, ''))];
  if (bad.length) out.push(`caractère(s) refusé(s) par STS-web : ${bad.map((c) => `« ${c} »`).join(' ')}`);
  return out;
}

export const invalidGroupName: CheckRule = {
  code: 'groups.invalid-name',
  title: 'Nom de groupe refusé par STS-web',
  severity: 'error',
  description:
    "Un nom de groupe qui va vers STS-web, de plus de 8 caractères ou contenant autre chose que des lettres, des chiffres, des espaces, « - » et « _ », est tronqué ou rejeté entre EDT et STS-web : SIECLE (les élèves) et STS-web (les enseignants) ne désignent plus le groupe du même nom, et dans l'ENT il n'a pas à la fois ses élèves et ses enseignants (messagerie, cahier de textes, manuels numériques). Un groupe créé dans SIECLE seul n'est pas concerné.",
  fix: [
    'Renommer le groupe dans EDT (8 caractères au plus : lettres, chiffres, espaces, « - », « _ »), puis refaire la remontée vers STS-web.',
    "1. Dans EDT, renommer le groupe avec un nom court et explicite (il sera visible dans la messagerie et les espaces de l'ENT), par exemple 1ARA1STMG → 1ARA1ST.",
    `2. ${REMONTEE_STS}`,
    `3. ${PUSH_GROUP_LINKS}`,
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    const sts = new Set(ds.stsGroups.map((g) => g.code));
    const where = new Map<string, string[]>();
    for (const code of sts) addUnique(where, code, 'STS-web');
    // A SIECLE code counts only when STS-web holds it under another (EDT-made) name.
    const renamed = (code: string) => !sts.has(code) && sts.has(stsFormOfGroup(code)) && stsFormOfGroup(code) !== code;
    for (const g of ds.siecleGroups) if (renamed(g.code)) addUnique(where, g.code, 'SIECLE (structures)');
    idx.currentPupils.forEach((p) => p.groups.forEach((code) => renamed(code) && addUnique(where, code, 'SIECLE (inscriptions des élèves)')));
    const out: RawFinding[] = [];
    // Filtered before sorting: a stable sort gives the kept codes the same order, with fewer comparisons.
    const invalid = [...where].filter(([code]) => code && !VALID_GROUP_NAME.test(code));
    for (const [code, sources] of invalid.sort(([a], [b]) => a.localeCompare(b))) {
      const n = idx.currentPupils.filter((p) => p.groups.includes(code)).length;
      const twin = sts.has(code) ? '' : ` ; STS-web le connaît sous « ${stsFormOfGroup(code)} » : SIECLE et STS-web ne désignent pas ce groupe du même nom`;
      out.push({
        subjects: [groupRef(ds, code)],
        evidence: [
          `Groupe « ${code} » (${sources.join(', ')}${n ? `, ${n} élève(s)` : ''}) : ${problems(code).join(' ; ')}${twin}.`,
        ],
      });
    }
    return out;
  },
};
