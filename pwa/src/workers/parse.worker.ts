/// <reference lib="webworker" />
/**
 * A parser worker: the engine worker starts a few of these to read several files at once (one
 * per core). Reads one input and hands back its parsed files; the bytes travel both ways as
 * transferred buffers, never copied.
 */
import { expose, transfer } from 'comlink';
import type { MappingRow } from '../db/schema.ts';
import { readInput } from '../engine/staging.ts';

const api = {
  read(id: string, name: string, bytes: Uint8Array, mappings: MappingRow[], schoolYear?: number) {
    const r = readInput(id, name, bytes, mappings, schoolYear);
    return transfer(r, [r.bytes.buffer as ArrayBuffer]);
  },
};

export type ParseApi = typeof api;
expose(api);
