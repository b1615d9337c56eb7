/**
 * ENT account lists (formats.md §5, §9.3): the known layouts (13-field `ENT-Identifiants`, the
 * Open ENT NG exports, Kosmos, the restricted "type 2" export) and, for any other ENT, columns
 * found by header name. The layout is recognised from the header row, never the file name.
 */
import type { EntAccount, EntChildRef, EntProfile, PersonName } from '../model/types.js';
import { displayName } from '../model/types.js';
import { toIsoDate } from '../model/dates.js';
import { RaccordError } from '../util/errors.js';
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
  warnRows,
  type Columns,
  type RowRef,
} from './table-columns.js';
import type { ReaderContext, ReaderResult, TableFormatReader, TableHints } from './types.js';

/** The fields of an ENT list; the admin's column mapping (`tableHints.mappings`) uses these names. */
export const ENT_FIELDS = {
  login: ['Login', 'Identifiant', 'Identifiant ENT', 'UID', 'Identifiant de connexion', 'Login ENT'],
  uid: ['UID', 'Identifiant ENT', 'Id', 'externalId', 'Id ENT'],
  profile: ['Profil', 'Type', 'Profile', 'Catégorie'],
  family: FAMILY_HEADERS,
  given: GIVEN_HEADERS,
  division: ['Classe', 'Classe(s)', 'Classes', 'Division'],
  password: ['Mot de passe', 'Mot de passe initial', 'Password', 'MDP'],
  activationCode: ["Code d'activation", 'Code activation', 'Activation code', 'Code'],
  joinKey: ['Clé de jointure', 'Id Siecle', 'id sconet', 'Identifiant SIECLE', 'attachmentId', 'ENTPersonJointure'],
  guardian1: ['UID Père', 'UID Responsable 1'],
  guardian2: ['UID Mère', 'UID Responsable 2'],
  guardian3: ['UID Tuteur1'],
  guardian4: ['UID Tuteur2'],
  pronoteId: PRONOTE_ID_HEADERS,
  birthDate: BIRTH_DATE_HEADERS,
  uai: ['RNE', 'UAI', 'Etablissement', 'Code établissement'],
  functions: ['Fonction(s)', 'Fonctions', 'Fonction', 'functions'],
  children: ['Enfant(s)', 'Enfants', 'children'],
  childGiven: ['prenom enfant'],
  childFamily: ['nom enfant'],
  /** First of the ProEPS parents' `ID_Sconet_Eleve1…5` columns. */
  childJoinKeys: ['ID_Sconet_Eleve1'],
} as const satisfies Record<string, readonly string[]>;

export type EntField = keyof typeof ENT_FIELDS;

const HEADS_13 = ['RNE', 'UID', 'Classe', 'Profil', 'Prénom', 'Nom', 'Login', 'Mot de passe', 'Clé de jointure'];

/** Layouts recognised by the start of their header row (compared compacted); `exact`: nothing after. */
const LAYOUTS: readonly { name: string; head: readonly string[]; exact?: boolean }[] = [
  { name: 'ent-identifiants-13', head: [...HEADS_13, 'UID Père', 'UID Mère', 'UID Tuteur1', 'UID Tuteur2'] },
  { name: 'opentent-gepi', head: [...HEADS_13, 'UID Responsable 1', 'UID Responsable 2', 'UID tuteur 1', 'UID tuteur 2'] },
  { name: 'opentent-classic', head: ['Type', 'Nom', 'Prénom', 'Login', 'Alias de login', "Code d'activation"] },
  { name: 'opentent-sacoche', head: ['Id', 'Id Siecle', 'Type', 'Nom', 'Prénom', 'Login'], exact: true },
  { name: 'opentent-detailed', head: ['Id', 'Id Siecle', 'Type', 'Nom', 'Prénom', 'Login'] },
  { name: 'opentent-detailed', head: ['id', 'attachmentId', 'type', 'lastname', 'firstname', 'login'] },
  { name: 'proeps-eleves', head: ['Identifiant ENT', 'Profil', 'nom', 'prénom', 'Date de naissance', 'Sexe', 'Classe', 'id sconet'] },
  { name: 'proeps-parents', head: ['Identifiant_ENT', 'Profil', 'nom', 'prenom', 'Date de naissance', 'Sexe', 'Classe', 'ID_Sconet_Eleve1'] },
  { name: 'type2', head: ['Civilité', 'Nom', 'Prénom', 'Profil', 'Login', 'Identifiant ENT', 'Etablissement'] },
];

