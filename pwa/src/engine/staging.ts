/**
 * The files the admin dropped, parsed and waiting to be validated. Nothing here touches the
 * stored data: only `commit` does (engine.ts).
 */
import {
  FILE_KIND_SOURCE,
  countFile,
  decodeText,
  headerSignature,
  isZip,
  parseTable,
  readFile,
  refuseForeignFiles,
  selectFiles,
  type ParsedFile,
  type TableHints,
} from '@raccord/core';
import { unzipSync } from 'fflate';
import { fingerprint, isUsefulZipEntry } from '@raccord/core/formats/read.ts';
import { decidePronoteLists, likeliestProfile, needsContent, referenceNames, type NameSets } from '@raccord/core/formats/pronote-list-kind.ts';
import { nonExportKind, type NonExportKind } from '@raccord/core/formats/not-an-export.ts';
import { listOverlap, looksForeign } from '@raccord/core/formats/list-overlap.ts';
import type { MappingRow } from '../db/schema.ts';
import type { StoredSchool } from '../db/store.ts';
import { fr } from '../i18n/fr.ts';
import type { FileFate, MappingRequest, StagedFile } from './types.ts';

export interface StagedInput {
  id: string;
  name: string;
  lastModified?: number;
  /** Kept to read the file again after the admin maps its columns. */
  bytes: Uint8Array;
  files: ParsedFile[];
  /** Set when the bytes are no export at all (a PDF, a document, a picture, prose). */
  nonExport?: NonExportKind;
}

/** The admin's mappings as core's table hints. */
export function hintsOf(mappings: MappingRow[]): TableHints {
  const out: NonNullable<TableHints['mappings']> = {};
  for (const m of mappings) if (m.kind && m.columns) out[m.signature] = { kind: m.kind, columns: m.columns };
  return { mappings: out };
}

/** Header and first rows of a text table (undefined for XML, zips and binaries). */
function tableHead(bytes: Uint8Array): { header: string[]; sample: string[][] } | undefined {
  if (isZip(bytes)) return undefined;
  const { text } = decodeText(bytes);
  if (text.trimStart().startsWith('<') || text.includes('\u0000')) return undefined;
  const table = parseTable(text.slice(0, 200_000));
  const header = table.rows[0];
  return header ? { header, sample: table.rows.slice(1, 6) } : undefined;
}

/**
 * Reads one input with the admin's mappings. A table whose header is unknown, or a PRONOTE list
 * whose profile cannot be told, gets a mapping request (or is read again with the remembered
 * profile for that header).
 */
export function readInput(id: string, name: string, bytes: Uint8Array, mappings: MappingRow[], schoolYear?: number): StagedInput {
  const hints = hintsOf(mappings);
  // The stored school's year: a SIECLE export that does not say its year is read in it (with a warning).
  const year = schoolYear !== undefined ? { schoolYear } : {};
  let files = readFile(name, bytes, { tableHints: hints, ...year });
  const first = files[0];
  // The admin's declaration for this header comes before the content and the file name.
  const guessed = first?.pronoteList?.decidedBy === 'file-name';
  if (files.length === 1 && (guessed || (first?.error && (first.error.code === 'unknown-layout' || first.error.code === 'missing-column' || first.error.code === 'pronote-profile-unknown')))) {
    const head = tableHead(bytes);
    if (head) {
      const signature = headerSignature(head.header);
      const remembered = mappings.find((m) => m.signature === signature);
      if (remembered?.pronoteProfile) {
        files = readFile(name, bytes, { tableHints: { ...hints, pronoteProfile: remembered.pronoteProfile }, ...year });
      }
    }
  }
  const input: StagedInput = { id, name, bytes, files };
  // Only a file Raccord could not read is looked at: a readable export is never called a PDF.
  if (files.length === 1 && files[0]!.error) {
    const nonExport = nonExportKind(bytes);
    if (nonExport) input.nonExport = nonExport;
  }
  return input;
}

