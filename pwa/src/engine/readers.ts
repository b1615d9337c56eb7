/**
 * Who reads the files: in the worker, a pool of parser workers (one per core, a few at most) so
 * that the two big SIECLE files are read at the same time; in tests, the engine itself.
 */
import { transfer, wrap, type Remote } from 'comlink';
import type { MappingRow } from '../db/schema.ts';
import type { ParseApi } from '../workers/parse.worker.ts';
import { readInput, type StagedInput } from './staging.ts';

export interface Readers {
  /** How many files may be read at once. */
  size: number;
  /** `schoolYear`: the stored school's, for a SIECLE export that does not say its year. */
  read(id: string, name: string, bytes: Uint8Array, mappings: MappingRow[], schoolYear?: number): Promise<StagedInput>;
}

export const inProcessReaders: Readers = {
  size: 1,
  read: async (id, name, bytes, mappings, schoolYear) => readInput(id, name, bytes, mappings, schoolYear),
};

/** Parser workers, started on first use; each reads one file at a time. */
export function workerReaders(size: number): Readers {
  const idle: Remote<ParseApi>[] = [];
  let started = 0;
  const waiting: ((w: Remote<ParseApi>) => void)[] = [];
  const acquire = (): Promise<Remote<ParseApi>> => {
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    if (started < size) {
      started += 1;
      return Promise.resolve(wrap<ParseApi>(new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module', name: `raccord-lecture-${started}` })));
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (w: Remote<ParseApi>) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    size,
    async read(id, name, bytes, mappings, schoolYear) {
      const w = await acquire();
      try {
        return (await w.read(id, name, transfer(bytes, [bytes.buffer as ArrayBuffer]), mappings, schoolYear)) as StagedInput;
      } finally {
        release(w);
      }
    },
  };
}