/** The 13-field layout without its header row: columns by position. */
const HEADERLESS_13: Columns<EntField> = {
  uai: 0, uid: 1, division: 2, profile: 3, given: 4, family: 5, login: 6, password: 7, joinKey: 8,
  guardian1: 9, guardian2: 10, guardian3: 11, guardian4: 12,
};

const UAI = /^\d{7}[A-Z]$/i;
/** `{SHA}…`, `{SSHA}…`, `{MD5}…`: a hash, i.e. a password its owner changed. Never kept. */
const HASHED = /^\{[A-Z0-9-]+\}/i;
/** Signs of a PRONOTE list, that a bare `Identifiant` column must not outweigh. */
const PRONOTE_SIGNS = [...PRONOTE_ID_HEADERS, 'Né(e) le', 'Élèves', 'Enfants', 'Élève(s)'];

interface Plan {
  layout: string;
  score: number;
  /** Header rows to skip (0 for the headerless 13-field layout). */
  skip: 0 | 1;
  cols: Columns<EntField>;
}

function startsWith(compact: readonly string[], head: readonly string[], exact: boolean): boolean {
  const used = compact.slice();
  while (used.length && used[used.length - 1] === '') used.pop();
  if (exact ? used.length !== head.length : used.length < head.length) return false;
  return head.every((h, i) => used[i] === compactHeader(h));
}

function plan(table: Table, hints: TableHints | undefined): Plan | undefined {
  const header = table.rows[0] ?? [];
  const mapped = mappedColumns(table, hints, 'ent-accounts');
  if (mapped) return { layout: 'admin-mapping', score: 1, skip: 1, cols: resolveColumns(header, ENT_FIELDS, mapped) };
  if (mappedToOther(table, hints, 'ent-accounts')) return undefined;
  const compact = header.map(compactHeader);
  const cols = resolveColumns(header, ENT_FIELDS);
  const known = LAYOUTS.find((l) => startsWith(compact, l.head, l.exact ?? false));
  if (known) return { layout: known.name, score: 1, skip: 1, cols };
  if (header.length >= 13 && UAI.test(header[0] ?? '')) return { layout: 'ent-identifiants-13', score: 0.9, skip: 0, cols: HEADERLESS_13 };
  const hasName = cols.family !== undefined || cols.given !== undefined;
  if (hasName && hasAnyHeader(compact, ['Identifiant ENT'])) return { layout: 'kosmos', score: 0.95, skip: 1, cols };
  if (cols.login === undefined) return undefined;
  let score: number;
  if (hasAnyHeader(compact, ENT_ONLY_HEADERS)) score = hasName ? 0.9 : 0.7;
  // Only a bare `Identifiant`: PRONOTE lists have one too (the PRONOTE login).
  else score = hasAnyHeader(compact, PRONOTE_SIGNS) ? 0.4 : hasName ? 0.6 : 0;
  return score > 0 ? { layout: 'generic', score, skip: 1, cols } : undefined;
}

