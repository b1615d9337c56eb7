/**
 * SIECLE `Nomenclature.xml` (root BEE_NOMENCLATURES, formats.md §1.5): subjects (MATIERE, codes
 * kept as strings with their leading zeros, space-padded values trimmed) and MEFs.
 */
import type { Mef, Subject } from '../model/types.js';
import { text } from '../util/xml.js';
import { listOf, setIf, siecleReader, simpleKeyed } from './siecle-common.js';

export const siecleNomenclatureReader = siecleReader(
  'siecle-nomenclature',
  'BEE_NOMENCLATURES',
  ['MATIERE', 'MEF', 'MODALITE_ELECTION', 'PROGRAMME', 'OPTION_OBLIGATOIRE'],
  (data, ctx) => {
    const subjects = simpleKeyed<Subject>(listOf(data, 'MATIERES', 'MATIERE'), 'CODE_MATIERE', { noun: 'la matière', code: 'siecle.subject' }, (n, code) => {
      const s: Subject = { code };
      setIf(s, 'shortCode', text(n, 'CODE_GESTION'));
      setIf(s, 'shortLabel', text(n, 'LIBELLE_COURT'));
      setIf(s, 'longLabel', text(n, 'LIBELLE_LONG') ?? text(n, 'LIBELLE_EDITION'));
      return s;
    }, ctx);
    const mefs = simpleKeyed<Mef>(listOf(data, 'MEFS', 'MEF'), 'CODE_MEF', { noun: 'le MEF', code: 'siecle.mef' }, (n, code) => {
      const m: Mef = { code };
      setIf(m, 'formation', text(n, 'FORMATION'));
      setIf(m, 'longLabel', text(n, 'LIBELLE_LONG') ?? text(n, 'LIBELLE_EDITION'));
      return m;
    }, ctx);
    return { subjects, mefs };
  },
);
