// SIECLE "Base Élèves Établissement" XML exports (formats.md §1), ISO-8859-15 bytes.

import { LEVELS, SUBJECTS } from './data.js';
import { addDays, frDate } from './dates.js';
import type { Address, World } from './model.js';
import { ByteSink } from './encoding.js';
import { Rng } from './prng.js';
import { el, fold, xmlEscape } from './text.js';

const PROLOGUE = '<?xml version="1.0" encoding="ISO-8859-15"?>\n';

/** "dd/mm/yyyy HH:MM:SS" on the export date, at a seed-dependent morning time. */
export function horodatage(w: World, label: string): string {
  const rng = Rng.of(w.o.seed, 'horodatage', label);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${frDate(w.o.exportDate)} ${pad(rng.between(7, 11))}:${pad(rng.int(60))}:${pad(rng.int(60))}`;
}

function parametres(w: World, label: string): string {
  const o = w.o;
  return `<PARAMETRES>\n  <UAJ>${o.uai}</UAJ>\n  <ANNEE_SCOLAIRE>${o.schoolYear}</ANNEE_SCOLAIRE>\n  <DATE_EXPORT>${frDate(o.exportDate)}</DATE_EXPORT>\n  <HORODATAGE>${horodatage(w, label)}</HORODATAGE>\n</PARAMETRES>\n`;
}

/** Lines of child elements, indented, skipping empty ones. */
function lines(indent: string, parts: readonly string[]): string {
  let s = '';
  for (const p of parts) if (p) s += `${indent}${p}\n`;
  return s;
}

/** Sorts by a precomputed key (names folded for accents), then by the tie-breaker. */
export function sortedBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  return items.map((t) => [key(t), t] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, t]) => t);
}

export function writeEleves(w: World): Uint8Array {
  const sink = new ByteSink('iso-8859-15', 1750 * w.pupils.length + 4096);
  sink.write(`${PROLOGUE}<BEE_ELEVES VERSION="3.1">\n${parametres(w, 'eleves')}<DONNEES>\n<ELEVES>\n`);
  const pupils = sortedBy(w.pupils, (p) => `${fold(p.nomUsage || p.nom)} ${fold(p.prenom)} ${p.id.padStart(12, '0')}`);
  for (const p of pupils) {
    const prev = p.prevSchool;
    sink.write(`<ELEVE ELEVE_ID="${p.id}" ELENOET="${p.elenoet}">\n` + lines('  ', [
      el('ID_NATIONAL', p.ine), el('NOM_DE_FAMILLE', p.nom), `<NOM_USAGE>${xmlEscape(p.nomUsage)}</NOM_USAGE>`, el('PRENOM', p.prenom),
      el('PRENOM2', p.prenom2), el('PRENOM3', p.prenom3), el('DATE_NAISS', frDate(p.birth)), el('DOUBLEMENT', '0'),
      el('CODE_SEXE', String(p.sex)), el('CODE_PAYS', p.pays), el('CODE_DEPARTEMENT_NAISS', p.dept),
      el('CODE_COMMUNE_INSEE_NAISS', p.commune), el('VILLE_NAISS', p.villeNaiss), el('CODE_REGIME', p.regime),
      el('CODE_MEF', p.mef), el('CODE_STATUT', 'ST'), el('DATE_ENTREE', frDate(p.dateEntree)), el('DATE_SORTIE', frDate(p.dateSortie)),
      prev ? `<SCOLARITE_AN_DERNIER>${el('CODE_RNE', prev.uai)}${el('DENOM_PRINC', prev.princ)}${el('DENOM_COMPL', prev.compl)}</SCOLARITE_AN_DERNIER>` : '',
    ]) + '</ELEVE>\n');
  }
  sink.write('</ELEVES>\n<OPTIONS>\n');
  for (const p of pupils) {
    if (p.options.length === 0) continue;
    let s = `<OPTION ELEVE_ID="${p.id}" ELENOET="${p.elenoet}">\n`;
    p.options.forEach((key, i) => {
      const subj = SUBJECTS[key];
      if (!subj) return;
      const modalite = ['LATIN', 'MEXP', 'MCOMP', 'DGEMC'].includes(key) ? 'F' : 'S';
      s += `  <OPTIONS_ELEVE><NUM_OPTION>${i + 1}</NUM_OPTION><CODE_MODALITE_ELECT>${modalite}</CODE_MODALITE_ELECT><CODE_MATIERE>${subj.code}</CODE_MATIERE></OPTIONS_ELEVE>\n`;
    });
    sink.write(`${s}</OPTION>\n`);
  }
  sink.write('</OPTIONS>\n<STRUCTURES>\n');
  for (const p of pupils) {
    if (!p.division && p.groups.length === 0) continue;
    let s = `<STRUCTURES_ELEVE ELEVE_ID="${p.id}" ELENOET="${p.elenoet}">\n`;
    if (p.division) s += `  <STRUCTURE><CODE_STRUCTURE>${xmlEscape(p.division)}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>\n`;
    for (const g of p.groups) s += `  <STRUCTURE><CODE_STRUCTURE>${xmlEscape(g)}</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>\n`;
    sink.write(`${s}</STRUCTURES_ELEVE>\n`);
  }
  sink.write('</STRUCTURES>\n</DONNEES>\n</BEE_ELEVES>\n');
  return sink.bytes();
}

function deptOf(a: Address): string {
  return '0' + a.postcode.slice(0, 2);
}

export function writeResponsables(w: World): Uint8Array {
  const sink = new ByteSink('iso-8859-15', 980 * w.guardians.length + 4096);
  sink.write(`${PROLOGUE}<BEE_RESPONSABLES VERSION="2.1">\n${parametres(w, 'responsables')}<DONNEES>\n<PERSONNES>\n`);
  const guardians = sortedBy(w.guardians, (g) => `${fold(g.nomUsage || g.nom)} ${fold(g.prenom)} ${g.id.padStart(12, '0')}`);
  for (const g of guardians) {
    sink.write(`<PERSONNE PERSONNE_ID="${g.id}">\n` + lines('  ', [
      el('NOM_DE_FAMILLE', g.nom), `<NOM_USAGE>${xmlEscape(g.nomUsage)}</NOM_USAGE>`, el('PRENOM', g.prenom), el('LC_CIVILITE', g.civ),
      el('LL_CIVILITE', g.civ === 'M.' ? 'MONSIEUR' : 'MADAME'), el('TEL_PERSONNEL', g.telPerso), el('TEL_PORTABLE', g.telPortable),
      el('MEL', g.mel), el('ACCEPTE_SMS', g.telPortable ? '1' : '0'), el('ADRESSE_ID', g.address.id), el('CODE_PROFESSION', g.profession),
      el('COMMUNICATION_ADRESSE', '1'),
    ]) + '</PERSONNE>\n');
  }
  sink.write('</PERSONNES>\n<RESPONSABLES>\n');
  const pupils = [...w.pupils].sort((a, b) => Number(a.id) - Number(b.id));
  for (const p of pupils) {
    for (const l of p.links) {
      sink.write(`<RESPONSABLE_ELEVE>\n` + lines('  ', [
        el('ELEVE_ID', p.id), el('PERSONNE_ID', l.guardian.id), el('NIVEAU_RESPONSABILITE', String(l.level)), el('CODE_PARENTE', l.parente),
        el('PAIE_FRAIS_SCOLAIRES', l.pays ? '1' : '0'), el('PERS_CONTACT', l.level === 1 || l.level === 3 ? '1' : '0'),
      ]) + '</RESPONSABLE_ELEVE>\n');
    }
  }
  sink.write('</RESPONSABLES>\n<ADRESSES>\n');
  const addresses = new Map<string, Address>();
  for (const g of w.guardians) addresses.set(g.address.id, g.address);
  for (const a of [...addresses.values()].sort((x, y) => Number(x.id) - Number(y.id))) {
    sink.write(`<ADRESSE ADRESSE_ID="${a.id}">\n` + lines('  ', [
      el('LIGNE1_ADRESSE', a.line1), el('LIGNE2_ADRESSE', a.line2), el('CODE_POSTAL', a.postcode), el('LIBELLE_POSTAL', a.city),
      el('CODE_COMMUNE_INSEE', a.insee), el('CODE_DEPARTEMENT', deptOf(a)), el('CODE_PAYS', '100'), el('LL_PAYS', 'FRANCE'),
    ]) + '</ADRESSE>\n');
  }
  sink.write('</ADRESSES>\n</DONNEES>\n</BEE_RESPONSABLES>\n');
  return sink.bytes();
}

export function writeNomenclature(w: World): Uint8Array {
  const o = w.o;
  const sink = new ByteSink('iso-8859-15');
  sink.write(`${PROLOGUE}<BEE_NOMENCLATURES VERSION="3.1">\n${parametres(w, 'nomenclature')}<DONNEES>\n<MATIERES>\n`);
  for (const s of Object.values(SUBJECTS).sort((a, b) => (a.code < b.code ? -1 : 1))) {
    // Fixed-width, space-padded values, as in real exports.
    sink.write(`<MATIERE CODE_MATIERE="${s.code}">\n` + lines('  ', [
      `<CODE_GESTION>${xmlEscape(s.gestion.padEnd(6))}</CODE_GESTION>`, `<LIBELLE_COURT>${xmlEscape(s.court.padEnd(20))}</LIBELLE_COURT>`,
      el('LIBELLE_LONG', s.long), el('LIBELLE_EDITION', s.long.charAt(0) + s.long.slice(1).toLowerCase()), el('MATIERE_ETP', '0'),
    ]) + '</MATIERE>\n');
  }
  sink.write('</MATIERES>\n<MEFS>\n');
  for (const l of LEVELS) {
    sink.write(`<MEF CODE_MEF="${l.mef}">\n` + lines('  ', [
      el('FORMATION', l.formation), el('LIBELLE_LONG', l.label), el('LIBELLE_EDITION', l.label.charAt(0) + l.label.slice(1).toLowerCase()),
      el('MEF_RATTACHEMENT', l.mef), el('STATUT_MEF', '4'), el('DATE_OUVERTURE', frDate(addDays(`${o.schoolYear - 6}-09-01`, 0))), el('DATE_FERMETURE', '31/12/9999'),
    ]) + '</MEF>\n');
  }
  sink.write('</MEFS>\n<MODALITES_ELECTION>\n');
  for (const [code, court, long] of [['S', 'OBLIG.', 'OBLIGATOIRE'], ['O', 'OPT.OBLIG', 'OPTION OBLIGATOIRE'], ['F', 'FACULTATIF', 'OPTION FACULTATIVE']] as const) {
    sink.write(`<MODALITE_ELECTION CODE_MODALITE_ELECT="${code}"><LIBELLE_COURT>${court}</LIBELLE_COURT><LIBELLE_LONG>${long}</LIBELLE_LONG></MODALITE_ELECTION>\n`);
  }
  sink.write('</MODALITES_ELECTION>\n<PROGRAMMES>\n');
  for (const l of LEVELS) {
    for (const key of l.classSubjects) {
      const subj = SUBJECTS[key];
      if (subj) sink.write(`<PROGRAMME><CODE_MEF>${l.mef}</CODE_MEF><CODE_MATIERE>${subj.code}</CODE_MATIERE><CODE_MODALITE_ELECT>S</CODE_MODALITE_ELECT></PROGRAMME>\n`);
    }
  }
  sink.write('</PROGRAMMES>\n</DONNEES>\n</BEE_NOMENCLATURES>\n');
  return sink.bytes();
}

export function writeStructures(w: World): Uint8Array {
  const sink = new ByteSink('iso-8859-15');
  sink.write(`${PROLOGUE}<BEE_STRUCTURES VERSION="2.0">\n${parametres(w, 'structures')}<DONNEES>\n<DIVISIONS>\n`);
  for (const d of w.divisions) {
    sink.write(`<DIVISION CODE_STRUCTURE="${xmlEscape(d.code)}">\n  <LIBELLE_LONG>${xmlEscape(d.code)}</LIBELLE_LONG>\n  <MEFS_APPARTENANCE><MEF_APPARTENANCE><CODE_MEF>${d.level.mef}</CODE_MEF></MEF_APPARTENANCE></MEFS_APPARTENANCE>\n</DIVISION>\n`);
  }
  sink.write('</DIVISIONS>\n<GROUPES>\n');
  for (const g of w.groups) {
    sink.write(`<GROUPE CODE_STRUCTURE="${xmlEscape(g.code)}">\n  <LIBELLE_LONG>${xmlEscape(g.label)}</LIBELLE_LONG>\n`
      + `  <MEFS_APPARTENANCE>${g.mefs.map((m) => `<MEF_APPARTENANCE><CODE_MEF>${m}</CODE_MEF></MEF_APPARTENANCE>`).join('')}</MEFS_APPARTENANCE>\n`
      + `  <DIVISIONS_APPARTENANCE>${g.divisions.map((d) => `<DIVISION_APPARTENANCE><CODE_STRUCTURE>${xmlEscape(d)}</CODE_STRUCTURE></DIVISION_APPARTENANCE>`).join('')}</DIVISIONS_APPARTENANCE>\n</GROUPE>\n`);
  }
  sink.write('</GROUPES>\n</DONNEES>\n</BEE_STRUCTURES>\n');
  return sink.bytes();
}

export function writeCommuns(w: World, head: string): Uint8Array {
  const o = w.o;
  return new ByteSink('iso-8859-15').write(`${PROLOGUE}<BEE_COMMUN VERSION="1.1">\n${parametres(w, 'communs')}<DONNEES>\n<UAJ>\n` + lines('  ', [
    el('DENOM_PRINC', 'LYCEE POLYVALENT'), el('DENOM_COMPL', o.schoolShort), el('NOM_RESP', head), el('QUAL_RESP', 'PROVISEUR'),
    el('LIGNE1_ADRESSE', `${o.schoolShort.length % 90 + 3} RUE ${o.schoolShort}`), el('CODE_POSTAL', '31000'), el('CODE_COMMUNE_INSEE', '31555'),
    el('LL_COMMUNE_INSEE', o.city), el('TELEPHONE', `0561${o.uai.slice(3, 7)}00`), el('MEL_1', `ce.${o.uai.toLowerCase()}@ac-toulouse.fr`), el('CODE_PAYS', '100'),
  ]) + `</UAJ>\n<ANNEE_SCOLAIRE>\n  <DATE_DEBUT_ELEVE>01/09/${o.schoolYear}</DATE_DEBUT_ELEVE>\n  <DATE_FIN_ELEVE>04/07/${o.schoolYear + 1}</DATE_FIN_ELEVE>\n</ANNEE_SCOLAIRE>\n</DONNEES>\n</BEE_COMMUN>\n`).bytes();
}
