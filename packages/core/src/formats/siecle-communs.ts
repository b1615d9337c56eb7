/**
 * SIECLE `Communs.xml` (root BEE_COMMUN, formats.md §1.7): the school's name and address
 * (DONNEES/UAJ) and the pupils' school-year dates (DONNEES/ANNEE_SCOLAIRE).
 */
import type { SchoolInfo } from '../model/types.js';
import { child, text } from '../util/xml.js';
import { readDate, readPostalAddress, setIf, siecleReader } from './siecle-common.js';

export const siecleCommunsReader = siecleReader('siecle-communs', 'BEE_COMMUN', [], (data, ctx, header) => {
  const uaj = child(data, 'UAJ');
  const school: SchoolInfo = { uai: header.uai };
  const name = [text(uaj, 'DENOM_PRINC'), text(uaj, 'DENOM_COMPL')].filter(Boolean).join(' ');
  if (name) school.name = name;
  // French schools give only the INSEE code of their town; foreign ones COMMUNE_ETRANGERE.
  const address = readPostalAddress(uaj, ['LIBELLE_POSTAL', 'LL_COMMUNE_INSEE', 'LIBELLE_COMMUNE']);
  const bp = text(uaj, 'BOITE_POST');
  // A real Communs.xml writes the BP in LIGNE2_ADRESSE too (« BP 62159 ») : not printed twice.
  const bpWritten = bp && address.lines.some((l) => l.replace(/\s+/g, '').toUpperCase().includes(`BP${bp.replace(/\s+/g, '')}`));
  if (bp && !bpWritten) address.lines.push(`BP ${bp}`);
  if (address.lines.length) school.addressLines = address.lines;
  setIf(school, 'postcode', address.postcode);
  setIf(school, 'city', address.city);
  setIf(school, 'inseeCode', text(uaj, 'CODE_COMMUNE_INSEE'));
  const year = child(data, 'ANNEE_SCOLAIRE');
  setIf(school, 'schoolYearStart', readDate(year, 'DATE_DEBUT_ELEVE', ctx, 'ANNEE_SCOLAIRE'));
  setIf(school, 'schoolYearEnd', readDate(year, 'DATE_FIN_ELEVE', ctx, 'ANNEE_SCOLAIRE'));
  return { school };
});
