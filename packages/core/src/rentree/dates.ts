/**
 * Year and date sanity of the imported files: last year's exports, an export much older than the
 * others, a list that carries no export date (said as such: the date it was imported is not the
 * date it was exported).
 */
import type { SchoolDataset } from '../model/dataset.js';
import { frDate } from '../model/dates.js';
import { FILE_KIND_LABEL } from '../model/types.js';
import { daysBetween } from '../checks/common.js';
import type { FileDateNote } from './types.js';

/** An export this many days older than the newest one is « much older ». */
export const OLDER_EXPORT_DAYS = 30;

/** The school year running on an ISO date: it starts on 1 September (2026-12-04 → 2026, i.e. 2026-2027). */
export function schoolYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 9 ? year : year - 1;
}

export function yearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** A French count: 1 471 → « 1 471 » (narrow no-break space), the same in Node and every browser. */
export function nb(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** « 1 élève », « 2 élèves ». */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${nb(n)} ${n === 1 || n === 0 ? one : many}`;
}

export function ageFr(days: number): string {
 return days < 0 ? "date postérieure à aujourd'hui" : days === 0 ? "aujourd'hui" : days === 1 ? 'hier' : `il y a ${nb(days)} jours`;
}

/** One note per read file (refused files are listed on the import screen, not here). */
export function fileNotes(ds: SchoolDataset, today: string, currentYear: number): FileDateNote[] {
  // A zip and the XML it holds are one export: the twin is left out, as the dataset leaves it out.
  const read = ds.files.filter((f) => !f.error && f.kind !== 'unknown' && !f.warnings.some((w) => w.code === 'file.duplicate'));
  const newest = read.map((f) => f.exportDate?.slice(0, 10)).filter((d): d is string => !!d).sort().pop();
  return read.map((f) => {
    const label = FILE_KIND_LABEL[f.kind];
    const problems: FileDateNote['problems'] = [];
    const parts: string[] = [];
    const date = f.exportDate?.slice(0, 10);
    if (f.schoolYear !== undefined) {
      parts.push(`année ${yearLabel(f.schoolYear)}`);
      if (f.schoolYear < currentYear) {
        problems.push('last-year');
        parts.push(f.schoolYear === currentYear - 1 ? "l'an dernier" : 'une année passée');
      }
    } else if (date && date < `${currentYear}-09-01`) {
      problems.push('last-year');
      parts.push(`exporté avant la rentrée ${currentYear}`);
    }
    if (date) {
      parts.push(`exporté le ${frDate(date)} (${ageFr(daysBetween(date, today))})`);
      if (newest && daysBetween(date, newest) > OLDER_EXPORT_DAYS) {
        problems.push('older');
        parts.push(`${nb(daysBetween(date, newest))} jours avant l'export le plus récent (${frDate(newest)})`);
      }
    } else {
      problems.push('no-date');
      parts.push("date d'export inconnue (le fichier ne la donne pas)");
    }
    const note: FileDateNote = { path: f.path, kind: f.kind, label, text: `${label} : ${parts.join(', ')}.`, problems };
    if (f.schoolYear !== undefined) note.schoolYear = f.schoolYear;
    if (f.exportDate) note.exportDate = f.exportDate;
    return note;
  });
}

/** The sentences the admin must read before trusting the steps. */
export function dateWarnings(notes: FileDateNote[], currentYear: number, dataYear: number | undefined, today: string): string[] {
  const out: string[] = [];
  if (dataYear !== undefined && dataYear < currentYear) {
    out.push(
      `Les exports SIECLE et STS-web lus sont de l'année scolaire ${yearLabel(dataYear)} ; l'année en cours est ${yearLabel(currentYear)} (nous sommes le ${frDate(today)}). Ce sont les fichiers de l'an dernier : exportez-les à nouveau après la bascule.`,
    );
  } else {
    const last = notes.filter((n) => n.problems.includes('last-year'));
    if (last.length) out.push(`${plural(last.length, 'fichier')} de l'an dernier ou d'avant la rentrée ${currentYear} : ${last.map((n) => n.path).join(', ')}.`);
  }
  const older = notes.filter((n) => n.problems.includes('older'));
  if (older.length) {
    out.push(`${plural(older.length, 'export')} bien plus ${older.length > 1 ? 'anciens' : 'ancien'} que les autres (plus de ${OLDER_EXPORT_DAYS} jours) : ${older.map((n) => `${n.path} (${frDate(n.exportDate)})`).join(', ')}. Exportez-les à nouveau pour comparer des données du même moment.`);
  }
  const undated = notes.filter((n) => n.problems.includes('no-date'));
  if (undated.length) {
    out.push(`${plural(undated.length, 'liste')} sans date d'export (${undated.map((n) => n.path).join(', ')}) : Raccord ne sait pas de quand ${undated.length > 1 ? 'elles datent' : 'elle date'} ; la date d'import n'est pas la date d'export.`);
  }
  return out;
}
