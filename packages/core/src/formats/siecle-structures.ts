/**
 * SIECLE `Structures.xml` (root BEE_STRUCTURES, formats.md §1.6): divisions (classes) with their
 * MEFs, groups with their MEFs and divisions. SIECLE writes member codes as child elements; the
 * attribute forms (`CODE_STRUCTURE="…"`, STS-style `CODE="…"`) are accepted too.
 */
import type { SiecleDivision, SiecleGroup } from '../model/types.js';
import { text, type XmlNode } from '../util/xml.js';
import { listOf, memberCodes, setIf, siecleReader, simpleKeyed } from './siecle-common.js';

function label(n: XmlNode): string | undefined {
  return text(n, 'LIBELLE_LONG') ?? text(n, 'LIBELLE_COURT');
}

function mefsOf(n: XmlNode): string[] {
  return memberCodes(n, 'MEFS_APPARTENANCE', 'MEF_APPARTENANCE', 'CODE_MEF');
}

export const siecleStructuresReader = siecleReader(
  'siecle-structures',
  'BEE_STRUCTURES',
  ['DIVISION', 'GROUPE', 'MEF_APPARTENANCE', 'DIVISION_APPARTENANCE'],
  (data, ctx) => {
    const siecleDivisions = simpleKeyed<SiecleDivision>(listOf(data, 'DIVISIONS', 'DIVISION'), 'CODE_STRUCTURE', { noun: 'la division', code: 'siecle.division' }, (n, code) => {
      const d: SiecleDivision = { code, mefs: mefsOf(n) };
      setIf(d, 'label', label(n));
      return d;
    }, ctx);
    const known = new Set(siecleDivisions.map((d) => d.code));
    const siecleGroups = simpleKeyed<SiecleGroup>(listOf(data, 'GROUPES', 'GROUPE'), 'CODE_STRUCTURE', { noun: 'le groupe', code: 'siecle.group' }, (n, code) => {
      const g: SiecleGroup = { code, mefs: mefsOf(n), divisions: memberCodes(n, 'DIVISIONS_APPARTENANCE', 'DIVISION_APPARTENANCE', 'CODE_STRUCTURE') };
      setIf(g, 'label', label(n));
      const unknown = g.divisions.filter((d) => !known.has(d));
      if (unknown.length && known.size) {
        ctx.warn({
          code: 'siecle.group-unknown-division',
          message: `Le groupe « ${code} » est rattaché à ${unknown.length > 1 ? 'des divisions absentes' : 'une division absente'} de la liste DIVISIONS (${unknown.join(', ')}) : le rattachement est gardé. Vérifiez les structures dans SIECLE.`,
        });
      }
      return g;
    }, ctx);
    return { siecleDivisions, siecleGroups };
  },
);
