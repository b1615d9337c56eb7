/**
 * The import's gate, from the staged files alone: light enough for the page (no reader in it),
 * and the same rule the engine's commit applies.
 */
import type { StagedFile } from './types.ts';

/**
 * What stops « Enregistrer et analyser »: PRONOTE lists not told yet (the admin indicates the
 * list or analyses without it), and what only an explicit « Enregistrer quand même » lets in:
 * a batch where most exports are refused, or a list whose names are mostly not the school's.
 */
export interface ImportGate {
  undecided: StagedFile[];
  refused: number;
  kept: number;
  mostlyRefused: boolean;
  foreignLists: StagedFile[];
  /** Held back until the admin forces it. */
  stopped: boolean;
}

export function importGate(staged: StagedFile[]): ImportGate {
  const undecided = staged.filter((s) => s.error?.code === 'pronote-profile-unknown' && !s.setAside);
  // Files that are no export, and lists the admin set aside, are not « refused exports ».
  const refused = staged.filter((s) => s.error && !s.setAside && !s.notExport && s.error.code !== 'pronote-profile-unknown').length;
  const kept = staged.filter((s) => s.fate?.kind === 'kept').length;
  const mostlyRefused = kept > 0 && refused > kept;
  const foreignLists = staged.filter((s) => s.foreignList);
  return { undecided, refused, kept, mostlyRefused, foreignLists, stopped: mostlyRefused || foreignLists.length > 0 };
}
