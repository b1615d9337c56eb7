/**
 * The import store: a job's progress, its end, and a cancel — with the engine replaced by a fake
 * (the real one runs in a worker).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress, StagedFile } from '../src/engine/types.ts';

const fake = { stage: vi.fn() };
class CancelledError extends Error {}
let rejectPending: ((e: Error) => void) | undefined;

vi.mock('../src/lib/engine-client.ts', () => ({
  engineCall: <T,>(fn: (api: unknown) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      rejectPending = reject;
      fn(fake).then(resolve, reject);
    }),
  progressProxy: (fn: (p: Progress) => void) => fn,
  cancelEngine: () => rejectPending?.(new CancelledError()),
  isCancelled: (e: unknown) => e instanceof CancelledError,
}));

const { importActions, currentImportState: current, subscribeImportState: subscribe } = await import('../src/features/import/importStore.ts');

const staged = (path: string): StagedFile => ({
  inputId: path,
  inputName: path,
  path,
  kind: 'sts-emp',
  byteLength: 1,
  counts: { pupils: 0, pupilsCurrent: 0, guardians: 0, guardiansCurrent: 0, staff: 1, teachers: 1, divisions: 0, groups: 0, pronoteRows: 0, entAccounts: 0 },
  warnings: [],
  error: null,
});

describe("le suivi d'un import", () => {
  beforeEach(() => {
    importActions.reset();
    fake.stage.mockReset();
  });

  it('ends the job when the engine answers, even if a progress message arrives late', async () => {
    let late: ((p: Progress) => void) | undefined;
    fake.stage.mockImplementation(async (_inputs: unknown, onProgress: (p: Progress) => void) => {
      onProgress({ phase: 'lecture', done: 0, total: 1 });
      late = onProgress;
      return [staged('a.xml')];
    });
    let changes = 0;
    const unsubscribe = subscribe(() => (changes += 1));
    await importActions.add([{ id: '1', name: 'a.xml', blob: new Blob(['x']) }]);
    expect(current().job).toBeNull();
    expect(current().staged.map((s) => s.path)).toEqual(['a.xml']);
    late!({ phase: 'lecture', done: 1, total: 1 });
    expect(current().job).toBeNull();
    unsubscribe();
    expect(changes).toBeGreaterThan(1);
  });

  it('a cancel empties the staged files and says so', async () => {
    fake.stage.mockImplementation(() => new Promise(() => {}));
    const running = importActions.add([{ id: '1', name: 'gros.xml', blob: new Blob(['x']) }]);
    expect(current().job?.progress.phase).toBe('lecture');
    importActions.cancel();
    await running;
    expect(current()).toMatchObject({ job: null, staged: [], outcome: { kind: 'cancelled' } });
  });

  it('an engine failure is reported, the staged files kept', async () => {
    fake.stage.mockResolvedValueOnce([staged('a.xml')]);
    await importActions.add([{ id: '1', name: 'a.xml', blob: new Blob(['x']) }]);
    fake.stage.mockRejectedValueOnce(new Error('panne'));
    await importActions.add([{ id: '2', name: 'b.xml', blob: new Blob(['y']) }]);
    expect(current()).toMatchObject({ job: null, outcome: { kind: 'error', message: 'panne' } });
    expect(current().staged.map((s) => s.path)).toEqual(['a.xml']);
  });
});
