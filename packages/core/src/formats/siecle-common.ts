/**
 * What the five SIECLE BEE readers share (formats.md §1.2, §1.8): the PARAMETRES header, the
 * DONNEES block, names in both the pre- and post-2016 models, "attribute or child" keys, dates
 * that warn when unreadable, and keyed record lists that report missing and duplicate keys.
 */
import { toIsoDate, toIsoDateTime } from '../model/dates.js';
import type { FileKind, ParsedData, ParseWarning, PersonName, PostalAddress } from '../model/types.js';
import { RaccordError } from '../util/errors.js';
import { asArray, child, text, type XmlNode } from '../util/xml.js';
import type { ReaderContext, ReaderResult, XmlFormatReader } from './types.js';
import { warnMalformedUai } from './uai.js';

export interface SiecleHeader {
  /** PARAMETRES/UAJ (the school's UAI), as text. */
  uai: string;
  /** PARAMETRES/ANNEE_SCOLAIRE: start year, 2025 = 2025-2026. */
  schoolYear: number;
  /** PARAMETRES/DATE_EXPORT as ISO date. */
  exportDate?: string;
  /** PARAMETRES/HORODATAGE as ISO local date-time (Europe/Paris, no zone). */
  timestamp?: string;
}

/** French label of each BEE root, for messages. */
const ROOT_LABEL: Record<string, string> = {
  BEE_ELEVES: 'SIECLE élèves',
  BEE_RESPONSABLES: 'SIECLE responsables',
  BEE_NOMENCLATURES: 'SIECLE nomenclatures',
  BEE_STRUCTURES: 'SIECLE structures',
  BEE_COMMUN: 'SIECLE communs',
};

const REEXPORT = "Exportez le fichier à nouveau depuis SIECLE (Base Élèves Établissement > Exportations > En XML) et importez-le tel quel, sans l'ouvrir ni le modifier.";

function headerError(ctx: ReaderContext, root: string, what: string, cannotTell = "de quel établissement ni de quelle année il vient", hint = REEXPORT): RaccordError {
  return new RaccordError({
    code: 'unknown-layout',
    file: ctx.file,
    position: 'PARAMETRES',
    message: `Le fichier « ${ctx.file} » (export ${ROOT_LABEL[root] ?? root}) ${what} : Raccord ne peut pas savoir ${cannotTell}.`,
    hint,
  });
}

/** A year the file does not say (or says unreadably): the admin's year if given, else a refusal that says how to give it. */
function yearOrRefuse(ctx: ReaderContext, root: string, uai: string, what: string): number {
  const given = ctx.options.schoolYear;
  if (given !== undefined) {
    ctx.warn({
      code: 'siecle.year-from-admin',
      message: `« ${ctx.file} » ${what} : Raccord le lit comme un export de l'année ${given}-${given + 1}, l'année indiquée. Vérifiez qu'il est bien de cette année.`,
    });
    return given;
  }
  throw headerError(ctx, root, what, `de quelle année scolaire il vient (l'établissement, lui, est indiqué : UAJ ${uai})`,
    `Indiquez l'année scolaire (option --annee 2025 de la ligne de commande, ou l'année de l'établissement dans l'application) pour le lire quand même, ou ${REEXPORT.charAt(0).toLowerCase()}${REEXPORT.slice(1)}`);
}

/** Reads PARAMETRES. A missing UAJ refuses the file (it cannot be placed); a missing ANNEE_SCOLAIRE too, unless the admin gave the year. */
export function readParametres(doc: XmlNode, root: string, ctx: ReaderContext): SiecleHeader {
  const p = doc['PARAMETRES'];
  if (p === undefined) throw headerError(ctx, root, "n'a pas d'en-tête PARAMETRES");
  const params = child(doc, 'PARAMETRES');
  const uai = text(params, 'UAJ');
  if (!uai) throw headerError(ctx, root, "n'indique pas l'établissement (PARAMETRES/UAJ est absent ou vide)");
  warnMalformedUai(uai, 'PARAMETRES/UAJ', ctx);
  const rawYear = text(params, 'ANNEE_SCOLAIRE');
  // The start year, sometimes written "2025-2026" by hand-made files: take the first four digits.
  let year = Number(rawYear?.slice(0, 4));
  if (!rawYear) year = yearOrRefuse(ctx, root, uai, "n'indique pas l'année scolaire (PARAMETRES/ANNEE_SCOLAIRE est absent ou vide)");
  else if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    year = yearOrRefuse(ctx, root, uai, `a une année scolaire illisible (PARAMETRES/ANNEE_SCOLAIRE = « ${rawYear} »)`);
  }
  const header: SiecleHeader = { uai, schoolYear: year };
  const exportDate = readDate(params, 'DATE_EXPORT', ctx, "l'en-tête PARAMETRES");
  if (exportDate) header.exportDate = exportDate;
  const rawStamp = text(params, 'HORODATAGE');
  const timestamp = rawStamp ? toIsoDateTime(rawStamp) : undefined;
  if (timestamp) header.timestamp = timestamp;
  return header;
}

