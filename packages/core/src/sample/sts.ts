// STS-web "Emploi du temps" export sts_emp_{UAI}_{YEAR}.xml (formats.md §2), ISO-8859-15 bytes.

import { DISCIPLINES, LEVELS, SUBJECTS } from './data.js';
import { ByteSink } from './encoding.js';
import type { Service, Staff, World } from './model.js';
import { groupBy } from './derive.js';
import { horodatage, sortedBy } from './siecle.js';
import { el, fold, xmlEscape } from './text.js';

function services(list: readonly Service[]): string {
  if (list.length === 0) return '';
  let s = '  <SERVICES>\n';
  for (const svc of list) {
    const subj = SUBJECTS[svc.subject];
    if (!subj) continue;
    s += `    <SERVICE CODE_MATIERE="${subj.code}" CODE_MOD_COURS="CG">\n      <ENSEIGNANTS>`;
    for (const t of svc.teachers) s += `<ENSEIGNANT ID="${t.id}" TYPE="${t.type}"/>`;
    s += '</ENSEIGNANTS>\n    </SERVICE>\n';
  }
  return `${s}  </SERVICES>\n`;
}

function individu(w: World, t: Staff): string {
  const o = w.o;
  let s = `<INDIVIDU ID="${t.id}" TYPE="${t.type}">\n`;
  // "local" people (added by hand) have empty elements and no FONCTION.
  s += t.sex ? `  <SEXE>${t.sex}</SEXE>\n` : '  <SEXE/>\n';
  s += `  <CIVILITE>${t.civ}</CIVILITE>\n  <NOM_USAGE>${xmlEscape(t.nomUsage)}</NOM_USAGE>\n`;
  s += t.nomPatro ? `  <NOM_PATRONYMIQUE>${xmlEscape(t.nomPatro)}</NOM_PATRONYMIQUE>\n` : '  <NOM_PATRONYMIQUE/>\n';
  s += `  <PRENOM>${xmlEscape(t.prenom)}</PRENOM>\n`;
  for (const part of [el('DATE_NAISSANCE', t.birth), el('GRADE', t.grade), el('FONCTION', t.fonction)]) if (part) s += `  ${part}\n`;
  if (t.pp.length) {
    s += `  <PROFS_PRINC>${t.pp.map((d) => `<PROF_PRINC><CODE_STRUCTURE>${xmlEscape(d)}</CODE_STRUCTURE><DATE_FIN>${o.schoolYear + 1}-08-31</DATE_FIN></PROF_PRINC>`).join('')}</PROFS_PRINC>\n`;
  }
  if (t.disc) {
    s += `  <DISCIPLINES><DISCIPLINE CODE="${t.disc}"><LIBELLE_COURT>${xmlEscape(DISCIPLINES[t.disc] ?? t.disc)}</LIBELLE_COURT><NB_HEURES>${t.nbHeures}</NB_HEURES></DISCIPLINE></DISCIPLINES>\n`;
  }
  return `${s}</INDIVIDU>\n`;
}

