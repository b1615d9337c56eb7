/**
 * `rentreeStatus`: each step of seed 003's chronology with a status derived from the files (their
 * years, export dates and contents) and the findings, the evidence behind it, what to do, and the
 * rules whose findings block it. Pure: the same dataset, findings and `today` give the same status.
 */
import type { SchoolDataset } from '../model/dataset.js';
import { frDate } from '../model/dates.js';
import type { FileKind, ParsedFile } from '../model/types.js';
import type { Assignment, Finding, Severity } from '../match/types.js';
import { daysBetween, isCurrentPupil } from '../checks/common.js';
import { AAF_DELAY_DAYS } from '../checks/account-missing.js';
import { dateWarnings, fileNotes, nb, plural, schoolYearOf, yearLabel, ageFr } from './dates.js';
import { STEP_CODES, STEP_PORTAL, STEP_TITLE, STEP_TODO } from './procedures.js';
import type { RentreeStatus, RentreeStep, StepBlocker, StepId, StepStatus } from './types.js';

export * from './types.js';
export { schoolYearOf, OLDER_EXPORT_DAYS } from './dates.js';
export { STEP_TITLE } from './procedures.js';

export interface RentreeInput {
  dataset: SchoolDataset;
  findings: Finding[];
  /** The matcher's assignments: how many PRONOTE IDs are to fill in the ENT. */
  assignments?: Assignment[];
  /** ISO date (YYYY-MM-DD). */
  today: string;
}

const ORDER: StepId[] = ['bascule', 'nomenclatures', 'structure-sts', 'structure-siecle', 'eleves', 'services-groupes', 'aaf', 'comptes-ent', 'identifiants-pronote'];

const GRAVITY: Record<StepStatus, number> = { inconnu: -1, fait: 0, 'a-faire': 1, bloque: 2 };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What a step derivation returns: the status the data give, before the findings are weighed. */
interface Derived {
  status: StepStatus;
  evidence: string[];
  /** Only these findings count (the AAF step takes recent arrivals, the ENT step the rest). */
  findingFilter?: (f: Finding) => boolean;
  /** When true, info findings make the step « à faire » (waiting is what there is to do). */
  infoCounts?: boolean;
  /** How many evidence lines are plain facts: the next one says what is to do (the step's headline). */
  facts?: number;
}

interface Ctx {
  ds: SchoolDataset;
  today: string;
  currentYear: number;
  assignments?: Assignment[];
  read: (kind: FileKind) => ParsedFile | undefined;
}

function some<T>(list: T[], n = 5): string {
  return list.length > n ? `${list.slice(0, n).join(', ')}… (${nb(list.length)} en tout)` : list.join(', ');
}

function stsFile(c: Ctx) {
  return c.read('sts-emp');
}

function bascule(c: Ctx): Derived {
  const sts = stsFile(c);
  if (!sts) {
    // An STS-web export of another year than SIECLE's is refused from the dataset, but its year still tells.
    const refused = c.ds.files.find((f) => f.kind === 'sts-emp' && f.schoolYear !== undefined && (f.error?.code === 'mixed-year' || f.error?.code === 'wrong-year'));
    if (refused && refused.schoolYear! < c.currentYear) {
      return {
        status: 'a-faire',
        evidence: [`L'export STS-web « ${refused.path} » est de l'année ${yearLabel(refused.schoolYear!)} (refusé : pas de la même année que les autres fichiers), alors que l'année en cours est ${yearLabel(c.currentYear)} : la bascule n'est pas faite, ou cet export date d'avant.`],
      };
    }
    return { status: 'inconnu', evidence: ['Aucun export STS-web (sts_emp) lu : Raccord ne peut pas dire si la bascule est faite.'] };
  }
  if (sts.schoolYear === undefined) return { status: 'inconnu', evidence: [`L'export STS-web « ${sts.path} » ne donne pas son année scolaire.`] };
  if (sts.schoolYear >= c.currentYear) {
    return { status: 'fait', evidence: [`L'export STS-web « ${sts.path} » est de l'année ${yearLabel(sts.schoolYear)}${sts.schoolYear === c.currentYear ? ", l'année en cours" : ' (année en préparation)'} : la bascule est faite.`] };
  }
  return {
    status: 'a-faire',
    evidence: [`L'export STS-web « ${sts.path} » est de l'année ${yearLabel(sts.schoolYear)}, alors que l'année en cours est ${yearLabel(c.currentYear)} (nous sommes le ${frDate(c.today)}) : la bascule n'est pas faite, ou cet export date d'avant.`],
  };
}

