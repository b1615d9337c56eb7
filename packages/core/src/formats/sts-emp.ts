/**
 * STS-web "Emploi du temps" export, `sts_emp_{UAI}_{ANNEE}.xml`, root `STS_EDT` (formats.md §2):
 * subjects and MEFs, the staff (INDIVIDUS, SUPPLEANTS), divisions and groups with their services.
 *
 * Values are kept as trimmed strings (division codes may look numeric or hold inner spaces).
 * Recoverable oddities become warnings naming the record; only a vendor-made file is refused.
 */
import type { Mef, SchoolInfo, Sex, StsDivision, StsGroup, StsPerson, StsService, Subject } from '../model/types.js';
import { displayName } from '../model/types.js';
import { toIsoDate, toIsoDateTime } from '../model/dates.js';
import { RaccordError } from '../util/errors.js';
import { asArray, child, text, type XmlNode } from '../util/xml.js';
import type { ReaderContext, ReaderResult, XmlFormatReader } from './types.js';
import { warnMalformedUai, warnStsNameMismatch } from './uai.js';

const STS_EXPORT_HINT =
  'Dans STS-web : Mise à jour > Exports > Emploi du temps, puis importez le fichier sts_emp_RNE_ANNEE.xml obtenu, tel quel.';

/** SEXE 1/2; CIVILITE 1 = M., 2 = Mme, 3 = Mlle (used for the sex only when SEXE is empty). */
const SEX_CODES: Record<string, Sex> = { '1': 'M', '2': 'F' };
const CIVILITY_LABELS: Record<string, string> = { '1': 'M.', '2': 'Mme', '3': 'Mlle' };
const CIVILITY_SEX: Record<string, Sex> = { '1': 'M', '2': 'F', '3': 'F' };

/** The children of `node/container`, always as an array (`DISCIPLINES/DISCIPLINE` …). */
function list(node: XmlNode | undefined, container: string, item: string): XmlNode[] {
  return asArray<XmlNode>(child(node, container)[item]);
}

/** `@CODE` of every `container/item` that has one. */
function codes(node: XmlNode, container: string, item: string): string[] {
  const out: string[] = [];
  for (const n of list(node, container, item)) {
    const code = text(n, '@CODE');
    if (code !== undefined) out.push(code);
  }
  return out;
}

function readSubjects(nomenclatures: XmlNode): Subject[] {
  return list(nomenclatures, 'MATIERES', 'MATIERE').flatMap((m): Subject[] => {
    const code = text(m, '@CODE');
    if (code === undefined) return [];
    return [{
      code,
      shortCode: text(m, 'CODE_GESTION'),
      shortLabel: text(m, 'LIBELLE_COURT'),
      longLabel: text(m, 'LIBELLE_LONG') ?? text(m, 'LIBELLE_EDITION'),
    }];
  });
}

function readMefs(nomenclatures: XmlNode): Mef[] {
  return list(nomenclatures, 'MEFS', 'MEF').flatMap((m): Mef[] => {
    const code = text(m, '@CODE');
    if (code === undefined) return [];
    return [{ code, formation: text(m, 'FORMATION'), longLabel: text(m, 'LIBELLE_LONG') ?? text(m, 'LIBELLE_EDITION') }];
  });
}

/** One INDIVIDU or SUPPLEANT; `teacher` is settled once the services are known. */
function readPerson(n: XmlNode, id: string, defaultType: string, position: number, file: string): StsPerson {
  const usage = text(n, 'NOM_USAGE');
  const family = text(n, 'NOM_PATRONYMIQUE') ?? usage ?? '';
  const civilityCode = text(n, 'CIVILITE');
  const sexCode = text(n, 'SEXE');
  const person: StsPerson = {
    id,
    type: text(n, '@TYPE') ?? defaultType,
    name: { family, given: text(n, 'PRENOM') ?? '' },
    teacher: false,
    principalOf: [],
    disciplines: [],
    provenance: { file, position },
  };
  if (usage !== undefined && usage !== family) person.name.usage = usage;
  const sex = (sexCode && SEX_CODES[sexCode]) || (civilityCode && CIVILITY_SEX[civilityCode]) || undefined;
  if (sex) person.sex = sex;
  if (civilityCode) person.civility = CIVILITY_LABELS[civilityCode] ?? civilityCode;
  const birthDate = toIsoDate(text(n, 'DATE_NAISSANCE'));
  if (birthDate) person.birthDate = birthDate;
  const grade = text(n, 'GRADE');
  if (grade) person.grade = grade;
  const fn = text(n, 'FONCTION');
  if (fn) person.function = fn.toUpperCase();
  for (const pp of list(n, 'PROFS_PRINC', 'PROF_PRINC')) {
    const division = text(pp, 'CODE_STRUCTURE');
    if (division === undefined) continue;
    const until = toIsoDate(text(pp, 'DATE_FIN'));
    person.principalOf.push(until ? { division, until } : { division });
  }
  for (const d of list(n, 'DISCIPLINES', 'DISCIPLINE')) {
    const code = text(d, '@CODE');
    if (code === undefined) continue;
    const disc: StsPerson['disciplines'][number] = { code };
    const label = text(d, 'LIBELLE_COURT');
    if (label) disc.label = label;
    const hours = text(d, 'NB_HEURES');
    if (hours) disc.hours = hours;
    person.disciplines.push(disc);
  }
  return person;
}

