/**
 * PRONOTE identifier lists (formats.md §9.2): a pupils', teachers', staff or guardians' list
 * exported from PRONOTE or copied from it, one row per PRONOTE user, columns found by header.
 *
 * Pasted text: the app hands the clipboard text to `readFile` as UTF-8 bytes under the name
 * {@link PASTE_FILE_NAME} (`readFile(PASTE_FILE_NAME, new TextEncoder().encode(text))`); the
 * delimiter (TAB for a paste from PRONOTE) is sniffed like any file's. No separate entry point.
 */
import { displayName, PRONOTE_PROFILE_FR, type ParseWarning, type PersonName, type PronoteListKind, type PronoteChildRef, type PronoteProfile, type PronoteRow } from '../model/types.js';
import { normalizeHeader } from '../model/names.js';
import { toIsoDate } from '../model/dates.js';
import { RaccordError, type RaccordErrorInfo } from '../util/errors.js';
import type { Table } from '../util/table.js';
import {
  BIRTH_DATE_HEADERS,
  ENT_ONLY_HEADERS,
  FAMILY_HEADERS,
  GIVEN_HEADERS,
  PRONOTE_ID_HEADERS,
  cellAt,
  compactHeader,
  hasAnyHeader,
  keepFirst,
  LabelMemo,
  mappedColumns,
  mappedToOther,
  plural,
  resolveColumns,
  splitList,
  splitUpperName,
  warnRows,
  type Columns,
  type RowRef,
} from './table-columns.js';
import type { ReaderContext, ReaderResult, TableFormatReader, TableHints } from './types.js';

/** The name under which the app reads text pasted from PRONOTE. */
export const PASTE_FILE_NAME = 'presse-papiers.txt';

const CHILDREN_HEADERS = ['Élèves', 'Enfants', 'Élève(s)', 'Enfant(s)', 'Élèves rattachés', 'Enfants rattachés'] as const;

/** The fields of a PRONOTE list; the admin's column mapping (`tableHints.mappings`) uses these names. */
export const PRONOTE_FIELDS = {
  pronoteId: PRONOTE_ID_HEADERS,
  family: FAMILY_HEADERS,
  usage: ["Nom d'usage"],
  given: GIVEN_HEADERS,
  /** `NOM Prénom` in one column. */
  fullName: ['Nom Prénom', 'Nom et prénom', 'Nom et prénoms', 'Nom complet', 'Identité'],
  birthDate: BIRTH_DATE_HEADERS,
  division: ['Classe', 'Division'],
  profile: ['Profil', 'Type', 'Statut', 'Type de ressource'],
  children: CHILDREN_HEADERS,
  ine: ['INE', 'Numéro national', 'N° national', 'Numéro INE', 'Identifiant national'],
  subject: ['Matière', 'Matières', 'Discipline', 'Disciplines'],
} as const satisfies Record<string, readonly string[]>;

export type PronoteField = keyof typeof PRONOTE_FIELDS;

const PROFILE_HINT =
  "Précisez dans Raccord s'il s'agit de la liste des élèves, des professeurs, des personnels ou des responsables, ou ajoutez une colonne « Profil » à la liste.";

/** `Élèves` → pupil, `Enseignant` → teacher, `Responsable légal` → guardian… undefined when unknown. */
export function pronoteProfileOf(raw: string | undefined): PronoteProfile | undefined {
  return profileLabels.get(raw ?? '', () => readProfile(raw ?? ''));
}

const profileLabels = new LabelMemo<PronoteProfile | undefined>();

function readProfile(raw: string): PronoteProfile | undefined {
  const v = normalizeHeader(raw);
  if (!v) return undefined;
  const first = v.split(' ')[0]!;
  if (/^eleves?$/.test(first)) return 'pupil';
  if (/^(professeurs?|profs?|enseignants?|enseignantes?)$/.test(first)) return 'teacher';
  if (/^personnels?$/.test(first)) return v.includes('enseignant') && !v.includes('non enseignant') ? 'teacher' : 'staff';
  if (/^(responsables?|parents?|tuteurs?|tutrices?)$/.test(first)) return 'guardian';
  return undefined;
}

/** Which list the columns show when no row says: children → guardians, class with birth dates or INE → pupils, subject → teachers. */
function columnsProfile(cols: Columns<PronoteField>): PronoteProfile | undefined {
  if (cols.children !== undefined) return 'guardian';
  if ((cols.division !== undefined && cols.birthDate !== undefined) || cols.ine !== undefined) return 'pupil';
  if (cols.subject !== undefined) return 'teacher';
  return undefined;
}