export function writeSts(w: World): Uint8Array {
  const o = w.o;
  const sink = new ByteSink('iso-8859-15', 600 * w.staff.length + 300 * w.services.length + 8192);
  sink.write('<?xml version="1.0" encoding="ISO-8859-15"?>\n<STS_EDT>\n<PARAMETRES>\n');
  sink.write(`  <UAJ CODE="${o.uai}"><ACADEMIE><CODE>16</CODE><LIBELLE>TOULOUSE</LIBELLE></ACADEMIE><SIGLE>LPO</SIGLE><DENOM_PRINC>LYCEE POLYVALENT</DENOM_PRINC><DENOM_COMPL>${xmlEscape(o.schoolShort)}</DENOM_COMPL></UAJ>\n`);
  sink.write(`  <ANNEE_SCOLAIRE ANNEE="${o.schoolYear}"><DATE_DEBUT>${o.schoolYear}-09-01</DATE_DEBUT><DATE_FIN>${o.schoolYear + 1}-08-31</DATE_FIN></ANNEE_SCOLAIRE>\n`);
  sink.write(`  <HORODATAGE>${horodatage(w, 'sts')}</HORODATAGE>\n</PARAMETRES>\n<NOMENCLATURES>\n<MATIERES>\n`);
  const used = new Set(w.services.map((s) => s.subject));
  for (const s of Object.values(SUBJECTS).filter((x) => used.has(x.key)).sort((a, b) => (a.code < b.code ? -1 : 1))) {
    sink.write(`<MATIERE CODE="${s.code}"><CODE_GESTION>${xmlEscape(s.gestion)}</CODE_GESTION><LIBELLE_COURT>${xmlEscape(s.court)}</LIBELLE_COURT><LIBELLE_LONG>${xmlEscape(s.long)}</LIBELLE_LONG><LIBELLE_EDITION>${xmlEscape(s.long.charAt(0) + s.long.slice(1).toLowerCase())}</LIBELLE_EDITION></MATIERE>\n`);
  }
  sink.write('</MATIERES>\n<MEFS>\n');
  for (const l of LEVELS) {
    sink.write(`<MEF CODE="${l.mef}">${el('FORMATION', l.formation)}${el('LIBELLE_LONG', l.label)}${el('LIBELLE_EDITION', l.label.charAt(0) + l.label.slice(1).toLowerCase())}</MEF>\n`);
  }
  sink.write('</MEFS>\n</NOMENCLATURES>\n<DONNEES>\n<INDIVIDUS>\n');
  for (const t of sortedBy(w.staff, (s) => `${fold(s.nomUsage)} ${fold(s.prenom)} ${s.id.padStart(8, '0')}`)) sink.write(individu(w, t));
  sink.write('</INDIVIDUS>\n<SUPPLEANTS>\n');
  for (const t of w.staff.filter((s) => s.suppleant)) {
    sink.write(`<SUPPLEANT ID="${t.id}" TYPE="eppsup"><NOM_USAGE>${xmlEscape(t.nomUsage)}</NOM_USAGE><PRENOM>${xmlEscape(t.prenom)}</PRENOM><SERVICES_SUPPLEANTS/></SUPPLEANT>\n`);
  }
  sink.write('</SUPPLEANTS>\n<STRUCTURE>\n<DIVISIONS>\n');
  const byStructure = groupBy(w.services, (s) => s.structure);
  const effectif = new Map<string, number>();
  const groupEffectif = new Map<string, number>();
  for (const p of w.pupils) {
    if (p.status !== 'current') continue;
    if (p.division) effectif.set(p.division, (effectif.get(p.division) ?? 0) + 1);
    for (const g of p.groups) groupEffectif.set(g, (groupEffectif.get(g) ?? 0) + 1);
  }
  for (const d of w.divisions) {
    const n = effectif.get(d.code) ?? 0;
    sink.write(`<DIVISION CODE="${xmlEscape(d.code)}">\n  <LIBELLE_LONG>${xmlEscape(d.code)}</LIBELLE_LONG>\n  <EFFECTIF_PREVU>35</EFFECTIF_PREVU>\n  <EFFECTIF_CALCULE>${n}</EFFECTIF_CALCULE>\n`
      + `  <MEFS_APPARTENANCE><MEF_APPARTENANCE CODE="${d.level.mef}"><EFFECTIF_PREVU>35</EFFECTIF_PREVU><EFFECTIF_CALCULE>${n}</EFFECTIF_CALCULE></MEF_APPARTENANCE></MEFS_APPARTENANCE>\n`
      + services(byStructure.get(d.code) ?? []) + '</DIVISION>\n');
  }
  sink.write('</DIVISIONS>\n<GROUPES>\n');
  for (const g of w.groups) {
    if (!g.inSts && !g.stsCode) continue;
    sink.write(`<GROUPE CODE="${xmlEscape(g.stsCode ?? g.code)}">\n  <LIBELLE_LONG>${xmlEscape(g.label)}</LIBELLE_LONG>\n  <EFFECTIF_PREVU>${groupEffectif.get(g.code) ?? 0}</EFFECTIF_PREVU>\n`
      + `  <DIVISIONS_APPARTENANCE>${g.divisions.map((d) => `<DIVISION_APPARTENANCE CODE="${xmlEscape(d)}"/>`).join('')}</DIVISIONS_APPARTENANCE>\n`
      + `  <MEFS_APPARTENANCE>${g.mefs.map((m) => `<MEF_APPARTENANCE CODE="${m}"/>`).join('')}</MEFS_APPARTENANCE>\n`
      + services(byStructure.get(g.code) ?? []) + '</GROUPE>\n');
  }
  sink.write('</GROUPES>\n</STRUCTURE>\n</DONNEES>\n</STS_EDT>\n');
  return sink.bytes();
}
