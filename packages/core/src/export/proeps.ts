/**
 * Pro-EPS pupil-list check (seed 000): Pro-EPS imports the ENVOLE export
 * `liste_Eleve_Toutes_xxxxxxx.csv`; this compares it with SIECLE's current pupils — who is
 * missing, who should not be there, whose class differs, and whose birth date (the first Pro-EPS
 * password, `jjmmaaaa`) differs.
 *
 * Honest limits: the columns of the ENVOLE `liste_Eleve_Toutes` file are NOT known (formats.md
 * §5.3 and §7: no public sample). The closest documented layout is Open ENT NG's « ProEPS
 * élèves » export (`Identifiant ENT,Profil,nom,prénom,Date de naissance,Sexe,Classe,id sconet`,
 * comma-separated, unquoted), so columns are found by header name with aliases (as for PRONOTE
 * lists, formats.md §9.2) and the delimiter is sniffed. A file whose name and given-name columns
 * cannot be found is refused with the headers it has, rather than guessed by position. Whether
 * ENVOLE's `id sconet` is the ELEVE_ID or the ELENOET is not known either: both are tried.
 */
import type { SchoolDataset } from '../model/dataset.js';
import type { SieclePupil } from '../model/types.js';
import { frDate, toIsoDate } from '../model/dates.js';
import { normalizeName } from '../model/names.js';
import type { SubjectRef } from '../match/types.js';
import { decodeText } from '../util/encoding.js';
import { RaccordError } from '../util/errors.js';
import { parseTable } from '../util/table.js';
import { BIRTH_DATE_HEADERS, FAMILY_HEADERS, GIVEN_HEADERS, cellAt, resolveColumns, type Columns } from '../formats/table-columns.js';
import { isCurrentPupil, pupilLabel, pupilRef } from '../checks/common.js';
import { nameKey } from '../checks/duplicates.js';
import { recordsToCsv, type CsvColumn } from './csv.js';

type Field = 'family' | 'given' | 'birthDate' | 'division' | 'ine' | 'siecleId' | 'login' | 'profile';

const ALIASES: Record<Field, readonly string[]> = {
  family: [...FAMILY_HEADERS, 'Nom élève', 'NOM_ELEVE', 'sn'],
  given: [...GIVEN_HEADERS, 'Prénom élève', 'PRENOM_ELEVE', 'givenName'],
  birthDate: [...BIRTH_DATE_HEADERS, 'DATE_NAISSANCE', 'Date_Naissance'],
  division: ['Classe', 'Division', 'Classes', 'Structure', 'CLASSE_ELEVE'],
  ine: ['INE', 'Numéro national', 'N° national', 'ID_NATIONAL', 'Identifiant national'],
  siecleId: ['id sconet', 'ID_Sconet', 'Id Siecle', 'Identifiant SIECLE', 'Identifiant Sconet', 'ELEVE_ID', 'Clé de jointure', 'attachmentId', 'Numéro élève'],
  login: ['Identifiant ENT', 'Identifiant_ENT', 'Login', 'Identifiant', 'UID'],
  profile: ['Profil', 'Type', 'Statut'],
};

export interface ProEpsRow {
  /** Line in the file (header = 1). */
  line: number;
  family: string;
  given: string;
  birthDate?: string;
  division?: string;
  ine?: string;
  siecleId?: string;
  login?: string;
}

export interface ProEpsList {
  rows: ProEpsRow[];
  /** The header each field was read from (null: not in the file). */
  columns: Record<Field, string | null>;
  warnings: string[];
}

export interface ProEpsIssue {
  kind: 'missing' | 'extra' | 'class' | 'birth-date';
  /** The SIECLE pupil, when there is one. */
  pupil?: SubjectRef;
  label: string;
  siecleDivision: string;
  listDivision: string;
  detail: string;
  /** Line in the ENVOLE file, when the issue comes from it. */
  line?: number;
}

export interface ProEpsCheck {
  list: ProEpsList;
  matched: number;
  issues: ProEpsIssue[];
}

const isPupilProfile = (v: string | undefined) => !v || /^(eleve|student|apprenant)/.test(normalizeName(v).toLowerCase());