/**
 * The refusal of a list nobody could tell (no profile column, no declaration, neither content nor
 * file name): its rows are kept on the file so that the admin's answer, or the content once the
 * other files are read, can still decide.
 */
export function undecidedListError(file: string, detail = ''): RaccordErrorInfo {
  return {
    code: 'pronote-profile-unknown',
    file,
    position: 'ligne 1',
    message: `Raccord ne sait pas de quelle liste PRONOTE il s'agit dans « ${file} » : pas de colonne « Profil », et ni les colonnes, ni les noms${detail ? ` (${detail})` : ''}, ni le nom du fichier ne le montrent. Liste à indiquer.`,
    hint: PROFILE_HINT,
  };
}

/**
 * PRONOTE exports a list with only the columns the admin displayed, so a list without a profile
 * column is normal; its file name (« pronote_professeurs.txt ») then says which list it is. Only a
 * name that points at exactly one list decides.
 */
const PROFILE_IN_FILE_NAME: readonly [PronoteProfile, RegExp][] = [
  ['pupil', /eleve/],
  ['teacher', /prof(?!il)|enseignant/],
  ['staff', /personnel/],
  ['guardian', /responsable|parent/],
];

export function profileFromFileName(file: string): PronoteProfile | undefined {
  const base = normalizeHeader(file.split(/[\\/]/).pop() ?? file);
  const found = PROFILE_IN_FILE_NAME.filter(([, re]) => re.test(base));
  return found.length === 1 ? found[0]![0] : undefined;
}

const UNDECIDED_PLACEHOLDER: PronoteProfile = 'pupil';

export const FILE_NAME_WARNING = 'pronote-profile-from-file-name';

function fileNameWarning(file: string, profile: PronoteProfile): ParseWarning {
  return {
    code: FILE_NAME_WARNING,
    message: `« ${file} » n'a pas de colonne « Profil » : Raccord la lit comme la liste des ${PRONOTE_PROFILE_FR[profile]}s, d'après le nom du fichier. Si ce n'est pas le cas, indiquez la liste à Raccord.`,
  };
}

function childRef(raw: string): PronoteChildRef {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(raw);
  const namePart = m ? m[1]! : raw;
  const division = m ? m[2]!.trim() || undefined : undefined;
  const { family, given } = splitUpperName(namePart);
  const ref: PronoteChildRef = { family, given, raw };
  if (division) ref.division = division;
  return ref;
}

/** `DUPONT Léa (5A), DUPONT Tom (3B)` → two children. */
export function parseChildren(cell: string | undefined): PronoteChildRef[] {
  return splitList(cell).map(childRef);
}

function rowName(row: readonly string[], cols: Columns<PronoteField>): PersonName {
  const given = cellAt(row, cols.given);
  const family = cellAt(row, cols.family);
  let name: PersonName;
  if (given !== undefined || (family === undefined && cols.fullName === undefined)) {
    name = { family: family ?? '', given: given ?? '' };
  } else {
    name = splitUpperName(cellAt(row, cols.fullName) ?? family ?? '');
  }
  const usage = cols.usage !== cols.family ? cellAt(row, cols.usage) : undefined;
  if (usage && usage !== name.family) name.usage = usage;
  return name;
}

function who(name: PersonName, fallback: string): string {
  return displayName(name) || fallback;
}

