/**
 * The one entry point for bytes: a file (or a zip of files) → ParsedFile[]. Detection is by
 * content (zip magic, XML root element, header row), never by file name.
 */
import { unzipSync } from 'fflate';
import { FILE_KIND_LABEL, type FileKind, type ParsedFile, type ParseWarning } from '../model/types.js';
import { emptyData } from '../model/counts.js';
import { normalizeHeader } from '../model/names.js';
import { canonicalEncoding, declaredXmlEncoding, decodeText, decodeXml, hasUtf8Bom, utf16Layout } from '../util/encoding.js';
import { formatBytes, RaccordError, toErrorInfo } from '../util/errors.js';
import { parseTable } from '../util/table.js';
import { parseXml, readProlog } from '../util/xml.js';
import { timed } from '../util/stages.js';
import { fastUnzip, type InflateRaw } from '../util/zip.js';
import { undecidedListError } from './pronote-ids.js';
import { TABLE_READERS, WRONG_XML_ROOTS, XML_READERS } from './registry.js';
import type { ReaderContext, ReadOptions } from './types.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * `readFile` options plus `reuse`: a memo by fingerprint shared across calls, so that the same
 * bytes met twice (a zip entry and its loose copy) are parsed once. The copy gets its own `path`
 * and its own `warnings` array; results that mention their path (errors, some warnings) are parsed
 * again so every message names the right file.
 */
export interface ReadFileOptions extends ReadOptions {
  reuse?: Map<string, ParsedFile>;
  /** A native raw inflate (the CLI's node:zlib): ZIPs are then read by util/zip.ts where it can. */
  inflateRaw?: InflateRaw;
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
}

/** A zip entry worth reading: not a folder, not macOS metadata, not a dot-file. */
export function isUsefulZipEntry(name: string): boolean {
  if (name.endsWith('/')) return false;
  const parts = name.split('/');
  if (parts.some((p) => p === '__MACOSX')) return false;
  return !parts[parts.length - 1]!.startsWith('.');
}

function looksLikeXml(bytes: Uint8Array): boolean {
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  const u16 = utf16Layout(bytes);
  if (u16) {
    // `<` in UTF-16: 3C 00 (LE) or 00 3C (BE), after blanks.
    for (i = u16.start; i + 1 < bytes.length && i < 400; i += 2) {
      const c = u16.encoding === 'UTF-16LE' ? bytes[i]! : bytes[i + 1]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      return c === 0x3c;
    }
    return false;
  }
  while (i < bytes.length && i < 400 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x3c;
}

/**
 * FNV-1a-style 32-bit hash over the bytes, four at a time, and the length, hex: cheap, enough to
 * spot the same export given twice (any one word changed changes the hash). Not stored: only
 * compared within one import.
 */
export function fingerprint(b: Uint8Array): string {
  // The same bytes must give the same words wherever they sit: an unaligned view is copied.
  const bytes = b.byteOffset % 4 === 0 ? b : b.slice();
  const words = Math.floor(bytes.length / 4);
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
  let h = 0x811c9dc5;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ w[i]!, 0x01000193);
  for (let i = words * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return `${(h >>> 0).toString(16).padStart(8, '0')}-${b.length}`;
}

function failed(path: string, byteLength: number, e: unknown, kind: FileKind = 'unknown', encoding?: string, warnings: ParseWarning[] = []): ParsedFile {
  return { path, kind, encoding, byteLength, data: emptyData(), warnings, error: toErrorInfo(e, path) };
}

/** Reads one input (a file's bytes). A zip yields one ParsedFile per useful entry. */
export function readFile(path: string, bytes: Uint8Array, options: ReadFileOptions = {}): ParsedFile[] {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) {
    return [
      failed(path, bytes.length,
        new RaccordError({
          code: 'too-large',
          file: path,
          message: `Le fichier « ${path} » pèse ${formatBytes(bytes.length)}, au-delà de la limite de ${formatBytes(max)}.`,
          hint: "Vérifiez qu'il s'agit bien d'un export d'un seul établissement ; si oui, augmentez la limite dans les réglages.",
        })),
    ];
  }
  if (bytes.length === 0) {
    return [
      failed(path, 0,
        new RaccordError({
          code: 'empty-file',
          file: path,
          message: `Le fichier « ${path} » est vide (0 octet).`,
          hint: "Le téléchargement a sans doute échoué : exportez le fichier à nouveau depuis le portail.",
        })),
    ];
  }
  if (isZip(bytes)) return readZip(path, bytes, options);
  return [readSingle(path, bytes, options)];
}