function nomenclatures(c: Ctx): Derived {
  const f = c.read('siecle-nomenclature');
  if (!f) return { status: 'inconnu', evidence: ['Aucun export Nomenclature.xml lu : Raccord ne peut pas vérifier les nomenclatures.'] };
  const mefs = new Set((f.data.mefs ?? []).map((m) => m.code));
  const subjects = new Set((f.data.subjects ?? []).map((s) => s.code));
  const evidence = [`« ${f.path} » : ${plural(mefs.size, 'MEF', 'MEF')} et ${plural(subjects.size, 'matière')}.`];
  const pupils = c.ds.pupils.filter(isCurrentPupil);
  if (!pupils.length) return { status: mefs.size ? 'fait' : 'a-faire', evidence };
  const missingMef = new Map<string, number>();
  const missingSubject = new Map<string, number>();
  for (const p of pupils) {
    if (p.mef && !mefs.has(p.mef)) missingMef.set(p.mef, (missingMef.get(p.mef) ?? 0) + 1);
    for (const o of p.options) if (subjects.size && !subjects.has(o)) missingSubject.set(o, (missingSubject.get(o) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  if (missingMef.size) evidence.push(`${plural(missingMef.size, 'MEF', 'MEF')} de ${plural(sum(missingMef), 'élève')} ne ${missingMef.size > 1 ? 'figurent' : 'figure'} pas dans les nomenclatures : ${some([...missingMef.keys()])}.`);
  if (missingSubject.size) evidence.push(`${plural(missingSubject.size, 'matière')} d'option de ${plural(sum(missingSubject), 'élève')} ${missingSubject.size > 1 ? 'manquent' : 'manque'} aux nomenclatures : ${some([...missingSubject.keys()])}.`);
  if (missingMef.size || missingSubject.size || !mefs.size) return { status: 'a-faire', evidence, facts: 1 };
  evidence.push(`Les MEF et les options des ${plural(pupils.length, 'élève présent', 'élèves présents')} y figurent tous.`);
  return { status: 'fait', evidence };
}

/** Divisions of the current pupils, as SIECLE records them. */
function pupilDivisions(c: Ctx): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of c.ds.pupils) if (isCurrentPupil(p) && p.division) m.set(p.division, (m.get(p.division) ?? 0) + 1);
  return m;
}

function structureSts(c: Ctx): Derived {
  const sts = stsFile(c);
  if (!sts) return { status: 'inconnu', evidence: ['Aucun export STS-web lu : la structure de STS-web n’est pas connue.'] };
  const divisions = new Set(c.ds.stsDivisions.map((d) => d.code));
  const evidence = [`STS-web : ${plural(divisions.size, 'division')} et ${plural(c.ds.stsGroups.length, 'groupe')}.`];
  if (!divisions.size) return { status: 'a-faire', evidence: [...evidence, "L'export STS-web ne contient aucune division : la structure de l'année n'est pas saisie."] };
  if (!c.read('siecle-eleves')) return { status: 'fait', evidence: [...evidence, 'Sans export des élèves SIECLE, Raccord ne peut pas comparer avec les classes des élèves.'] };
  const inSiecle = pupilDivisions(c);
  const unknown = [...inSiecle.keys()].filter((d) => !divisions.has(d)).sort();
  const empty = [...divisions].filter((d) => !inSiecle.has(d)).sort();
  let status: StepStatus = 'fait';
  if (unknown.length) {
    status = 'a-faire';
    evidence.push(`${plural(unknown.length, 'division')} d'élèves de SIECLE ${unknown.length > 1 ? 'sont absentes' : 'est absente'} de STS-web : ${some(unknown)} (${plural(unknown.reduce((n, d) => n + inSiecle.get(d)!, 0), 'élève')}).`);
  }
  if (empty.length) {
    status = 'a-faire';
    evidence.push(`${plural(empty.length, 'division')} de STS-web ${empty.length > 1 ? "n'ont" : "n'a"} aucun élève dans SIECLE : ${some(empty)} — à supprimer si elle n'existe plus, sinon ses élèves sont à affecter.`);
  }
  if (status === 'fait') evidence.push(`Chacune des ${plural(inSiecle.size, 'division')} des élèves de SIECLE existe dans STS-web.`);
  return { status, evidence, facts: 1 };
}

function structureSiecle(c: Ctx): Derived {
  const sts = stsFile(c);
  const structures = c.read('siecle-structures');
  const eleves = c.read('siecle-eleves');
  if (!sts) return { status: 'inconnu', evidence: ['Aucun export STS-web lu : Raccord ne peut pas comparer la structure de STS-web à celle de SIECLE.'] };
  if (!structures && !eleves) return { status: 'inconnu', evidence: ['Ni Structures.xml ni export des élèves SIECLE lu : la structure de SIECLE n’est pas connue.'] };
  const siecleDivisions = structures ? new Set(c.ds.siecleDivisions.map((d) => d.code)) : new Set(pupilDivisions(c).keys());
  const from = structures ? `Structures.xml (${plural(siecleDivisions.size, 'division')}, ${plural(c.ds.siecleGroups.length, 'groupe')})` : `les classes des élèves (${plural(siecleDivisions.size, 'division')})`;
  const missing = c.ds.stsDivisions.map((d) => d.code).filter((d) => !siecleDivisions.has(d)).sort();
  const evidence = [`SIECLE, d'après ${from} ; STS-web : ${plural(c.ds.stsDivisions.length, 'division')}.`];
  let status: StepStatus = 'fait';
  if (missing.length) {
    status = 'a-faire';
    evidence.push(`${plural(missing.length, 'division')} de STS-web ${missing.length > 1 ? 'manquent' : 'manque'} dans SIECLE : ${some(missing)} : la structure n'a pas été exportée vers SIECLE depuis.`);
  }
  if (structures) {
    const siecleGroups = new Set(c.ds.siecleGroups.map((g) => g.code));
    const missingGroups = c.ds.stsGroups.map((g) => g.code).filter((g) => !siecleGroups.has(g)).sort();
    if (missingGroups.length) {
      status = 'a-faire';
      evidence.push(`${plural(missingGroups.length, 'groupe')} de STS-web ${missingGroups.length > 1 ? 'manquent' : 'manque'} dans Structures.xml : ${some(missingGroups)}.`);
    }
  }
  if (status === 'fait') evidence.push(`Les ${plural(c.ds.stsDivisions.length, 'division')} de STS-web sont dans SIECLE.`);
  return { status, evidence, facts: 1 };
}

function eleves(c: Ctx): Derived {
  const f = c.read('siecle-eleves');
  if (!f) return { status: 'inconnu', evidence: ['Aucun export des élèves SIECLE (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml) lu.'] };
  const current = c.ds.pupils.filter(isCurrentPupil);
  const withDivision = current.filter((p) => p.division).length;
  const year = c.ds.school.schoolYear ?? c.currentYear;
  const start = c.ds.school.schoolYearStart ?? `${year}-09-01`;
  const arrived = current.filter((p) => p.entryDate && p.entryDate > start).length;
  const left = c.ds.pupils.filter((p) => p.left).length;
  const evidence = [
    `SIECLE : ${plural(current.length, 'élève présent', 'élèves présents')}, dont ${nb(withDivision)} dans une division ; ${plural(arrived, 'arrivée')} depuis le ${frDate(start)} ; ${plural(left, 'élève sorti', 'élèves sortis')}.`,
  ];
  if (!c.read('siecle-responsables')) evidence.push('Export des responsables (ResponsablesAvecAdresses.xml) non lu : les responsables ne sont pas vérifiés.');
  else evidence.push(`${plural(c.ds.guardians.length, 'responsable')} dans SIECLE.`);
  if (current.length) return { status: 'fait', evidence };
  return { status: 'a-faire', evidence: [...evidence, "Aucun élève présent : les dossiers de l'année ne sont pas encore dans SIECLE."], facts: evidence.length };
}

function servicesGroupes(c: Ctx): Derived {
  const sts = stsFile(c);
  if (!sts) return { status: 'inconnu', evidence: ['Aucun export STS-web lu : les services et les groupes ne sont pas connus.'] };
  const services = [...c.ds.stsDivisions, ...c.ds.stsGroups].flatMap((s) => s.services);
  const teachers = new Set(services.flatMap((s) => s.teacherIds));
  const evidence = [`STS-web : ${plural(services.length, 'service')}, ${plural(teachers.size, 'enseignant')} avec au moins un service, ${plural(c.ds.stsGroups.length, 'groupe')}.`];
  const current = c.ds.pupils.filter(isCurrentPupil);
  const inGroup = current.filter((p) => p.groups.length).length;
  const pupilsRead = !!c.read('siecle-eleves');
  if (pupilsRead) evidence.push(`SIECLE : ${nb(inGroup)} des ${plural(current.length, 'élève présent', 'élèves présents')} ${inGroup > 1 ? 'sont inscrits' : 'est inscrit'} dans au moins un groupe.`);
  const facts = evidence.length;
  if (!services.length) evidence.push("Aucun service dans l'export STS-web : les services n'ont pas été remontés depuis le logiciel d'emploi du temps.");
  if (pupilsRead && c.ds.stsGroups.length && current.length && !inGroup) {
    evidence.push("Aucun élève n'est dans un groupe dans SIECLE : les liens élèves/groupes n'ont pas été importés depuis EDT.");
  }
  return { status: evidence.length > facts ? 'a-faire' : 'fait', evidence, facts };
}

/** The newest arrival or departure SIECLE records, up to its export (a later date is a planned one). */
function lastSiecleChange(c: Ctx, f: ParsedFile): { date: string; what: string } | undefined {
  const bound = (f.exportDate ?? c.today).slice(0, 10);
  let best: { date: string; what: string } | undefined;
  for (const p of c.ds.pupils) {
    for (const [date, what] of [[p.entryDate, "l'arrivée d'un élève"], [p.leaveDate, "la sortie d'un élève"]] as const) {
      if (date && date <= bound && (!best || date > best.date)) best = { date, what };
    }
  }
  return best;
}

function aaf(c: Ctx): Derived {
  const f = c.read('siecle-eleves');
  if (!f) return { status: 'inconnu', evidence: ['Aucun export des élèves SIECLE lu : Raccord ne connaît pas la dernière modification de SIECLE.'] };
  const change = lastSiecleChange(c, f);
  const recent = (x: Finding) => x.code === 'ent.account-missing' && x.severity === 'info';
  if (!change) {
    return { status: 'inconnu', evidence: ["L'export SIECLE ne donne aucune date d'arrivée ni de sortie : Raccord ne peut pas dater sa dernière modification."], findingFilter: recent, infoCounts: true };
  }
  const days = daysBetween(change.date, c.today);
  const due = new Date(Date.UTC(Number(change.date.slice(0, 4)), Number(change.date.slice(5, 7)) - 1, Number(change.date.slice(8, 10)) + AAF_DELAY_DAYS)).toISOString().slice(0, 10);
  const evidence = [`Dernière modification lue dans SIECLE : ${change.what} le ${frDate(change.date)} (${ageFr(days)}).`];
  // As ent.account-missing counts it: an arrival up to AAF_DELAY_DAYS old is still on its way.
  if (days <= AAF_DELAY_DAYS) {
    evidence.push(`L'AAF met 48 à 72 h : les comptes ENT de ce changement sont attendus d'ici le ${frDate(due)}. Attendre, puis exporter à nouveau les comptes de l'ENT.`);
    return { status: 'a-faire', evidence, findingFilter: recent, infoCounts: true, facts: 1 };
  }
  evidence.push(`${nb(days)} jours depuis : l'AAF (48 à 72 h) a eu le temps de transmettre ce changement à l'ENT.`);
  return { status: 'fait', evidence, findingFilter: recent, infoCounts: true };
}

function comptesEnt(c: Ctx): Derived {
  const f = c.read('ent-accounts');
  const notRecent = (x: Finding) => !(x.code === 'ent.account-missing' && x.severity === 'info');
  if (!f) return { status: 'inconnu', evidence: ["Aucun export des comptes de l'ENT lu (Annuaire > Administration > Fichiers des identifiants)."] };
  const by = { pupil: 0, guardian: 0, teacher: 0, staff: 0, other: 0 };
  for (const a of c.ds.entAccounts) by[a.profile]++;
  const parts = [plural(by.pupil, 'élève'), plural(by.guardian, 'responsable'), plural(by.teacher, 'enseignant'), plural(by.staff, 'personnel')];
  if (by.other) parts.push(plural(by.other, 'autre compte', 'autres comptes'));
  const evidence = [`Export de l'ENT : ${plural(c.ds.entAccounts.length, 'compte')} (${parts.join(', ')}).`];
  const changed = c.ds.entAccounts.filter((a) => a.passwordChanged).length;
  if (changed) evidence.push(`${plural(changed, 'compte')} dont le mot de passe a été changé par son titulaire ({SHA}) : pas de code à distribuer.`);
  return { status: c.ds.entAccounts.length ? 'fait' : 'a-faire', evidence, findingFilter: notRecent };
}

function identifiantsPronote(c: Ctx): Derived {
  const lists = c.ds.files.filter((f) => !f.error && f.kind === 'pronote-ids');
  const ent = c.read('ent-accounts');
  if (!lists.length) return { status: 'inconnu', evidence: ['Aucune liste PRONOTE lue : les identifiants attendus ne sont pas connus.'] };
  if (!ent) return { status: 'inconnu', evidence: ["Aucun export des comptes de l'ENT lu : Raccord ne sait pas quels identifiants l'ENT porte."] };
  const by = { pupil: 0, guardian: 0, teacher: 0, staff: 0 };
  for (const r of c.ds.pronoteRows) by[r.profile]++;
  const parts = [plural(by.pupil, 'élève'), plural(by.guardian, 'responsable'), plural(by.teacher, 'professeur')];
  if (by.staff) parts.push(plural(by.staff, 'personnel'));
  const carrying = c.ds.entAccounts.filter((a) => a.pronoteId).length;
  const evidence = [
    `Listes PRONOTE : ${plural(c.ds.pronoteRows.length, 'fiche')} (${parts.join(', ')}).`,
    `${nb(carrying)} des ${plural(c.ds.entAccounts.length, 'compte ENT', 'comptes ENT')} ${carrying > 1 ? 'portent' : 'porte'} un identifiant PRONOTE.`,
  ];
  let status: StepStatus = 'fait';
  if (c.assignments) {
    const usable = c.assignments.filter((a) => a.pronoteId && (a.decision === 'certain' || a.confirmedByAdmin));
    const toPaste = usable.filter((a) => !a.currentPronoteId).length;
    const toReplace = usable.filter((a) => a.currentPronoteId && a.currentPronoteId !== a.pronoteId).length;
    const pending = c.assignments.filter((a) => !a.confirmedByAdmin && (a.decision === 'ambiguous' || (a.decision === 'probable' && a.pronoteId))).length;
    if (toPaste + toReplace) {
      status = 'a-faire';
      evidence.push(`${plural(toPaste + toReplace, 'identifiant')} à renseigner ou corriger dans l'ENT : ${nb(toPaste)} à coller, ${nb(toReplace)} à remplacer.`);
    }
    if (pending) {
      status = 'a-faire';
      evidence.push(`${plural(pending, 'lien')} à confirmer ou à trancher dans Raccord avant de remplir l'ENT.`);
    }
    if (status === 'fait') evidence.push('Chaque compte relié avec certitude porte déjà le bon identifiant.');
  }
  return { status, evidence, facts: 2 };
}

const DERIVE: Record<StepId, (c: Ctx) => Derived> = {
  bascule,
  nomenclatures,
  'structure-sts': structureSts,
  'structure-siecle': structureSiecle,
  eleves,
  'services-groupes': servicesGroupes,
  aaf,
  'comptes-ent': comptesEnt,
  'identifiants-pronote': identifiantsPronote,
};

function blockersOf(findings: Finding[], codes: string[], filter?: (f: Finding) => boolean): StepBlocker[] {
  const out = new Map<string, StepBlocker>();
  for (const f of findings) {
    if (!codes.includes(f.code) || (filter && !filter(f))) continue;
    const b = out.get(f.code);
    if (!b) out.set(f.code, { code: f.code, title: f.title, severity: f.severity, count: 1 });
    else {
      b.count++;
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[b.severity]) b.severity = f.severity;
    }
  }
  return codes.map((c) => out.get(c)).filter((b): b is StepBlocker => !!b);
}