/** Reads the ENVOLE pupil list (bytes in any of the usual encodings, or text already decoded). */
export function readProEpsList(input: string | Uint8Array, file = 'liste_Eleve_Toutes.csv'): ProEpsList {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  const table = parseTable(text.replace(/^\uFEFF/, ''));
  const headerAt = table.rows.slice(0, 5).findIndex((r) => {
    const c = resolveColumns(r, ALIASES);
    return c.family !== undefined && c.given !== undefined;
  });
  if (headerAt < 0)
    throw new RaccordError({
      code: 'missing-column',
      file,
      message: `Dans « ${file} », Raccord ne trouve pas les colonnes du nom et du prénom (en-têtes lus : ${(table.rows[0] ?? []).join(', ') || 'aucun'}).`,
      hint: "Utilisez l'export élèves de l'ENT avec une ligne d'en-tête (Nom, Prénom, Date de naissance, Classe…), celui que vous donnez à Pro-EPS.",
    });
  const header = table.rows[headerAt]!;
  const cols: Columns<Field> = resolveColumns(header, ALIASES);
  const columns = Object.fromEntries(
    (Object.keys(ALIASES) as Field[]).map((f) => [f, cols[f] !== undefined ? header[cols[f]!]! : null]),
  ) as Record<Field, string | null>;
  const warnings: string[] = [];
  if (cols.birthDate === undefined)
    warnings.push("Pas de colonne de date de naissance : or c'est le premier mot de passe Pro-EPS (jjmmaaaa) ; les dates ne sont pas vérifiées.");
  if (cols.division === undefined) warnings.push('Pas de colonne de classe : les classes ne sont pas comparées.');
  const rows: ProEpsRow[] = [];
  let others = 0;
  table.rows.slice(headerAt + 1).forEach((r, i) => {
    if (!isPupilProfile(cellAt(r, cols.profile))) return void others++;
    const family = cellAt(r, cols.family) ?? '';
    const given = cellAt(r, cols.given) ?? '';
    if (!family && !given) return;
    const birth = cellAt(r, cols.birthDate);
    rows.push({
      line: table.lines[headerAt + 1 + i]!,
      family,
      given,
      ...(birth ? { birthDate: toIsoDate(birth) ?? birth } : {}),
      ...(cellAt(r, cols.division) ? { division: cellAt(r, cols.division) } : {}),
      ...(cellAt(r, cols.ine) ? { ine: cellAt(r, cols.ine) } : {}),
      ...(cellAt(r, cols.siecleId) ? { siecleId: cellAt(r, cols.siecleId) } : {}),
      ...(cellAt(r, cols.login) ? { login: cellAt(r, cols.login) } : {}),
    });
  });
  if (others) warnings.push(`${others} ligne(s) d'un autre profil qu'élève ignorée(s).`);
  return { rows, columns, warnings };
}

const sameClass = (a: string | undefined, b: string | undefined) => normalizeName(a).replace(/ /g, '') === normalizeName(b).replace(/ /g, '');
const personKey = (family: string, given: string) => `${nameKey(family)}|${nameKey(given)}`;