/** The ReaderResult of a BEE file: header fields plus the data. */
function siecleResult(header: SiecleHeader, data: ParsedData): ReaderResult {
  const r: ReaderResult = { uai: header.uai, schoolYear: header.schoolYear, data };
  const exportDate = header.exportDate ?? header.timestamp;
  if (exportDate) r.exportDate = exportDate;
  return r;
}

/** The date "now" for rules such as DATE_SORTIE: options.today, else the export date, else today. */
export function referenceDate(header: SiecleHeader, ctx: ReaderContext): string {
  const d = ctx.options.today ?? header.exportDate ?? header.timestamp ?? new Date().toISOString();
  return d.slice(0, 10);
}

/**
 * A BEE reader: PARAMETRES checked and read, then `read` gets DONNEES ({} when absent) and
 * returns the data; uai, school year and export date come from the header.
 */
export function siecleReader(
  kind: FileKind,
  root: string,
  arrayTags: readonly string[],
  read: (data: XmlNode, ctx: ReaderContext, header: SiecleHeader) => ParsedData,
): XmlFormatReader {
  return {
    kind,
    roots: [root],
    arrayTags,
    parse(doc, docRoot, ctx) {
      const header = readParametres(doc, docRoot, ctx);
      return siecleResult(header, read(child(doc, 'DONNEES'), ctx, header));
    },
  };
}

/** The repeated `item` elements of DONNEES/`list` (e.g. ELEVES/ELEVE). */
export function listOf(data: XmlNode, list: string, item: string): XmlNode[] {
  return asArray<XmlNode>(child(data, list)[item]);
}

/** A key SIECLE writes as an attribute (`@NAME`) but some files write as a child element. */
export function attrOrChild(node: XmlNode, name: string): string | undefined {
  return text(node, `@${name}`) ?? text(node, name);
}

/** Present dates in dd/mm/yyyy → ISO; a value that is not a date warns and gives undefined. */
export function readDate(
  node: XmlNode,
  field: string,
  ctx: ReaderContext,
  who: string | (() => string),
  position?: number,
  consequence = 'elle est ignorée',
): string | undefined {
  const raw = text(node, field);
  if (!raw) return undefined;
  const iso = toIsoDate(raw);
  if (!iso) {
    const w: ParseWarning = {
      code: 'siecle.invalid-date',
      message: `${capitalize(typeof who === 'string' ? who : who())} : la date ${field} « ${raw} » n'est pas une date valide (jj/mm/aaaa) ; ${consequence}. Corrigez-la dans SIECLE.`,
    };
    if (position !== undefined) w.position = position;
    ctx.warn(w);
  }
  return iso;
}

/** Both name models (formats.md §1.3 rule 5): NOM (before 2016) or NOM_DE_FAMILLE + NOM_USAGE. */
export function readPersonName(node: XmlNode): PersonName {
  const usage = text(node, 'NOM_USAGE');
  const family = text(node, 'NOM_DE_FAMILLE') ?? text(node, 'NOM') ?? usage ?? '';
  const name: PersonName = { family, given: text(node, 'PRENOM') ?? '' };
  if (usage && usage !== family) name.usage = usage;
  const others: string[] = [];
  const p2 = text(node, 'PRENOM2');
  const p3 = text(node, 'PRENOM3');
  if (p2) others.push(p2);
  if (p3) others.push(p3);
  if (others.length) name.otherGiven = others;
  return name;
}

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Items keyed by an id: missing ids and duplicates are reported, the first of a duplicate kept. */
export interface KeyedSpec<T> {
  /** The key of one item, or undefined when it has none. */
  key(node: XmlNode): string | undefined;
  build(node: XmlNode, key: string, position: number): T;
  /** Warning for an item without a key (it is skipped). */
  missing(node: XmlNode, position: number): ParseWarning;
  /** Warning for a second item with a key already seen (it is skipped, the first kept). */
  duplicate(node: XmlNode, key: string, first: T, position: number): ParseWarning;
}

