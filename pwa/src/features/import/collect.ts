/**
 * Turning what the admin gives (dropped files and folders, a file or folder picker, a paste)
 * into engine inputs. Hidden files (`.truth.json`, `.DS_Store`) and `__MACOSX` are skipped.
 */
import type { EngineInput } from '../../engine/types.ts';
import { fr } from '../../i18n/fr.ts';
import { inputId } from './importStore.ts';

export function isHidden(path: string): boolean {
  return path.split('/').some((p) => p.startsWith('.') || p === '__MACOSX');
}

function toInput(file: File, path = file.webkitRelativePath || file.name): EngineInput {
  return { id: inputId(), name: path, blob: file, ...(file.lastModified ? { lastModified: file.lastModified } : {}) };
}

export function fromFileList(list: FileList | File[] | null): EngineInput[] {
  return [...(list ?? [])].filter((f) => !isHidden(f.webkitRelativePath || f.name)).map((f) => toInput(f));
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(out);
        out.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: EngineInput[]): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (isHidden(path)) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(toInput(file, path));
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out);
  }
}

/** Files and whole folders dropped on the page. */
export async function fromDataTransfer(dt: DataTransfer): Promise<EngineInput[]> {
  const entries = [...dt.items]
    .filter((i) => i.kind === 'file')
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (!entries.length || entries.some((e) => !e)) return fromFileList(dt.files);
  const out: EngineInput[] = [];
  for (const e of entries) await walk(e!, out);
  return out;
}

/** Text pasted from PRONOTE, as a file the engine reads like any other. */
export function fromPaste(text: string, when = new Date()): EngineInput {
  const stamp = `${when.toLocaleDateString('fr-FR').replace(/\//g, '-')} ${when.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }).replace(':', 'h')}`;
  const name = fr.import.pasteName(stamp);
  return { id: inputId(), name, blob: new Blob([new TextEncoder().encode(text)], { type: 'text/plain' }) };
}