/** Compares the ENVOLE list with SIECLE's pupils. */
export function checkProEps(ds: SchoolDataset, input: string | Uint8Array | ProEpsList, file?: string): ProEpsCheck {
  const list = typeof input === 'object' && 'rows' in input ? input : readProEpsList(input, file);
  const byId = new Map<string, SieclePupil>();
  const byIne = new Map<string, SieclePupil>();
  const byNameBirth = new Map<string, SieclePupil[]>();
  const byName = new Map<string, SieclePupil[]>();
  const add = (m: Map<string, SieclePupil[]>, k: string, p: SieclePupil) => m.set(k, [...(m.get(k) ?? []), p]);
  for (const p of ds.pupils) {
    byId.set(p.eleveId, p);
    if (p.elenoet && !byId.has(p.elenoet)) byId.set(p.elenoet, p);
    if (p.ine) byIne.set(p.ine.toUpperCase(), p);
    for (const fam of new Set([p.name.family, p.name.usage ?? p.name.family])) {
      add(byNameBirth, `${personKey(fam, p.name.given)}|${p.birthDate ?? ''}`, p);
      add(byName, personKey(fam, p.name.given), p);
    }
  }
  /** One pupil, preferring a current one when a name is shared with a leaver. */
  const single = (list: SieclePupil[] | undefined) => {
    const uniq = [...new Set(list ?? [])];
    const current = uniq.filter(isCurrentPupil);
    return uniq.length === 1 ? uniq[0] : current.length === 1 ? current[0] : undefined;
  };
  const find = (r: ProEpsRow) =>
    (r.siecleId && byId.get(r.siecleId)) ||
    (r.ine && byIne.get(r.ine.toUpperCase())) ||
    single(byNameBirth.get(`${personKey(r.family, r.given)}|${r.birthDate ?? ''}`)) ||
    single(byName.get(personKey(r.family, r.given)));

  const issues: ProEpsIssue[] = [];
  const seen = new Set<string>();
  let matched = 0;
  for (const r of list.rows) {
    const p = find(r);
    const label = `${r.family.toUpperCase()} ${r.given}`;
    if (!p || !isCurrentPupil(p)) {
      issues.push({
        kind: 'extra',
        ...(p ? { pupil: pupilRef(p) } : {}),
        label: p ? pupilLabel(p) : label,
        siecleDivision: p?.division ?? '',
        listDivision: r.division ?? '',
        line: r.line,
        detail: !p
          ? "inconnu(e) de SIECLE : ne devrait pas être dans la liste (ou nom mal orthographié)"
          : p.left
            ? `sorti(e) de l'établissement${p.leaveDate ? ` le ${frDate(p.leaveDate)}` : ''} : à retirer de Pro-EPS`
            : 'en division « Inactifs » dans SIECLE',
      });
      continue;
    }
    matched++;
    seen.add(p.eleveId);
    if (r.division !== undefined && !sameClass(r.division, p.division))
      issues.push({
        kind: 'class',
        pupil: pupilRef(p),
        label: pupilLabel(p),
        siecleDivision: p.division ?? '',
        listDivision: r.division,
        line: r.line,
        detail: `classe ${r.division} dans la liste, ${p.division ?? 'aucune'} dans SIECLE`,
      });
    if (r.birthDate && p.birthDate && r.birthDate !== p.birthDate)
      issues.push({
        kind: 'birth-date',
        pupil: pupilRef(p),
        label: pupilLabel(p),
        siecleDivision: p.division ?? '',
        listDivision: r.division ?? '',
        line: r.line,
        detail: `né(e) le ${frDate(r.birthDate)} dans la liste, le ${frDate(p.birthDate)} dans SIECLE : le premier mot de passe Pro-EPS (jjmmaaaa) ne marchera pas`,
      });
  }
  for (const p of ds.pupils.filter(isCurrentPupil))
    if (!seen.has(p.eleveId))
      issues.push({
        kind: 'missing',
        pupil: pupilRef(p),
        label: pupilLabel(p),
        siecleDivision: p.division ?? '',
        listDivision: '',
        detail: `absent(e) de la liste : pas d'accès à Pro-EPS${p.entryDate ? ` (arrivée le ${frDate(p.entryDate)} : refaire l'export ENVOLE puis « Import Base » dans Pro-EPS)` : ''}`,
      });
  const order = { missing: 0, extra: 1, class: 2, 'birth-date': 3 };
  issues.sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      (a.siecleDivision || a.listDivision).localeCompare(b.siecleDivision || b.listDivision, 'fr') ||
      a.label.localeCompare(b.label, 'fr'),
  );
  return { list, matched, issues };
}

const KIND_FR: Record<ProEpsIssue['kind'], string> = {
  missing: 'Absent de la liste Pro-EPS',
  extra: 'En trop dans la liste Pro-EPS',
  class: 'Classe différente',
  'birth-date': 'Date de naissance différente',
};

const COLUMNS: CsvColumn<ProEpsIssue>[] = [
  { header: 'Problème', value: (i) => KIND_FR[i.kind] },
  { header: 'Élève', value: (i) => i.label },
  { header: 'Classe SIECLE', value: (i) => i.siecleDivision },
  { header: 'Classe dans la liste', value: (i) => i.listDivision },
  { header: 'Détail', value: (i) => i.detail },
  { header: 'Ligne du fichier', value: (i) => i.line },
  { header: 'ELEVE_ID', value: (i) => i.pupil?.id },
];

export function proEpsToCsv(check: ProEpsCheck): string {
  return recordsToCsv(COLUMNS, check.issues);
}

/** The fix, from seed 000, for the admin. */
export const PROEPS_PROCEDURE = [
  "Mettre à jour la base Pro-EPS à partir d'un export ENVOLE à jour.",
  "1. Demander à l'administrateur de l'ENT ENVOLE un nouvel export de la base élèves (liste_Eleve_Toutes_xxxxxxx.csv), une fois SIECLE corrigé et l'alimentation de l'ENT passée.",
  "2. Sur Pro-EPS, avec l'accès administrateur : rubrique « Import Base », formulaire « Liaison ENT ENVOLE », envoyer le fichier CSV ; un message en haut de la page confirme la réussite.",
  '3. À la première connexion par la liaison, chaque élève confirme son identité avec son mot de passe Pro-EPS (par défaut sa date de naissance, jjmmaaaa).',
  "4. Refaire ces opérations à chaque mise à jour de la base élèves, en particulier à l'arrivée d'un nouvel élève.",
].join('\n');