function statusWith(derived: Derived, blockers: StepBlocker[]): StepStatus {
  if (derived.status === 'inconnu') return 'inconnu';
  let s = derived.status;
  for (const b of blockers) {
    const from: StepStatus = b.severity === 'error' ? 'bloque' : b.severity === 'warning' || derived.infoCounts ? 'a-faire' : 'fait';
    if (GRAVITY[from] > GRAVITY[s]) s = from;
  }
  return s;
}

/** Every step of the rentrée, in the order of seed 003, with the dates the admin must know about. */
export function rentreeStatus(input: RentreeInput): RentreeStatus {
  const { dataset: ds, findings, today } = input;
  const currentYear = schoolYearOf(today);
  const dataYear = ds.school.schoolYear;
  const lastYearData = dataYear !== undefined && dataYear < currentYear;
  const readFiles = new Map<FileKind, ParsedFile>();
  // The file that feeds the dataset for each kind: the newest export of that kind.
  for (const f of ds.files) {
    if (f.error) continue;
    const prev = readFiles.get(f.kind);
    if (!prev || (prev.exportDate ?? '') <= (f.exportDate ?? '')) readFiles.set(f.kind, f);
  }
  const ctx: Ctx = { ds, today, currentYear, read: (k) => readFiles.get(k), ...(input.assignments ? { assignments: input.assignments } : {}) };
  const steps = ORDER.map((id, i): RentreeStep => {
    const derived = DERIVE[id](ctx);
    const blockers = blockersOf(findings, STEP_CODES[id] ?? [], derived.findingFilter);
    let status = statusWith(derived, blockers);
    let evidence = [...derived.evidence];
    let headline = (derived.status === 'a-faire' && derived.facts !== undefined ? derived.evidence[derived.facts] : undefined) ?? derived.evidence[0] ?? '';
    if (lastYearData && id !== 'bascule') {
      status = 'inconnu';
      headline = `Fichiers de l'an dernier (${yearLabel(dataYear!)}) : état inconnu pour ${yearLabel(currentYear)}.`;
      evidence = [
        `Les exports SIECLE et STS-web lus sont de l'année ${yearLabel(dataYear!)} : l'état de cette étape pour ${yearLabel(currentYear)} n'est pas connu. Dans ces fichiers de l'an dernier :`,
        ...evidence,
      ];
    }
    return { id, rank: i + 1, title: STEP_TITLE[id], portal: STEP_PORTAL[id], status, headline, evidence, todo: STEP_TODO[id], blockers };
  });
  const files = fileNotes(ds, today, currentYear);
  const counts: Record<StepStatus, number> = { fait: 0, 'a-faire': 0, bloque: 0, inconnu: 0 };
  for (const s of steps) counts[s.status]++;
  const out: RentreeStatus = {
    today,
    currentSchoolYear: currentYear,
    lastYearData,
    dateWarnings: dateWarnings(files, currentYear, dataYear, today),
    files,
    steps,
    counts,
  };
  if (dataYear !== undefined) out.dataSchoolYear = dataYear;
  return out;
}
