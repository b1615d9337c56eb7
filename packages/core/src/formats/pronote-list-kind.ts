/**
 * The step after every file is read: a PRONOTE list that no profile column, declaration or column
 * told apart is told by its names — the share of them found among SIECLE pupils, SIECLE
 * guardians, STS-web teachers and STS-web other staff. Content comes before the file name; only
 * when neither decides is the list « à indiquer ». Pure: the CLI and the app both call it.
 */
import { normalizeName } from '../model/names.js';
import { PRONOTE_PROFILE_FR, type ParsedFile, type PersonName, type PronoteListKind, type PronoteProfile } from '../model/types.js';
import { FILE_NAME_WARNING, undecidedListError } from './pronote-ids.js';

/** A kind decides when at least this share of the rows is found among its people… */
export const CONTENT_MAJORITY = 0.8;
/** …and no other kind holds more than this share (a teacher who is also a parent is fine). */
export const CONTENT_RUNNER_UP_MAX = 0.2;

const PROFILES: readonly PronoteProfile[] = ['pupil', 'guardian', 'teacher', 'staff'];

/** « des professeurs de STS-web » — where the names were found, for the warning. */
const FOUND_AMONG: Record<PronoteProfile, string> = {
  pupil: 'des élèves de SIECLE',
  guardian: 'des responsables de SIECLE',
  teacher: 'des professeurs de STS-web',
  staff: 'des personnels (non enseignants) de STS-web',
};

/** Family (or usage) name × given name (or its first word): tolerant to a compound given name. */
export function nameKeys(n: PersonName): string[] {
  const families = [n.family, n.usage].map(normalizeName).filter(Boolean);
  const given = normalizeName(n.given);
  if (!families.length || !given) return [];
  const givens = [given, given.split(' ')[0]!];
  const keys: string[] = [];
  for (const f of families) for (const g of givens) keys.push(`${f}|${g}`);
  return keys;
}

export type NameSets = Record<PronoteProfile, Set<string>>;

export function referenceNames(files: ParsedFile[]): NameSets {
  const sets: NameSets = { pupil: new Set(), guardian: new Set(), teacher: new Set(), staff: new Set() };
  const add = (set: Set<string>, n: PersonName) => {
    for (const k of nameKeys(n)) set.add(k);
  };
  for (const f of files) {
    if (f.error) continue;
    for (const p of f.data.pupils ?? []) add(sets.pupil, p.name);
    for (const g of f.data.guardians ?? []) add(sets.guardian, g.name);
    for (const s of f.data.staff ?? []) add(s.teacher ? sets.teacher : sets.staff, s.name);
  }
  return sets;
}

/** A PRONOTE list that only its names (or nothing but its file name) can tell: the content step has work. */
export function needsContent(f: ParsedFile): boolean {
  return f.kind === 'pronote-ids' && (f.pronoteList?.decidedBy === 'undecided' || f.pronoteList?.decidedBy === 'file-name');
}

/** What the names of a list say: the figures per kind, and the kind when one clearly wins. */
export function contentProfile(f: ParsedFile, sets: NameSets): { content: NonNullable<PronoteListKind['content']>; profile?: PronoteProfile } {
  const found: Record<PronoteProfile, number> = { pupil: 0, guardian: 0, teacher: 0, staff: 0 };
  let rows = 0;
  for (const r of f.data.pronoteRows ?? []) {
    const keys = nameKeys(r.name);
    if (!keys.length) continue;
    rows++;
    for (const p of PROFILES) if (keys.some((k) => sets[p].has(k))) found[p]++;
  }
  const ranked = [...PROFILES].sort((a, b) => found[b] - found[a]);
  const [best, second] = [ranked[0]!, ranked[1]!];
  const clear = rows > 0 && found[best] >= CONTENT_MAJORITY * rows && found[second] <= CONTENT_RUNNER_UP_MAX * rows;
  return clear ? { content: { rows, found }, profile: best } : { content: { rows, found } };
}

/** The same, for one person: « celui d'un professeur de STS-web ». */
const FOUND_ONE: Record<PronoteProfile, string> = {
  pupil: "celui d'un élève de SIECLE",
  guardian: "celui d'un responsable de SIECLE",
  teacher: "celui d'un professeur de STS-web",
  staff: "celui d'un personnel (non enseignant) de STS-web",
};

