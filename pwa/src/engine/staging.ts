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
import { decidePronoteLists, needsContent } from '@raccord/core/formats/pronote-list-kind.ts';
import type { MappingRow } from '../db/schema.ts';
import type { StoredSchool } from '../db/store.ts';
import { fr } from '../i18n/fr.ts';
import type { MappingRequest, StagedFile } from './types.ts';

export interface StagedInput {
  id: string;
  name: string;
  lastModified?: number;
  /** Kept to read the file again after the admin maps its columns. */
  bytes: Uint8Array;
  files: ParsedFile[];
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
  return { id, name, bytes, files };
}

/** Why a failed table read should open the mapping step, if it should. */
export function mappingRequestOf(input: StagedInput, file: ParsedFile): MappingRequest | undefined {
  const code = file.error?.code;
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
    const mapping = mappingRequestOf(input, original);
    if (mapping) s.mapping = mapping;
    return s;
  });
  // Files of another school or year are left out; duplicates too. An older export of a kind
  // given together with a newer one is left out as well (selectFiles said so in a warning).
  // The encrypted Index Éducation envelope carries nothing Raccord can use: listed, not stored.
  const kept = pairs.filter((p) => !p.view.error && used.has(p.view) && FILE_KIND_SOURCE[p.view.kind] !== null);
  return { staged, accepted: kept.map((p) => p.original), acceptedInputs: kept.map((p) => p.input) };
}

/** True when a staged PRONOTE list can only be told by names: the stored exports should be compared too. */
export function needsStoredNames(inputs: StagedInput[]): boolean {
  return inputs.some((i) => i.files.some(needsContent));
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