const PROFILES: Record<string, EntProfile> = {
  eleve: 'pupil', eleves: 'pupil', student: 'pupil', pupil: 'pupil',
  responsable: 'guardian', responsableeleve: 'guardian', parent: 'guardian', parents: 'guardian', tuteur: 'guardian',
  persreleleve: 'guardian', relative: 'guardian',
  enseignant: 'teacher', professeur: 'teacher', teacher: 'teacher', ens: 'teacher', personnelenseignant: 'teacher',
  personnel: 'staff', personneladministratif: 'staff', personneldedirection: 'staff', personnelnonenseignant: 'staff',
  perseducnatnonens: 'staff', staff: 'staff', personnels: 'staff',
  guest: 'other', invite: 'other', autre: 'other', other: 'other',
};

const PROFILE_PREFIXES: readonly [string, EntProfile][] = [
  ['eleve', 'pupil'],
  ['responsable', 'guardian'],
  ['parent', 'guardian'],
  ['tuteur', 'guardian'],
  ['enseignant', 'teacher'],
  ['professeur', 'teacher'],
  ['personnel', 'staff'],
];

/**
 * The ENT's profile label → EntProfile (Eleve/Student → pupil, Responsable/Relative/PersRelEleve
 * → guardian, Enseignant/Teacher/ENS → teacher, Personnel… → staff); undefined when unknown.
 * `PersEducNat` is a teacher when the functions say ENS, else staff.
 */
export function entProfileOf(raw: string | undefined, functions?: string): EntProfile | undefined {
  const key = functions === undefined ? raw ?? '' : `${raw ?? ''}\u0000${functions}`;
  return profileLabels.get(key, () => readProfile(raw, functions));
}

const profileLabels = new LabelMemo<EntProfile | undefined>();

function readProfile(raw: string | undefined, functions: string | undefined): EntProfile | undefined {
  const v = compactHeader(raw ?? '');
  if (!v) return undefined;
  const exact = PROFILES[v];
  if (exact) return exact;
  if (v.startsWith('perseducnat')) return !v.includes('nonens') && /\bENS\b/i.test(functions ?? '') ? 'teacher' : 'staff';
  return PROFILE_PREFIXES.find(([p]) => v.startsWith(p))?.[1];
}

function accountName(row: readonly string[], cols: Columns<EntField>): PersonName {
  return { family: cellAt(row, cols.family) ?? '', given: cellAt(row, cols.given) ?? '' };
}

function childrenOf(row: readonly string[], cols: Columns<EntField>, layout: string): EntChildRef[] | undefined {
  if (layout === 'proeps-parents' && cols.childJoinKeys !== undefined) {
    // Ids joined with `, ` in a comma-separated file: every cell from ID_Sconet_Eleve1 on is one id.
    return row.slice(cols.childJoinKeys).filter(Boolean).map((id) => ({ joinKey: id, raw: id }));
  }
  const family = cellAt(row, cols.childFamily);
  const given = cellAt(row, cols.childGiven);
  if (family || given) return [{ family, given, raw: [family, given].filter(Boolean).join(' ') }];
  const listed = splitList(cellAt(row, cols.children));
  return listed.length ? listed.map((raw) => ({ raw })) : undefined;
}

/** A ProEPS row whose cells do not line up with the header (a comma inside a value shifted them). */
function proepsShifted(row: readonly string[], header: readonly string[], layout: string): boolean {
  if (layout !== 'proeps-eleves' && layout !== 'proeps-parents') return false;
  const profile = entProfileOf(row[1]);
  if (layout === 'proeps-eleves') return profile !== 'pupil' || row.length > header.length;
  return profile !== 'guardian';
}