function readZip(path: string, bytes: Uint8Array, options: ReadFileOptions): ParsedFile[] {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const tooBig: string[] = [];
  const filter = (f: { name: string; originalSize: number }) => {
    if (!isUsefulZipEntry(f.name)) return false;
    if (f.originalSize > max) {
      tooBig.push(f.name);
      return false;
    }
    return true;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = timed('inflate', () => {
      const inflateRaw = options.inflateRaw;
      const fast = inflateRaw ? fastUnzip(bytes, inflateRaw, filter) : undefined;
      if (fast) return fast;
      tooBig.length = 0;
      return unzipSync(bytes, { filter });
    });
  } catch (e) {
    return [
      failed(path, bytes.length,
        new RaccordError({
          code: 'zip-invalid',
          file: path,
          message: `L'archive « ${path} » est endommagée ou incomplète (${e instanceof Error ? e.message : String(e)}).`,
          hint: "Téléchargez l'archive à nouveau depuis le portail.",
        })),
    ];
  }
  const out: ParsedFile[] = [];
  for (const name of tooBig) {
    out.push(failed(`${path}/${name}`, 0,
      new RaccordError({
        code: 'too-large',
        file: `${path}/${name}`,
        message: `Le fichier « ${name} » de l'archive « ${path} » dépasse la limite de ${formatBytes(max)} une fois décompressé.`,
        hint: "Vérifiez le contenu de l'archive ; si le fichier est légitime, augmentez la limite dans les réglages.",
      })));
  }
  const names = Object.keys(entries).sort();
  for (const name of names) {
    const inner = `${path}/${name}`;
    const data = entries[name]!;
    // One level of nesting only: a zip inside a zip is read, deeper is refused as hostile.
    if (isZip(data)) {
      if (path.split('/').some((p) => /\.zip$/i.test(p) && p !== path.split('/').pop())) {
        out.push(failed(inner, data.length, new RaccordError({
          code: 'zip-invalid', file: inner,
          message: `L'archive « ${inner} » est imbriquée trop profondément.`,
          hint: 'Décompressez les archives et importez directement les fichiers XML ou CSV.',
        })));
        continue;
      }
      out.push(...readZip(inner, data, options));
    } else {
      out.push(...readFile(inner, data, options));
    }
  }
  if (out.length === 0) {
    out.push(failed(path, bytes.length,
      new RaccordError({
        code: 'zip-empty',
        file: path,
        message: `L'archive « ${path} » ne contient aucun fichier exploitable.`,
        hint: "Vérifiez que vous avez téléchargé le bon export (SIECLE, STS-web, ENT ou PRONOTE).",
      })));
  }
  return out;
}

function readSingle(path: string, bytes: Uint8Array, options: ReadFileOptions): ParsedFile {
  const reuse = options.reuse;
  if (!reuse) return parseSingle(path, bytes, options);
  const fp = fingerprint(bytes);
  const prev = reuse.get(fp);
  if (prev && !prev.error && !prev.warnings.some((w) => w.message.includes(prev.path))) {
    return { ...prev, path, warnings: prev.warnings.map((w) => ({ ...w })) };
  }
  const f = parseSingle(path, bytes, options, fp);
  if (!prev) reuse.set(fp, f);
  return f;
}

/** The root element name as ASCII bytes show it (every root Raccord knows is ASCII). */
function asciiRoot(bytes: Uint8Array, path: string): string | undefined {
  try {
    return readProlog(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)), path).root;
  } catch {
    return undefined;
  }
}

/**
 * decodeXml, but a file whose declared encoding Raccord cannot read keeps the kind its root tag
 * shows (`BEE_ELEVES` is readable whatever the encoding): the admin is told which export it is.
 */