/** Why a failed table read should open the mapping step, if it should. */
export function mappingRequestOf(input: StagedInput, file: ParsedFile): MappingRequest | undefined {
  const code = file.error?.code;
  if (input.nonExport) return undefined;
  if (code !== 'unknown-layout' && code !== 'missing-column' && code !== 'pronote-profile-unknown') return undefined;
  if (input.files.length !== 1) return undefined;
  const head = tableHead(input.bytes);
  if (!head) return undefined;
  const profileMissing = code === 'pronote-profile-unknown';
  return {
    inputId: input.id,
    signature: headerSignature(head.header),
    header: head.header,
    sample: head.sample,
    need: profileMissing ? 'profile' : 'columns',
  };
}

/**
 * The staged files as the admin sees them: PRONOTE lists told by their names, files of another school or year refused against the
 * stored school (or, before the first import, against the majority of the files given), and
 * duplicates or older exports of the same kind flagged.
 */
export function stagedView(
  inputs: StagedInput[],
  school: StoredSchool | undefined,
  stored: ParsedFile[] = [],
  /** Inputs the admin chose to analyse without (« Analyser sans cette liste »). */
  setAside: ReadonlySet<string> = new Set(),
): { staged: StagedFile[]; accepted: ParsedFile[]; acceptedInputs: StagedInput[] } {
  // PRONOTE lists no column told apart are told by their names, among the files given together
  // and the stored ones (`stored`: the current snapshots, loaded only when a list needs them).
  const decided = decidePronoteLists(inputs.flatMap((input) => input.files), stored);
  let k = 0;
  const pairs = inputs.flatMap((input) => input.files.map(() => {
    const f = decided[k++]!;
    return { input, original: f, view: { ...f, warnings: [...f.warnings] } };
  }));
  const views = pairs.map((p) => p.view);
  refuseForeignFiles(views, school ? { uai: school.uai, schoolYear: school.schoolYear } : {});
  const used = new Set(selectFiles(views));
  // The people a list should name: those of the SIECLE/STS-web exports given now and stored.
  const authoritative = (f: ParsedFile) => f.kind.startsWith('siecle') || f.kind === 'sts-emp';
  let reference: NameSets | undefined;
  const people = () => (reference ??= referenceNames([...views.filter((v) => !v.error && used.has(v) && authoritative(v)), ...stored.filter(authoritative)]));
  const staged = pairs.map(({ input, original, view }): StagedFile => {
    const s: StagedFile = {
      inputId: input.id,
      inputName: input.name,
      path: view.path,
      kind: view.kind,
      byteLength: view.byteLength,
      counts: countFile(original),
      warnings: view.warnings,
      error: view.error,
    };
    if (view.encoding) s.encoding = view.encoding;
    if (view.uai) s.uai = view.uai;
    if (view.schoolYear !== undefined) s.schoolYear = view.schoolYear;
    if (view.exportDate) s.exportDate = view.exportDate;
    if (view.layout) s.layout = view.layout;
    if (school && (view.error?.code === 'wrong-school' || view.error?.code === 'wrong-year' || view.error?.code === 'mixed-year')) {
      s.appHint = fr.import.otherSchoolHint(school.uai, school.schoolYear);
    }
    if (input.nonExport && view.error) {
      s.notExport = input.nonExport;
      s.error = { ...view.error, message: fr.import.notExport.message(view.path, input.nonExport), hint: fr.import.notExport.hint };
    }
    const mapping = mappingRequestOf(input, original);
    if (mapping) s.mapping = mapping;
    if (view.error?.code === 'pronote-profile-unknown') {
      const likely = likeliestProfile(view.pronoteList);
      s.unclassified = { rows: view.pronoteList?.content?.rows ?? 0, ...(likely ? { likely } : {}) };
      if (setAside.has(input.id)) s.setAside = true;
    }
    if (!view.error && used.has(view) && (view.kind === 'pronote-ids' || view.kind === 'ent-accounts')) {
      const overlap = listOverlap(view, people());
      if (overlap && looksForeign(overlap)) s.foreignList = overlap;
    }
    s.fate = fateOf(s, view, used, views);
    return s;
  });
  // Files of another school or year are left out; duplicates too. An older export of a kind
  // given together with a newer one is left out as well (selectFiles said so in a warning).
  // The encrypted Index Éducation envelope carries nothing Raccord can use: listed, not stored.
  const kept = pairs.filter((p) => !p.view.error && used.has(p.view) && FILE_KIND_SOURCE[p.view.kind] !== null);
  return { staged, accepted: kept.map((p) => p.original), acceptedInputs: kept.map((p) => p.input) };
}