function buildAccount(r: readonly string[], login: string, cols: Columns<EntField>, layout: string, position: number, file: string): EntAccount {
  const rawProfile = cellAt(r, cols.profile);
  const pw = cellAt(r, cols.password);
  const passwordChanged = pw !== undefined && HASHED.test(pw);
  const a: EntAccount = {
    login,
    profile: entProfileOf(rawProfile, cellAt(r, cols.functions)) ?? 'other',
    name: accountName(r, cols),
    passwordChanged,
    guardianUids: [],
    provenance: { file, position },
  };
  for (const c of [cols.guardian1, cols.guardian2, cols.guardian3, cols.guardian4]) {
    const u = cellAt(r, c);
    if (u !== undefined) a.guardianUids.push(u);
  }
  // Optional fields set one by one when present (no temporary object per row: lists run to 100,000 rows).
  const uid = cellAt(r, cols.uid);
  if (uid !== undefined) a.uid = uid;
  if (rawProfile !== undefined) a.rawProfile = rawProfile;
  const division = splitList(cellAt(r, cols.division))[0];
  if (division !== undefined) a.division = division;
  if (pw !== undefined && !passwordChanged) a.password = pw;
  const activationCode = cellAt(r, cols.activationCode);
  if (activationCode !== undefined) a.activationCode = activationCode;
  const joinKey = cellAt(r, cols.joinKey);
  if (joinKey !== undefined) a.joinKey = joinKey;
  const pronoteId = cellAt(r, cols.pronoteId);
  if (pronoteId !== undefined) a.pronoteId = pronoteId;
  const birthDate = toIsoDate(cellAt(r, cols.birthDate));
  if (birthDate !== undefined) a.birthDate = birthDate;
  const uai = cellAt(r, cols.uai)?.toUpperCase();
  if (uai !== undefined && UAI.test(uai)) a.uai = uai;
  const children = childrenOf(r, cols, layout);
  if (children !== undefined) a.children = children;
  return a;
}

function who(a: { name: PersonName; login?: string }, fallback: string): string {
  return displayName(a.name) || a.login || fallback;
}

/** The most frequent UAI of the accounts; several different ones → a warning. */
function schoolUai(accounts: readonly EntAccount[], ctx: ReaderContext): string | undefined {
  const counts = new Map<string, number>();
  for (const a of accounts) if (a.uai) counts.set(a.uai, (counts.get(a.uai) ?? 0) + 1);
  const sorted = [...counts].sort((x, y) => y[1] - x[1]);
  if (sorted.length > 1) {
    ctx.warn({
      code: 'ent-uai-several',
      message: `« ${ctx.file} » mélange plusieurs établissements : ${sorted.map(([u, n]) => `${u} (${plural(n, 'compte')})`).join(', ')}. Raccord retient ${sorted[0]![0]} ; vérifiez que l'export ne concerne qu'un établissement.`,
    });
  }
  return sorted[0]?.[0];
}

