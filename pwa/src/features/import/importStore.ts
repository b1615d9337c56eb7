/**
 * The import in progress: the files read and waiting for validation, and the running job with its
 * progress. Kept outside React so that it survives a visit to another page (the worker keeps
 * the files themselves).
 */
import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ImportOrigin } from '../../db/schema.ts';
import type { CommitSummary, EngineInput, Progress, StagedFile } from '../../engine/types.ts';
import { cancelEngine, engineCall, isCancelled, progressProxy } from '../../lib/engine-client.ts';

export interface ImportState {
  staged: StagedFile[];
  /** Where the staged files came from (the origin recorded with the import). */
  origin: ImportOrigin;
  job: { progress: Progress } | null;
  /** The last job's outcome, for the page to announce. */
  outcome: { kind: 'cancelled' } | { kind: 'committed'; summary: CommitSummary } | { kind: 'error'; message: string } | null;
  /** What the last import did with each file, shown on this page until files are staged again. */
  report: CommitSummary | null;
}

let state: ImportState = { staged: [], origin: 'fichiers', job: null, outcome: null, report: null };
const listeners = new Set<() => void>();

function set(patch: Partial<ImportState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function subscribeImportState(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function currentImportState(): ImportState {
  return state;
}

export function useImportState(): ImportState {
  return useSyncExternalStore(subscribeImportState, currentImportState);
}

let counter = 0;
export function inputId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
}

/** Runs one engine job with progress; a cancel ends it and nothing is stored. */
async function run<T>(first: Progress, job: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> {
  set({ job: { progress: first }, outcome: null });
  // Progress messages cross from the worker asynchronously: one may land after the job ended.
  let running = true;
  const onProgress = progressProxy((p) => {
    if (running) set({ job: { progress: p } });
  });
  try {
    return await job(onProgress);
  } catch (e) {
    if (isCancelled(e)) {
      set({ staged: [], outcome: { kind: 'cancelled' } });
    } else {
      set({ outcome: { kind: 'error', message: e instanceof Error ? e.message : String(e) } });
    }
    return undefined;
  } finally {
    running = false;
    set({ job: null });
  }
}

export const importActions = {
  async add(inputs: EngineInput[], origin: ImportOrigin = 'fichiers'): Promise<void> {
    if (!inputs.length) return;
    const staged = await run({ phase: 'lecture', done: 0, total: inputs.length }, (p) => engineCall((e) => e.stage(inputs, p)));
    if (staged) set({ staged, origin: state.staged.length && state.origin !== origin ? 'fichiers' : origin, report: null });
  },

  /** Generates the sample school, reads it and commits it at once: one click to see Raccord work. */
  async sample(qc: QueryClient): Promise<boolean> {
    const staged = await run({ phase: 'generation', done: 0, total: 1 }, (p) => engineCall((e) => e.stageSample(p)));
    if (!staged) return false;
    set({ staged, origin: 'exemple' });
    if (staged.some((s) => s.error)) return false;
    return importActions.commit(qc);
  },

  async restage(ids: string[]): Promise<void> {
    const staged = await engineCall((e) => e.restage(ids));
    set({ staged });
  },

  async remove(ids: string[]): Promise<void> {
    const staged = await engineCall((e) => e.unstage(ids));
    set({ staged });
  },

  /** « Analyser sans cette liste » for an unclassified PRONOTE list, or taking it back. */
  async setAside(id: string, aside: boolean): Promise<void> {
    const staged = await engineCall((e) => e.setAsideList(id, aside));
    set({ staged });
  },

  /** `force`: the admin's « Enregistrer quand même » on a batch the gate stopped. */
  async commit(qc: QueryClient, force = false): Promise<boolean> {
    const summary = await run({ phase: 'enregistrement', done: 0, total: 1 }, (p) => engineCall((e) => e.commit(state.origin, p, { force })));
    if (!summary) return false;
    // Ask the browser to keep the data (granted silently or not at all, never a prompt in Chrome).
    void navigator.storage?.persist?.().catch(() => false);
    await qc.invalidateQueries();
    set({ staged: [], origin: 'fichiers', outcome: { kind: 'committed', summary }, report: summary });
    return true;
  },

  cancel(): void {
    cancelEngine();
  },

  clearOutcome(): void {
    set({ outcome: null });
  },

  /** After a wipe or a restore. */
  reset(): void {
    set({ staged: [], origin: 'fichiers', job: null, outcome: null, report: null });
  },
};
