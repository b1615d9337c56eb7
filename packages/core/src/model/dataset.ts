/**
 * A school's dataset: every parsed file of ONE school and ONE school year, merged. Files of
 * another school or year are refused here (the error is set on the file, the rest goes on).
 */
import type {
  EntAccount,
  GuardianLink,
  Mef,
  ParsedFile,
  PronoteRow,
  SchoolInfo,
  SiecleDivision,
  SiecleGroup,
  SieclePupil,
  SiecleGuardian,
  StsDivision,
  StsGroup,
  StsPerson,
  Subject,
} from './types.js';

export interface SchoolDataset {
  school: SchoolInfo & { schoolYear?: number };
  /** Every input file, refused ones included (with their error). */
  files: ParsedFile[];
  pupils: SieclePupil[];
  guardians: SiecleGuardian[];
  guardianLinks: GuardianLink[];
  siecleDivisions: SiecleDivision[];
  siecleGroups: SiecleGroup[];
  subjects: Subject[];
  mefs: Mef[];
  staff: StsPerson[];
  stsDivisions: StsDivision[];
  stsGroups: StsGroup[];
  pronoteRows: PronoteRow[];
  entAccounts: EntAccount[];
  /** Export date per source kind (the newest file of that kind), ISO. */
  exportDates: Partial<Record<ParsedFile['kind'], string>>;
  /** What the admin says the files cannot: see DatasetSettings. */
  settings?: DatasetSettings;
}

/** The admin's settings for one school (the CLI's options, the app's settings). */
export interface DatasetSettings {
  /**
   * The ENT creates accounts for « personnes en charge » (NIVEAU_RESPONSABILITE 2: Open ENT NG's
   * `import-person-in-charge`). Unset: inferred from the ENT export (model/guardians.ts).
   */
  personInChargeAccounts?: boolean;
}