export const pronoteIdsReader: TableFormatReader = {
  kind: 'pronote-ids',

  detect(table: Table, hints: TableHints | undefined): number {
    if (mappedColumns(table, hints, 'pronote-ids')) return 1;
    if (mappedToOther(table, hints, 'pronote-ids')) return 0;
    const compact = (table.rows[0] ?? []).map(compactHeader);
    if (hasAnyHeader(compact, ENT_ONLY_HEADERS)) return 0.2;
    const hasName = hasAnyHeader(compact, [...FAMILY_HEADERS, ...PRONOTE_FIELDS.fullName]);
    if (hasAnyHeader(compact, PRONOTE_ID_HEADERS)) return hasName ? 0.95 : 0.8;
    // A PRONOTE list without its ID column: recognised, so that the admin is told to add the column.
    const pronoteSigns = hasAnyHeader(compact, ['Né(e) le', ...CHILDREN_HEADERS]);
    return pronoteSigns && hasName ? 0.55 : 0;
  },

  parse(table: Table, ctx: ReaderContext): ReaderResult {
    const header = table.rows[0] ?? [];
    const mapped = mappedColumns(table, ctx.options.tableHints, 'pronote-ids');
    const cols = resolveColumns(header, PRONOTE_FIELDS, mapped);
    if (cols.pronoteId === undefined) {
      throw new RaccordError({
        code: 'missing-column',
        file: ctx.file,
        position: 'ligne 1',
        message: `La liste PRONOTE « ${ctx.file} » n'a pas de colonne « Identifiant PRONOTE » (en-tête : « ${header.slice(0, 8).join(' ; ')} ») : sans elle, Raccord ne peut rien rapprocher.`,
        hint: "Dans PRONOTE, affichez la colonne de l'identifiant PRONOTE dans la liste, puis exportez-la ou copiez-la à nouveau ; ou indiquez à Raccord quelle colonne contient l'identifiant.",
      });
    }
    const body = table.rows.slice(1);
    // A profile column counts only when its values are profiles (`Statut` may mean something else).
    const profileCol = body.some((r) => pronoteProfileOf(cellAt(r, cols.profile))) ? cols.profile : undefined;
    const declared = ctx.options.tableHints?.pronoteProfile;
    const byColumns = columnsProfile(cols);
    const fileNameProfile = profileCol === undefined ? profileFromFileName(ctx.file) : undefined;
    const fallback = declared ?? byColumns ?? fileNameProfile;
    const list: PronoteListKind =
      profileCol !== undefined ? { decidedBy: 'column' }
      : declared ? { decidedBy: 'admin', profile: declared }
      : byColumns ? { decidedBy: 'columns', profile: byColumns }
      : fileNameProfile ? { decidedBy: 'file-name', profile: fileNameProfile }
      : { decidedBy: 'undecided' };
    if (fileNameProfile) list.fileNameProfile = fileNameProfile;
    if (list.decidedBy === 'file-name') ctx.warn(fileNameWarning(ctx.file, fileNameProfile!));

    const noId: RowRef[] = [];
    const noProfile: RowRef[] = [];
    const rows: PronoteRow[] = [];
    body.forEach((r, k) => {
      const line = table.lines[k + 1]!;
      const name = rowName(r, cols);
      const pronoteId = cellAt(r, cols.pronoteId);
      if (!pronoteId) {
        noId.push({ who: who(name, r.filter(Boolean).join(' ')), line });
        return;
      }
      // An undecided list's rows wait for the content step (see pronote-list-kind.ts) under a
      // placeholder profile; the file is refused until then, so nobody reads that placeholder.
      const profile = pronoteProfileOf(cellAt(r, profileCol)) ?? fallback ?? (list.decidedBy === 'undecided' ? UNDECIDED_PLACEHOLDER : undefined);
      if (!profile) {
        noProfile.push({ who: `${who(name, pronoteId)} (« ${cellAt(r, profileCol) ?? ''} »)`, line });
        return;
      }
      const row: PronoteRow = {
        pronoteId,
        profile,
        name,
        children: parseChildren(cellAt(r, cols.children)),
        provenance: { file: ctx.file, position: line },
      };
      const birthDate = toIsoDate(cellAt(r, cols.birthDate));
      if (birthDate) row.birthDate = birthDate;
      const division = cellAt(r, cols.division);
      if (division) row.division = division;
      const ine = cellAt(r, cols.ine);
      if (ine) row.ine = ine;
      rows.push(row);
    });

    warnRows(ctx, 'pronote-id-missing', noId, (n, list) =>
      `${plural(n, 'ligne')} de « ${ctx.file} » sans identifiant PRONOTE ${n > 1 ? 'ont été laissées' : 'a été laissée'} de côté : ${list}. Vérifiez dans PRONOTE que ces personnes ont bien un identifiant, puis exportez la liste à nouveau.`);
    warnRows(ctx, 'pronote-profile-unknown', noProfile, (n, list) =>
      `${plural(n, 'ligne')} de « ${ctx.file} » avec un profil inconnu ${n > 1 ? 'ont été laissées' : 'a été laissée'} de côté : ${list}. Les profils reconnus sont élève, professeur, personnel et responsable.`);

    const kept = keepFirst(rows, (r) => r.pronoteId, (again, first) => {
      ctx.warn({
        code: 'pronote-id-duplicate',
        position: again.provenance.position,
        message: `L'identifiant PRONOTE ${again.pronoteId} apparaît deux fois dans « ${ctx.file} » : ${who(first.name, '?')} (ligne ${first.provenance.position}) et ${who(again.name, '?')} (ligne ${again.provenance.position}). Seule la première ligne est gardée ; vérifiez la fiche dans PRONOTE.`,
      });
    });

    return { layout: mapped ? 'admin-mapping' : 'pronote-list', pronoteList: list, data: { pronoteRows: kept } };
  },
};
