/**
 * The page's handle on the engine worker. `cancel()` stops a long import at once by ending the
 * worker (a half-done import is never committed: the database transaction is all or nothing);
 * the next call starts a fresh worker.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Engine } from '../engine/engine.ts';
import type { Progress } from '../engine/types.ts';
import { fr } from '../i18n/fr.ts';

export class CancelledError extends Error {
  constructor() {
    super('annulé');
    this.name = 'CancelledError';
  }
}

type Api = Remote<Engine>;

let worker: Worker | undefined;
let api: Api | undefined;
const pending = new Set<(e: Error) => void>();

function start(): Api {
  if (!api) {
    worker = new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'raccord-moteur' });
    // A worker that fails to start or dies on an uncaught error answers nothing: say so, start afresh.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      stop(new Error(fr.app.engineFailed));
    });
    api = wrap<Engine>(worker);
  }
  return api;
}

/** Runs a call on the engine; rejects with CancelledError if `cancel()` is called meanwhile. */
export function engineCall<T>(fn: (api: Api) => Promise<T>): Promise<T> {
  const remote = start();
  return new Promise<T>((resolve, reject) => {
    const onCancel = (e: Error) => reject(e);
    pending.add(onCancel);
    fn(remote).then(
      (v) => {
        pending.delete(onCancel);
        resolve(v);
      },
      (e: unknown) => {
        pending.delete(onCancel);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** A progress callback that can cross into the worker. */
export function progressProxy(fn: (p: Progress) => void): (p: Progress) => void {
  return proxy(fn);
}

function stop(reason: Error): void {
  worker?.terminate();
  worker = undefined;
  api = undefined;
  const waiting = [...pending];
  pending.clear();
  for (const reject of waiting) reject(reason);
}

/** Stops whatever the engine is doing (the worker is ended; nothing half-written is kept). */
export function cancelEngine(): void {
  stop(new CancelledError());
}

export function isCancelled(e: unknown): boolean {
  return e instanceof CancelledError;
}