/** What the import does with one staged file, as the confirmation says it. */
function fateOf(s: StagedFile, view: ParsedFile, used: ReadonlySet<ParsedFile>, views: ParsedFile[]): FileFate {
  if (s.setAside) return { kind: 'set-aside' };
  if (s.error) return { kind: 'refused', why: s.error.message };
  if (FILE_KIND_SOURCE[view.kind] === null) return { kind: 'not-stored', why: fr.import.fate.encryptedWhy };
  if (used.has(view)) return { kind: 'kept' };
  if (view.warnings.some((w) => w.code === 'file.duplicate')) {
    const twin = views.find((v) => v !== view && v.fingerprint === view.fingerprint && !v.error);
    return { kind: 'duplicate', of: twin?.path ?? '' };
  }
  const newer = views.find((v) => v !== view && v.kind === view.kind && used.has(v));
  return { kind: 'superseded', by: newer?.path ?? '' };
}

/** True when a staged PRONOTE list can only be told by names: the stored exports should be compared too. */
export function needsStoredNames(inputs: StagedInput[]): boolean {
  return inputs.some((i) => i.files.some((f) => needsContent(f) || (!f.error && (f.kind === 'pronote-ids' || f.kind === 'ent-accounts'))));
}

/** What reading an input will cost: its size, or for a zip the size of what it holds. */
export function workSize(bytes: Uint8Array): number {
  if (!isZip(bytes)) return bytes.length;
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return bytes.length;
  }
  return total;
}

/**
 * Zips whose every file is also given on its own (the SIECLE zip and the XML taken out of it):
 * such a zip is not read again; its entries are copies of their twins, which core's selection
 * then lists as duplicates. Returns zip input id → entry name → twin input id.
 */
export function zipTwins(inputs: { id: string; bytes: Uint8Array }[]): Map<string, Map<string, string>> {
  const plain = new Map<string, string>();
  for (const i of inputs) if (!isZip(i.bytes)) plain.set(fingerprint(i.bytes), i.id);
  const out = new Map<string, Map<string, string>>();
  if (!plain.size) return out;
  for (const i of inputs) {
    if (!isZip(i.bytes)) continue;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(i.bytes, { filter: (f) => isUsefulZipEntry(f.name) });
    } catch {
      continue;
    }
    const names = Object.keys(entries).sort();
    const twins = new Map<string, string>();
    for (const n of names) {
      const twin = isZip(entries[n]!) ? undefined : plain.get(fingerprint(entries[n]!));
      if (twin) twins.set(n, twin);
    }
    if (names.length && twins.size === names.length) out.set(i.id, twins);
  }
  return out;
}

/** The staged input of a zip all of whose entries were read as their twins. */
export function twinInput(id: string, name: string, bytes: Uint8Array, twins: Map<string, string>, read: Map<string, StagedInput>): StagedInput {
  const files = [...twins].map(([entry, twinId]): ParsedFile => {
    const twin = read.get(twinId)!.files[0]!;
    return { ...twin, path: `${name}/${entry}`, warnings: [...twin.warnings] };
  });
  return { id, name, bytes, files };
}