function personLabel(p: StsPerson): string {
  const name = displayName(p.name);
  return name ? `« ${name} » (ID ${p.id})` : `ID ${p.id}`;
}

/** Where an ENSEIGNANT ID is used: the first place, and how many places in all. */
interface Reference {
  first: string;
  count: number;
}

/** Reads the services of a division or group, recording every ENSEIGNANT ID it references. */
function readServices(node: XmlNode, where: string, refs: Map<string, Reference>): StsService[] {
  return list(node, 'SERVICES', 'SERVICE').map((s) => {
    const subjectCode = text(s, '@CODE_MATIERE') ?? '';
    const service: StsService = { subjectCode, teacherIds: [] };
    const modality = text(s, '@CODE_MOD_COURS');
    if (modality) service.modality = modality;
    for (const e of list(s, 'ENSEIGNANTS', 'ENSEIGNANT')) {
      const id = text(e, '@ID');
      if (id === undefined) continue;
      service.teacherIds.push(id);
      const ref = refs.get(id);
      if (ref) ref.count++;
      else refs.set(id, { first: `le service ${subjectCode || '(sans matière)'} ${where}`, count: 1 });
    }
    return service;
  });
}

/** Reads DIVISIONS/DIVISION or GROUPES/GROUPE, keeping the first of two records with one code. */
function readStructures<T extends { code: string }>(
  structure: XmlNode,
  container: string,
  item: string,
  what: string,
  ctx: ReaderContext,
  build: (n: XmlNode, code: string) => T,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  list(structure, container, item).forEach((n, i) => {
    const code = text(n, '@CODE');
    if (code === undefined) {
      ctx.warn({ code: 'sts.structure-without-code', position: i + 1, message: `${item} n° ${i + 1} (${what} sans attribut CODE) : enregistrement ignoré.` });
      return;
    }
    if (seen.has(code)) {
      ctx.warn({
        code: 'sts.duplicate-structure',
        position: i + 1,
        message: `${item} n° ${i + 1} : le code de ${what} « ${code} » apparaît deux fois ; seul le premier enregistrement est gardé. Vérifiez la structure dans STS-web.`,
      });
      return;
    }
    seen.add(code);
    out.push(build(n, code));
  });
  return out;
}

/** `{ label }` from LIBELLE_LONG, or nothing when it is empty (it may be). */
function labelOf(n: XmlNode): { label?: string } {
  const label = text(n, 'LIBELLE_LONG');
  return label ? { label } : {};
}

interface Parameters {
  uai?: string;
  schoolYear?: number;
  exportDate?: string;
  school?: SchoolInfo;
}

/** PARAMETRES: the school and year, the export date; a vendor-made file is refused here. */
function readParameters(params: XmlNode, ctx: ReaderContext): Parameters {
  const vendor = text(params, 'APPLICATION_SOURCE');
  if (vendor) {
    throw new RaccordError({
      code: 'wrong-portal',
      file: ctx.file,
      message: `« ${ctx.file} » a été produit par un logiciel privé d'emploi du temps (« ${vendor} », indiqué dans PARAMETRES/APPLICATION_SOURCE), pas par STS-web : ses services et ses personnels ne sont pas ceux de STS-web.`,
      hint: STS_EXPORT_HINT,
    });
  }
  const out: Parameters = {};
  const uaj = child(params, 'UAJ');
  const uai = text(uaj, '@CODE')?.toUpperCase();
  if (uai) out.uai = uai;
  else ctx.warn({ code: 'sts.missing-uai', message: `« ${ctx.file} » n'indique pas l'établissement (PARAMETRES/UAJ@CODE vide) : Raccord ne pourra pas vérifier qu'il s'agit du bon établissement.` });
  const year = child(params, 'ANNEE_SCOLAIRE');
  const yearText = text(year, '@ANNEE');
  if (yearText && /^\d{4}$/.test(yearText)) out.schoolYear = Number(yearText);
  else ctx.warn({ code: 'sts.missing-year', message: `« ${ctx.file} » n'indique pas d'année scolaire lisible (PARAMETRES/ANNEE_SCOLAIRE@ANNEE = « ${yearText ?? ''} »).` });
  if (uai) warnMalformedUai(uai, 'PARAMETRES/UAJ@CODE', ctx);
  warnStsNameMismatch(uai, out.schoolYear, ctx);
  const start = toIsoDate(text(year, 'DATE_DEBUT'));
  const end = toIsoDate(text(year, 'DATE_FIN'));
  const stamp = toIsoDateTime(text(params, 'HORODATAGE'));
  const exportDate = stamp ?? start;
  if (exportDate) out.exportDate = exportDate;
  if (uai) {
    const name = [text(uaj, 'DENOM_PRINC'), text(uaj, 'DENOM_COMPL')].filter(Boolean).join(' ');
    out.school = { uai };
    if (name) out.school.name = name;
    if (start) out.school.schoolYearStart = start;
    if (end) out.school.schoolYearEnd = end;
  }
  return out;
}

