// PRONOTE identifier lists (formats.md §9.2) and the ENT account list (§5.2 + a PRONOTE ID column).

import { frDate } from './dates.js';
import { ByteSink, type TextEncoding } from './encoding.js';
import type { EntAccount, PronoteRow, World } from './model.js';
import { sortedBy } from './siecle.js';
import { fold } from './text.js';

function table(encoding: TextEncoding, sep: string, header: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  const sink = new ByteSink(encoding, (encoding === 'utf-16le-bom' ? 260 : 130) * rows.length + 256);
  sink.write(header.join(sep) + '\r\n');
  for (const r of rows) sink.write(r.join(sep) + '\r\n');
  return sink.bytes();
}

const byName = (r: PronoteRow): string => `${fold(r.nom)} ${fold(r.prenom)} ${r.id}`;

/** Pupils: Windows-1252, ';', no Profil column (a Classe column with birth dates says "pupils"). */
export function writePronoteEleves(w: World): Uint8Array {
  const rows = sortedBy(w.pronote.filter((r) => r.kind === 'eleve'), (r) => `${r.klass.padStart(10)} ${byName(r)}`);
  return table('windows-1252', ';', ['Nom', 'Prénom', 'Né(e) le', 'Classe', 'Identifiant PRONOTE', 'INE'],
    rows.map((r) => [r.nom, r.prenom, frDate(r.birth), r.klass, r.id, r.ine]));
}

/** Teachers: UTF-8 with BOM, ';', with a Profil column. */
export function writePronoteProfesseurs(w: World): Uint8Array {
  const rows = sortedBy(w.pronote.filter((r) => r.kind === 'professeur'), byName);
  return table('utf-8-bom', ';', ['Civ.', 'Nom', 'Prénom', 'Profil', 'Identifiant PRONOTE'], rows.map((r) => [r.civ, r.nom, r.prenom, 'Professeur', r.id]));
}

/** Guardians: a clipboard paste, UTF-16 LE with BOM, TAB-separated, with the children "NOM Prénom (Classe), …". */
export function writePronoteResponsables(w: World): Uint8Array {
  const rows = sortedBy(w.pronote.filter((r) => r.kind === 'responsable'), byName);
  return table('utf-16le-bom', '\t', ['Civ.', 'Nom', 'Prénom', 'Identifiant PRONOTE', 'Élèves'], rows.map((r) => [r.civ, r.nom, r.prenom, r.id, r.children]));
}

export const ENT_HEADER = ['RNE', 'UID', 'Classe', 'Profil', 'Prénom', 'Nom', 'Login', 'Mot de passe', 'Clé de jointure', 'UID Père', 'UID Mère', 'UID Tuteur1', 'UID Tuteur2', 'Identifiant PRONOTE'] as const;

const PROFIL_ORDER: Record<string, number> = { Eleve: 0, 'Responsable élève': 1, Enseignant: 2, Personnel: 3 };

/** ENT-Identifiants: Windows-1252, ';', CRLF, no quoting (GEPI reads it with a plain split). */
export function writeEnt(w: World): Uint8Array {
  const accounts = sortedBy(w.accounts, (a: EntAccount) => `${PROFIL_ORDER[a.profil] ?? 9} ${a.klass.padStart(10)} ${fold(a.nom)} ${fold(a.prenom)} ${a.login}`);
  return table('windows-1252', ';', ENT_HEADER, accounts.map((a) => [
    w.o.uai, a.uid, a.klass, a.profil, a.prenom, a.nom, a.login, a.password, a.cle, a.pere, a.mere, a.tuteur1, a.tuteur2, a.current,
  ]));
}
