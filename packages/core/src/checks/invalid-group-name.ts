/**
 * groups.invalid-name — error: STS-web accepts group names of at most 8 characters made of
 * letters, digits, spaces, `-` and `_` (seed 003 §2.7). EDT truncates longer names and strips the
 * rest, so `1ARA1STMG` has no STS-web counterpart and no existence in the ENT.
 *
 * Letters are read as A–Z: accented letters are reported too (STS-web's own list of accepted
 * characters is not published; the seed names only « lettres », and EDT strips what STS refuses).
 */
import type { CheckRule } from './types.js';
import { PUSH_GROUP_LINKS, REMONTEE_STS, addUnique, groupRef, indexDataset, type RawFinding } from './common.js';
import { VALID_GROUP_NAME } from './groups-common.js';

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
    "Un nom de groupe de plus de 8 caractères, ou contenant autre chose que des lettres, des chiffres, des espaces, « - » et « _ », est tronqué ou rejeté entre EDT et STS-web : le groupe n'a pas de correspondance dans STS-web et n'existe pas dans l'ENT (messagerie, cahier de textes, manuels numériques).",
  fix: [
    'Renommer le groupe dans EDT (8 caractères au plus : lettres, chiffres, espaces, « - », « _ »), puis refaire la remontée vers STS-web.',
    "1. Dans EDT, renommer le groupe avec un nom court et explicite (il sera visible dans la messagerie et les espaces de l'ENT), par exemple 1ARA1STMG → 1ARA1ST.",
    `2. ${REMONTEE_STS}`,
    `3. ${PUSH_GROUP_LINKS}`,
  ].join('\n'),
  run(ctx) {
    const ds = ctx.dataset;
    const idx = indexDataset(ds);
    const where = new Map<string, string[]>();
    for (const g of ds.stsGroups) addUnique(where, g.code, 'STS-web');
    for (const g of ds.siecleGroups) addUnique(where, g.code, 'SIECLE (structures)');
    idx.currentPupils.forEach((p) => p.groups.forEach((code) => addUnique(where, code, 'SIECLE (inscriptions des élèves)')));
    const out: RawFinding[] = [];
    // Filtered before sorting: a stable sort gives the kept codes the same order, with fewer comparisons.
    const invalid = [...where].filter(([code]) => code && !VALID_GROUP_NAME.test(code));
    for (const [code, sources] of invalid.sort(([a], [b]) => a.localeCompare(b))) {
      const n = idx.currentPupils.filter((p) => p.groups.includes(code)).length;
      out.push({
        subjects: [groupRef(ds, code)],
        evidence: [
          `Groupe « ${code} » (${sources.join(', ')}${n ? `, ${n} élève(s)` : ''}) : ${problems(code).join(' ; ')}.`,
        ],
      });
    }
    return out;
  },
};
