import { useEffect, useRef } from 'react';
import type { Progress } from '../../engine/types.ts';
import { fr } from '../../i18n/fr.ts';

function label(p: Progress): string {
  switch (p.phase) {
    case 'lecture':
      return fr.import.progress.lecture(Math.min(p.done + 1, p.total), p.total, p.name);
    default:
      return fr.import.progress[p.phase];
  }
}

/** The running import: what it is doing, how far it is, and a way to stop it. */
export function ImportProgress({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  const determinate = progress.phase === 'lecture' && progress.total > 0;
  return (
    <div className="import-progress card" role="group" aria-label={fr.import.progressLabel}>
      <p aria-live="polite">{label(progress)}</p>
      {determinate ? (
        <progress max={progress.total} value={progress.done} aria-label={fr.import.progressLabel} />
      ) : (
        <progress aria-label={fr.import.progressLabel} />
      )}
      <button ref={cancelRef} type="button" className="button-secondary" onClick={onCancel}>
        {fr.import.cancel}
      </button>
    </div>
  );
}
