import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { frDate } from '../model/dates.js';
import { demoSchoolOptions, generateSchool } from '../sample/index.js';
import { CliError, type CliIO, type ParsedArgs } from './main.js';

/**
 * `raccord sample --out dir`: the sample school's exports, and its ground truth as `.truth.json`.
 * By default the school the app's « Essayer avec l'établissement d'exemple » loads today
 * (`--today` fixes the day), so that `npm start`'s folder and the button are the same school.
 */
export function runSample(args: ParsedArgs, io: CliIO): number {
  const out = args.flags.out;
  if (typeof out !== 'string') throw new CliError("Indiquez le dossier de sortie avec --out <dossier>.");
  const num = (k: string) => (typeof args.flags[k] === 'string' ? Number(args.flags[k]) : undefined);
  const today = typeof args.flags.today === 'string' ? args.flags.today : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CliError(`« --today ${today} » : indiquez la date au format AAAA-MM-JJ, par exemple 2026-12-04.`);
  const seed = num('seed');
  const opts = { ...demoSchoolOptions(today), ...(seed !== undefined ? { seed } : {}) };
  const school = generateSchool({ ...opts, pupils: num('eleves') ?? num('pupils'), anomalies: !args.flags.propre && !args.flags.clean });
  mkdirSync(out, { recursive: true });
  for (const f of school.files) writeFileSync(path.join(out, f.name), f.bytes);
  // A dot-file: folder walkers (the CLI, the app) skip it, so it never reads as an export.
  writeFileSync(path.join(out, '.truth.json'), JSON.stringify(school.truth, null, 1));
  const { schoolYear, exportDate } = school.truth.school;
  io.out(
    `Établissement d'exemple écrit dans « ${out} » : ${school.files.length} fichiers, année ${schoolYear}-${schoolYear + 1}, exports du ${frDate(exportDate)} (vérité terrain : ${path.join(out, '.truth.json')}).`,
  );
  if (seed === undefined && !args.flags.eleves && !args.flags.pupils && !args.flags.propre && !args.flags.clean) {
    io.out("C'est le même établissement que le bouton « Essayer avec l'établissement d'exemple » de l'application, ce jour-là.");
  }
  return 0;
}