function parse(doc: XmlNode, _root: string, ctx: ReaderContext): ReaderResult {
  const { school, ...head } = readParameters(child(doc, 'PARAMETRES'), ctx);
  const nomenclatures = child(doc, 'NOMENCLATURES');
  const donnees = child(doc, 'DONNEES');

  // People, by ID. A second record with a known ID is reported and left out.
  const staff: StsPerson[] = [];
  const byId = new Map<string, StsPerson>();
  const addPeople = (item: 'INDIVIDU' | 'SUPPLEANT', nodes: XmlNode[], defaultType: string) => {
    nodes.forEach((n, i) => {
      const position = i + 1;
      const id = text(n, '@ID');
      if (id === undefined) {
        ctx.warn({ code: 'sts.person-without-id', position, message: `${item} n° ${position} (${text(n, 'NOM_USAGE') ?? '?'} ${text(n, 'PRENOM') ?? ''}) n'a pas d'attribut ID : il est ignoré.` });
        return;
      }
      const person = readPerson(n, id, defaultType, position, ctx.file);
      if (item === 'SUPPLEANT') person.substitute = true;
      const first = byId.get(id);
      if (first) {
        ctx.warn({
          code: 'sts.duplicate-person',
          position,
          message: `${item} n° ${position} ${personLabel(person)} : l'ID ${id} est déjà celui de ${personLabel(first)} ; seule la première fiche est gardée.`,
        });
        return;
      }
      if (!person.name.family && !person.name.given) {
        ctx.warn({ code: 'sts.person-without-name', position, message: `${item} n° ${position} (ID ${id}) n'a ni nom ni prénom.` });
      }
      byId.set(id, person);
      staff.push(person);
    });
  };
  addPeople('INDIVIDU', list(donnees, 'INDIVIDUS', 'INDIVIDU'), 'epp');
  addPeople('SUPPLEANT', list(donnees, 'SUPPLEANTS', 'SUPPLEANT'), 'eppsup');

  // Structure, recording which IDs the services reference.
  const refs = new Map<string, Reference>();
  const structure = child(donnees, 'STRUCTURE');
  const stsDivisions = readStructures(structure, 'DIVISIONS', 'DIVISION', 'division', ctx, (n, code): StsDivision => ({
    code,
    ...labelOf(n),
    mefs: codes(n, 'MEFS_APPARTENANCE', 'MEF_APPARTENANCE'),
    services: readServices(n, `de la division « ${code} »`, refs),
  }));
  const stsGroups = readStructures(structure, 'GROUPES', 'GROUPE', 'groupe', ctx, (n, code): StsGroup => ({
    code,
    ...labelOf(n),
    divisions: codes(n, 'DIVISIONS_APPARTENANCE', 'DIVISION_APPARTENANCE'),
    mefs: codes(n, 'MEFS_APPARTENANCE', 'MEF_APPARTENANCE'),
    services: readServices(n, `du groupe « ${code} »`, refs),
  }));

  for (const p of staff) {
    const referenced = refs.has(p.id);
    if (p.function === 'ENS' || (!p.function && (p.type === 'local' || referenced))) p.teacher = true;
    if (!p.function && p.type !== 'local' && referenced) {
      ctx.warn({
        code: 'sts.teacher-without-function',
        position: p.provenance.position,
        message: `${personLabel(p)} n'a pas de FONCTION mais figure dans ${refs.get(p.id)!.first} : en congé ? présent dans des services sans fonction. Raccord le compte comme enseignant.`,
      });
    }
  }
  for (const [id, ref] of refs) {
    if (byId.has(id)) continue;
    const more = ref.count > 1 ? ` (et ${ref.count - 1} autre${ref.count > 2 ? 's' : ''} service${ref.count > 2 ? 's' : ''})` : '';
    ctx.warn({
      code: 'sts.unknown-teacher',
      message: `L'ENSEIGNANT d'ID ${id} cité dans ${ref.first}${more} ne correspond à aucun INDIVIDU ni SUPPLEANT du fichier : il reste dans le service, sans personnel associé. Personnel parti ou en congé ? Vérifiez ce service dans STS-web.`,
    });
  }

  const data: ReaderResult['data'] = {
    subjects: readSubjects(nomenclatures),
    mefs: readMefs(nomenclatures),
    staff,
    stsDivisions,
    stsGroups,
  };
  if (school) data.school = school;
  return { ...head, data };
}

export const stsEmpReader: XmlFormatReader = {
  kind: 'sts-emp',
  roots: ['STS_EDT'],
  arrayTags: [
    'MATIERE', 'MEF', 'INDIVIDU', 'SUPPLEANT', 'PROF_PRINC', 'DISCIPLINE', 'DIVISION', 'GROUPE',
    'MEF_APPARTENANCE', 'DIVISION_APPARTENANCE', 'SERVICE', 'ENSEIGNANT',
  ],
  parse,
};
