/**
 * The sample school's PRONOTE teachers list as PRONOTE writes a list with only « Nom », « Prénom »
 * and « Identifiant PRONOTE » displayed: Windows-1252, TAB, no profile column, a neutral file name.
 * Only its names can tell it (pronote-list-kind.ts). Pure: the tests and the bench use it.
 */
import { cp1252 } from './bytes.js';

export const LABELLED_TEACHERS = 'PRONOTE-professeurs.csv';
export const UNLABELLED_TEACHERS = 'export-pronote.txt';

interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** The list's bytes without its « Civ. » and « Profil » columns. */
export function stripProfileColumn(labelled: Uint8Array): Uint8Array {
  const lines = new TextDecoder().decode(labelled).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const header = lines[0]!.split(';');
  const keep = ['Nom', 'Prénom', 'Identifiant PRONOTE'].map((h) => header.indexOf(h));
  if (keep.some((i) => i < 0)) throw new Error(`en-tête inattendu : ${lines[0]}`);
  return cp1252(lines.map((l) => keep.map((i) => l.split(';')[i]).join('\t')).join('\r\n') + '\r\n');
}

/** The school's files with its teachers list replaced by the unlabelled one (same place in the list). */
export function withUnlabelledTeachers<F extends NamedBytes>(files: F[]): NamedBytes[] {
  const labelled = files.find((f) => f.name === LABELLED_TEACHERS);
  if (!labelled) throw new Error(`${LABELLED_TEACHERS} absent de l'établissement`);
  return files.map((f) => (f === labelled ? { name: UNLABELLED_TEACHERS, bytes: stripProfileColumn(f.bytes) } : f));
}