export interface AssembleOptions {
  /** The school the admin works on; by default the UAI of the SIECLE/STS files. */
  uai?: string;
  /** The school year (start year); by default the one most SIECLE/STS files carry. */
  schoolYear?: number;
  /** See DatasetSettings.personInChargeAccounts. */
  personInChargeAccounts?: boolean;
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

/** The school and year of a set of files: given, else the authoritative files' (SIECLE, STS), else any. */
export function referenceSchool(files: ParsedFile[], opts: AssembleOptions = {}): { uai?: string; schoolYear?: number } {
  const ok = files.filter((f) => !f.error);
  const authoritative = ok.filter((f) => f.kind.startsWith('siecle') || f.kind === 'sts-emp');
  const pool = authoritative.length ? authoritative : ok;
  return {
    uai: opts.uai ?? mostCommon(pool.map((f) => f.uai).filter((u): u is string => !!u)),
    schoolYear: opts.schoolYear ?? mostCommon(pool.map((f) => f.schoolYear).filter((y): y is number => y !== undefined)),
  };
}

/**
 * Marks files of another school or year as refused (error set, data emptied), in place of a
 * silent mix. Returns the same array for chaining.
 */
export function refuseForeignFiles(files: ParsedFile[], opts: AssembleOptions = {}): ParsedFile[] {
  const ref = referenceSchool(files, opts);
  for (const f of files) {
    if (f.error) continue;
    if (ref.uai && f.uai && f.uai.toUpperCase() !== ref.uai.toUpperCase()) {
      f.error = {
        code: 'wrong-school',
        file: f.path,
        message: `Le fichier « ${f.path} » concerne l'établissement ${f.uai}, pas ${ref.uai} comme les autres fichiers.`,
        hint: `Exportez ce fichier depuis le portail en étant connecté sur l'établissement ${ref.uai}, ou retirez-le de l'import.`,
      };
      f.data = {};
    } else if (ref.schoolYear !== undefined && f.schoolYear !== undefined && f.schoolYear !== ref.schoolYear) {
      const y = (n: number) => `${n}-${n + 1}`;
      f.error = {
        code: opts.schoolYear !== undefined ? 'wrong-year' : 'mixed-year',
        file: f.path,
        message: `Le fichier « ${f.path} » est de l'année scolaire ${y(f.schoolYear)}, alors que ${opts.schoolYear !== undefined ? "l'année en cours dans Raccord" : 'les autres fichiers'} ${opts.schoolYear !== undefined ? 'est' : 'sont de'} ${y(ref.schoolYear)}.`,
        hint:
          "Après la bascule d'année dans SIECLE ou STS-web, exportez à nouveau tous les fichiers pour la même année scolaire.",
      };
      f.data = {};
    }
  }
  return files;
}

/** A dataset with no record yet. */
export function emptyDataset(school: SchoolDataset['school'], files: ParsedFile[] = []): SchoolDataset {
  return {
    school,
    files,
    pupils: [],
    guardians: [],
    guardianLinks: [],
    siecleDivisions: [],
    siecleGroups: [],
    subjects: [],
    mefs: [],
    staff: [],
    stsDivisions: [],
    stsGroups: [],
    pronoteRows: [],
    entAccounts: [],
    exportDates: {},
  };
}

/** SIECLE and STS exports describe the whole school: one file of each kind is kept, the newest. */
const ONE_PER_KIND = new Set<ParsedFile['kind']>([
  'siecle-eleves', 'siecle-responsables', 'siecle-nomenclature', 'siecle-structures', 'siecle-communs', 'sts-emp',
]);

/**
 * The files that feed the dataset: the same content given twice (a zip and its XML) counts once,
 * and for whole-school exports the newest of each kind wins. The others get a warning saying why.
 */
export function selectFiles(files: ParsedFile[]): ParsedFile[] {
  const byFingerprint = new Map<string, ParsedFile>();
  const newestOfKind = new Map<ParsedFile['kind'], ParsedFile>();
  const used: ParsedFile[] = [];
  for (const f of files) {
    if (f.error) continue;
    const twin = f.fingerprint ? byFingerprint.get(f.fingerprint) : undefined;
    if (twin) {
      f.warnings.push({ code: 'file.duplicate', message: `« ${f.path} » a le même contenu que « ${twin.path} » : il n'est lu qu'une fois.` });
      continue;
    }
    if (f.fingerprint) byFingerprint.set(f.fingerprint, f);
    if (ONE_PER_KIND.has(f.kind)) {
      const prev = newestOfKind.get(f.kind);
      if (prev && (prev.exportDate ?? '') > (f.exportDate ?? '')) {
        f.warnings.push({ code: 'file.superseded', message: `« ${f.path} » est plus ancien que « ${prev.path} » (même type d'export) : seul le plus récent est utilisé.` });
        continue;
      }
      if (prev) {
        prev.warnings.push({ code: 'file.superseded', message: `« ${prev.path} » est remplacé par « ${f.path} », plus récent ou donné après (même type d'export).` });
        used.splice(used.indexOf(prev), 1);
      }
      newestOfKind.set(f.kind, f);
    }
    used.push(f);
  }
  return used;
}

/** Merges the accepted files into one dataset (files of another school/year are refused first). */
export function assembleDataset(files: ParsedFile[], opts: AssembleOptions = {}): SchoolDataset {
  refuseForeignFiles(files, opts);
  const used = new Set(selectFiles(files));
  const ref = referenceSchool(files, opts);
  const ds = emptyDataset({ uai: ref.uai ?? '', schoolYear: ref.schoolYear }, files);
  if (opts.personInChargeAccounts !== undefined) ds.settings = { personInChargeAccounts: opts.personInChargeAccounts };
  const seenSubjects = new Set<string>();
  const seenMefs = new Set<string>();
  for (const f of files) {
    if (!used.has(f)) continue;
    const d = f.data;
    if (d.pupils) ds.pupils.push(...d.pupils);
    if (d.guardians) ds.guardians.push(...d.guardians);
    if (d.guardianLinks) ds.guardianLinks.push(...d.guardianLinks);
    if (d.siecleDivisions) ds.siecleDivisions.push(...d.siecleDivisions);
    if (d.siecleGroups) ds.siecleGroups.push(...d.siecleGroups);
    for (const s of d.subjects ?? []) if (!seenSubjects.has(s.code)) (seenSubjects.add(s.code), ds.subjects.push(s));
    for (const m of d.mefs ?? []) if (!seenMefs.has(m.code)) (seenMefs.add(m.code), ds.mefs.push(m));
    if (d.staff) ds.staff.push(...d.staff);
    if (d.stsDivisions) ds.stsDivisions.push(...d.stsDivisions);
    if (d.stsGroups) ds.stsGroups.push(...d.stsGroups);
    if (d.pronoteRows) ds.pronoteRows.push(...d.pronoteRows);
    if (d.entAccounts) ds.entAccounts.push(...d.entAccounts);
    if (d.school) ds.school = { ...ds.school, ...d.school, uai: ds.school.uai || d.school.uai };
    if (f.exportDate) {
      const prev = ds.exportDates[f.kind];
      if (!prev || prev < f.exportDate) ds.exportDates[f.kind] = f.exportDate;
    }
  }
  return ds;
}