function decodeXmlKeepingKind(bytes: Uint8Array, path: string, setKind: (k: FileKind) => void): ReturnType<typeof decodeXml> {
  try {
    return decodeXml(bytes, path);
  } catch (e) {
    const root = e instanceof RaccordError && e.code === 'encoding-mismatch' ? asciiRoot(bytes, path) : undefined;
    const reader = root ? XML_READERS.find((r) => r.roots.includes(root)) : undefined;
    if (!reader || !(e instanceof RaccordError)) throw e;
    setKind(reader.kind);
    const declared = declaredXmlEncoding(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
    if (!declared || canonicalEncoding(declared)) throw e;
    throw new RaccordError({ ...e.toInfo(), message: `${e.message} C'est bien un export ${FILE_KIND_LABEL[reader.kind]} (élément racine ${root}), mais ses noms ne peuvent pas être lus sans cet encodage.` });
  }
}

/** ONDE (primary schools) pupil export: `Nom Elève`, `Prénom Elève`, a `Cycle` column (Scribe's be1d sample). */
function looksLikeOnde(header: readonly string[]): boolean {
  const h = new Set(header.map(normalizeHeader));
  return h.has('nom eleve') && h.has('prenom eleve') && h.has('cycle');
}

function parseSingle(path: string, bytes: Uint8Array, options: ReadOptions, fp?: string): ParsedFile {
  const warnings: ParseWarning[] = [];
  const warn = (w: ParseWarning) => warnings.push(w);
  let encoding: string | undefined;
  let kind: FileKind = 'unknown';
  try {
    if (looksLikeXml(bytes)) {
      const decoded = timed('decode', () => decodeXmlKeepingKind(bytes, path, (k) => (kind = k)));
      encoding = decoded.encoding;
      const { root } = readProlog(decoded.text, path);
      const wrong = WRONG_XML_ROOTS[root];
      if (wrong) {
        throw new RaccordError({ code: 'wrong-portal', file: path, message: `« ${path} » : ${wrong.message}`, hint: wrong.hint });
      }
      const reader = XML_READERS.find((r) => r.roots.includes(root));
      if (!reader) {
        throw new RaccordError({
          code: 'unknown-layout',
          file: path,
          message: `Le fichier XML « ${path} » (élément racine ${root}) n'est pas un export que Raccord connaît.`,
          hint: 'Raccord lit les exports XML de SIECLE (élèves, responsables, nomenclatures, structures, communs) et de STS-web (sts_emp).',
        });
      }
      kind = reader.kind;
      const { doc } = timed('xml', () => parseXml(decoded.text, path, reader.arrayTags));
      const ctx: ReaderContext = { file: path, encoding, options, warn };
      const r = timed('records', () => reader.parse(doc, root, ctx));
      return { path, kind, encoding, byteLength: bytes.length, fingerprint: fp ?? fingerprint(bytes), ...r, data: r.data, warnings, error: null };
    }
    const decoded = timed('decode', () => decodeText(bytes));
    encoding = decoded.encoding;
    if (decoded.text.includes('\u0000')) {
      throw new RaccordError({
        code: 'unknown-layout',
        file: path,
        message: `« ${path} » n'est pas un fichier texte (CSV) ni un export XML : Raccord ne sait pas le lire.`,
        hint: "Si c'est un classeur Excel, enregistrez-le au format « CSV (séparateur : point-virgule) » puis importez ce fichier.",
      });
    }
    const table = timed('csv', () => parseTable(decoded.text));
    let best: (typeof TABLE_READERS)[number] | undefined;
    let bestScore = 0;
    for (const r of TABLE_READERS) {
      const s = r.detect(table, options.tableHints);
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    if (!best || bestScore < 0.5) {
      const header = (table.rows[0] ?? []).slice(0, 8).join(' ; ');
      if (looksLikeOnde(table.rows[0] ?? [])) {
        throw new RaccordError({
          code: 'wrong-portal',
          file: path,
          position: 'ligne 1',
          message: `« ${path} » ressemble à un export ONDE (écoles du premier degré : en-tête « ${header} ») : Raccord rapproche les exports des collèges et des lycées.`,
          hint: "Importez les exports SIECLE et STS-web de l'établissement, la liste des identifiants PRONOTE et l'export des comptes de l'ENT.",
        });
      }
      throw new RaccordError({
        code: 'unknown-layout',
        file: path,
        position: 'ligne 1',
        message: `Les colonnes du fichier « ${path} » ne sont pas reconnues (en-tête : « ${header} »).`,
        hint: "Indiquez à Raccord quelle colonne contient quoi (étape « Correspondance des colonnes » dans l'application), ou utilisez l'export CSV de l'ENT ou la liste des identifiants PRONOTE.",
      });
    }
    const chosen = best;
    kind = chosen.kind;
    const ctx: ReaderContext = { file: path, encoding, options, warn };
    const r = timed('records', () => chosen.parse(table, ctx));
    // A PRONOTE list nobody can tell yet is refused but keeps its rows: decidePronoteLists may
    // still tell it from its names once every file is read.
    const error = r.pronoteList?.decidedBy === 'undecided' ? undecidedListError(path) : null;
    return { path, kind, encoding, byteLength: bytes.length, fingerprint: fp ?? fingerprint(bytes), ...r, data: r.data, warnings, error };
  } catch (e) {
    return failed(path, bytes.length, e, kind, encoding, warnings);
  }
}