export const entAccountsReader: TableFormatReader = {
  kind: 'ent-accounts',

  detect(table: Table, hints: TableHints | undefined): number {
    return plan(table, hints)?.score ?? 0;
  },

  parse(table: Table, ctx: ReaderContext): ReaderResult {
    const p = plan(table, ctx.options.tableHints);
    const header = table.rows[0] ?? [];
    if (!p) {
      throw new RaccordError({
        code: 'unknown-layout',
        file: ctx.file,
        position: 'ligne 1',
        message: `Les colonnes de « ${ctx.file} » ne sont pas celles d'un export de comptes ENT connu.`,
        hint: "Indiquez à Raccord quelle colonne contient l'identifiant de connexion, le nom et le prénom (étape « Correspondance des colonnes »).",
      });
    }
    const { layout, cols } = p;
    const noLogin: RowRef[] = [];
    const shifted: RowRef[] = [];
    const unknownProfiles: RowRef[] = [];
    let loginFromUid = 0;
    let severalChildren = 0;
    const accounts: EntAccount[] = [];

    table.rows.forEach((r, k) => {
      if (k < p.skip) return;
      const line = table.lines[k]!;
      const name = accountName(r, cols);
      if (proepsShifted(r, header, layout)) {
        shifted.push({ who: who({ name }, r.slice(0, 4).join(' ')), line });
        return;
      }
      let login = cellAt(r, cols.login);
      const uid = cellAt(r, cols.uid);
      if (!login && layout === 'opentent-gepi' && uid) {
        login = uid;
        loginFromUid++;
      }
      if (!login) {
        noLogin.push({ who: who({ name }, r.filter(Boolean).slice(0, 4).join(' ')), line });
        return;
      }
      const a = buildAccount(r, login, cols, layout, line, ctx.file);
      if (a.rawProfile && !entProfileOf(a.rawProfile, cellAt(r, cols.functions))) {
        unknownProfiles.push({ who: `${who(a, login)} (« ${a.rawProfile} »)`, line });
      }
      if ((a.children?.length ?? 0) > 1 && layout === 'proeps-parents') severalChildren++;
      accounts.push(a);
    });

    if (loginFromUid > 0) {
      ctx.warn({
        code: 'ent-logins-empty',
        message: `Dans « ${ctx.file} » (export « Gepi » d'Open ENT NG), les colonnes Login, Mot de passe et RNE sont vides : les ${plural(loginFromUid, 'compte')} concernés sont identifiés par leur UID ENT, pas par l'identifiant de connexion. Pour distribuer les identifiants, exportez plutôt au format « Classique » ou « Sacoche ».`,
      });
    }
    warnRows(ctx, 'ent-proeps-ambiguous', shifted, (n, list) =>
      `${plural(n, 'ligne')} de l'export ProEPS « ${ctx.file} » ne ${n > 1 ? 'correspondent' : 'correspond'} pas aux colonnes (une virgule dans un nom ou une classe décale les cellules de ce fichier non protégé par des guillemets) et ${n > 1 ? 'ont été laissées' : 'a été laissée'} de côté : ${list}. Utilisez plutôt l'export « Sacoche » ou « Classique » de l'ENT.`);
    if (severalChildren > 0) {
      ctx.warn({
        code: 'ent-proeps-children',
        message: `Dans l'export ProEPS « ${ctx.file} », les identifiants SIECLE des enfants sont séparés par des virgules, comme les colonnes : Raccord a lu comme identifiants d'enfants toutes les cellules à partir de la colonne ID_Sconet_Eleve1 (${plural(severalChildren, 'responsable')} avec plusieurs enfants).`,
      });
    }
    warnRows(ctx, 'ent-login-missing', noLogin, (n, list) =>
      `${plural(n, 'ligne')} de « ${ctx.file} » sans identifiant de connexion ${n > 1 ? 'ont été laissées' : 'a été laissée'} de côté : ${list}. Vérifiez dans la console d'administration de l'ENT que ces comptes existent.`);
    warnRows(ctx, 'ent-profile-unknown', unknownProfiles, (n, list) =>
      `${plural(n, 'compte')} de « ${ctx.file} » ${n > 1 ? 'ont' : 'a'} un profil que Raccord ne connaît pas, ${n > 1 ? 'ils sont gardés' : 'il est gardé'} comme « autre » : ${list}.`);
    if (cols.profile === undefined && accounts.length > 0) {
      ctx.warn({
        code: 'ent-profile-missing',
        message: `« ${ctx.file} » n'a pas de colonne « Profil » : Raccord ne sait pas quels comptes sont des élèves, des responsables ou des personnels, et les rapproche sur le nom seul.`,
      });
    }

    const kept = keepFirst(accounts, (a) => a.login.toLowerCase(), (again, first) => {
      ctx.warn({
        code: 'ent-login-duplicate',
        position: again.provenance.position,
        message: `L'identifiant ENT « ${again.login} » apparaît deux fois dans « ${ctx.file} » : ${who(first, '?')} (ligne ${first.provenance.position}) et ${who(again, '?')} (ligne ${again.provenance.position}). Seule la première ligne est gardée ; vérifiez ce compte dans l'ENT.`,
      });
    });

    const result: ReaderResult = { layout, data: { entAccounts: kept } };
    const uai = schoolUai(kept, ctx);
    if (uai) result.uai = uai;
    return result;
  },
};