export function keyedRecords<T>(nodes: XmlNode[], spec: KeyedSpec<T>, ctx: ReaderContext): Map<string, T> {
  const out = new Map<string, T>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const position = i + 1;
    const key = spec.key(node);
    if (key === undefined) {
      ctx.warn(spec.missing(node, position));
      continue;
    }
    const first = out.get(key);
    if (first !== undefined) {
      ctx.warn(spec.duplicate(node, key, first, position));
      continue;
    }
    out.set(key, spec.build(node, key, position));
  }
  return out;
}

/** A keyed list whose warnings only need a French noun phrase for the item, e.g. « la matière ». */
export function simpleKeyed<T>(
  nodes: XmlNode[],
  keyName: string,
  what: { noun: string; code: string },
  build: (node: XmlNode, key: string) => T,
  ctx: ReaderContext,
): T[] {
  const map = keyedRecords<T>(
    nodes,
    {
      key: (n) => attrOrChild(n, keyName),
      build: (n, key) => build(n, key),
      missing: (_n, position) => ({
        code: `${what.code}-missing-code`,
        position,
        message: `${capitalize(what.noun)} n° ${position} de « ${ctx.file} » n'a pas de ${keyName} : l'enregistrement est ignoré. Vérifiez l'export SIECLE.`,
      }),
      duplicate: (_n, key, _first, position) => ({
        code: `${what.code}-duplicate`,
        position,
        message: `${capitalize(what.noun)} « ${key} » apparaît plusieurs fois dans « ${ctx.file} » (enregistrement n° ${position}) : seul le premier est gardé. Vérifiez l'export SIECLE.`,
      }),
    },
    ctx,
  );
  return [...map.values()];
}

/** Sets an optional field only when there is a value, so records carry no `undefined` keys. */
export function setIf<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Pushes `v` when not already in `list` (lists here are short: a pupil's groups, options). */
export function pushUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

/** Codes found under WRAPPER/ITEM: a child element `field`, or attribute forms (STS-like files). */
export function memberCodes(node: XmlNode, wrapper: string, item: string, field: string): string[] {
  const out: string[] = [];
  for (const m of asArray<XmlNode | string>(child(node, wrapper)[item])) {
    const code = typeof m === 'string' ? m.trim() || undefined : (text(m, field) ?? text(m, `@${field}`) ?? text(m, '@CODE'));
    if (code) pushUnique(out, code);
  }
  return out;
}

/**
 * COMMUNE_ETRANGERE holds "postcode town" in one field. As SACoche does: split at the first
 * space when it comes before the 10th character, else it is all town.
 */
export function splitForeignCommune(raw: string): { postcode?: string; city: string } {
  const sp = raw.indexOf(' ');
  if (sp > 0 && sp < 10) return { postcode: raw.slice(0, sp), city: raw.slice(sp + 1).trim() };
  return { city: raw };
}

/** LIGNE1…4 plus postcode and town (French or foreign), shared with Communs.xml. */
export function readPostalAddress(node: XmlNode, cityTags: readonly string[]): PostalAddress {
  const lines: string[] = [];
  for (const tag of ['LIGNE1_ADRESSE', 'LIGNE2_ADRESSE', 'LIGNE3_ADRESSE', 'LIGNE4_ADRESSE']) {
    const l = text(node, tag);
    if (l) lines.push(l);
  }
  const address: PostalAddress = { lines };
  setIf(address, 'postcode', text(node, 'CODE_POSTAL'));
  for (const tag of cityTags) {
    const city = text(node, tag);
    if (city) {
      address.city = city;
      break;
    }
  }
  const foreign = text(node, 'COMMUNE_ETRANGERE');
  if (foreign && address.city === undefined) {
    const split = splitForeignCommune(foreign);
    address.city = split.city;
    if (address.postcode === undefined) setIf(address, 'postcode', split.postcode);
  }
  setIf(address, 'country', text(node, 'LL_PAYS'));
  return address;
}