/** « 104 des 108 noms sont des professeurs de STS-web » (« 1 des 3 noms est celui d'un… »). */
export function contentFigure(content: NonNullable<PronoteListKind['content']>, profile: PronoteProfile): string {
  const n = content.found[profile];
  if (n > 1) return `${n} des ${content.rows} noms sont ${FOUND_AMONG[profile]}`;
  return content.rows === 1 ? `son seul nom est ${FOUND_ONE[profile]}` : `${n} des ${content.rows} noms est ${FOUND_ONE[profile]}`;
}

/** The kind the content leans to, even short of a clear majority (for the CLI's suggestion). */
export function likeliestProfile(list: PronoteListKind | undefined): PronoteProfile | undefined {
  const c = list?.content;
  if (!c) return undefined;
  const best = [...PROFILES].sort((a, b) => c.found[b] - c.found[a])[0]!;
  return c.found[best] > 0 ? best : undefined;
}

/**
 * Returns the files with every PRONOTE list the content tells apart decided (new objects for
 * those; the others as given). `reference`: files read earlier (the app's stored exports) whose
 * people count too.
 */
export function decidePronoteLists(files: ParsedFile[], reference: ParsedFile[] = []): ParsedFile[] {
  if (!files.some(needsContent)) return files;
  const sets = referenceNames([...reference, ...files]);
  return files.map((f) => (needsContent(f) ? decideOne(f, sets) : f));
}

function decideOne(f: ParsedFile, sets: NameSets): ParsedFile {
  const before = f.pronoteList!;
  const { content, profile } = contentProfile(f, sets);
  const list: PronoteListKind = { ...before, content };
  if (!profile) {
    if (before.decidedBy === 'file-name') return { ...f, pronoteList: list };
    const best = likeliestProfile(list);
    const detail = best ? contentFigure(content, best) : content.rows ? 'aucun trouvé dans SIECLE ni STS-web' : '';
    return { ...f, pronoteList: list, error: undecidedListError(f.path, detail) };
  }
  list.decidedBy = 'content';
  list.profile = profile;
  const disagrees = before.fileNameProfile && before.fileNameProfile !== profile
    ? ` (le nom du fichier évoque plutôt les ${PRONOTE_PROFILE_FR[before.fileNameProfile]}s)`
    : '';
  const warnings = f.warnings.filter((w) => w.code !== FILE_NAME_WARNING);
  warnings.push({
    code: 'pronote-profile-from-content',
    message: `« ${f.path} » n'a pas de colonne « Profil » : ${contentFigure(content, profile)}, lue comme la liste des ${PRONOTE_PROFILE_FR[profile]}s${disagrees}. Si ce n'est pas le cas, indiquez la liste à Raccord.`,
  });
  const pronoteRows = (f.data.pronoteRows ?? []).map((r) => ({ ...r, profile }));
  return { ...f, pronoteList: list, warnings, error: null, data: { ...f.data, pronoteRows } };
}

/**
 * The admin's word on a list already read: the CLI's `--liste` for an entry of a zip, which it
 * cannot name before the archive is opened. It ranks as the declaration does when given before
 * reading: under a profile column, above the columns, the names and the file name.
 */
export function declarePronoteList(f: ParsedFile, profile: PronoteProfile): ParsedFile {
  const before = f.pronoteList;
  if (f.kind !== 'pronote-ids' || !before || before.decidedBy === 'column') return f;
  const list: PronoteListKind = { decidedBy: 'admin', profile };
  if (before.fileNameProfile) list.fileNameProfile = before.fileNameProfile;
  const undecided = f.error?.code === 'pronote-profile-unknown';
  if (f.error && !undecided) return f;
  const pronoteRows = (f.data.pronoteRows ?? []).map((r) => ({ ...r, profile }));
  const warnings = f.warnings.filter((w) => w.code !== FILE_NAME_WARNING);
  return { ...f, pronoteList: list, warnings, error: null, data: { ...f.data, pronoteRows } };
}
