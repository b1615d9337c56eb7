import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSchool } from '../sample/index.js';
import { CliError, type CliIO, type ParsedArgs } from './main.js';

/** `raccord sample --out dir`: the sample school's exports, and its ground truth as `.truth.json`. */
export function runSample(args: ParsedArgs, io: CliIO): number {
  const out = args.flags.out;
  if (typeof out !== 'string') throw new CliError("Indiquez le dossier de sortie avec --out <dossier>.");
  const num = (k: string) => (typeof args.flags[k] === 'string' ? Number(args.flags[k]) : undefined);
  const school = generateSchool({
    seed: num('seed'),
    pupils: num('eleves') ?? num('pupils'),
    anomalies: !args.flags.propre && !args.flags.clean,
  });
  mkdirSync(out, { recursive: true });
  for (const f of school.files) writeFileSync(path.join(out, f.name), f.bytes);
  // A dot-file: folder walkers (the CLI, the app) skip it, so it never reads as an export.
  writeFileSync(path.join(out, '.truth.json'), JSON.stringify(school.truth, null, 1));
  io.out(`Établissement d'exemple écrit dans « ${out} » : ${school.files.length} fichiers (vérité terrain : ${path.join(out, '.truth.json')}).`);
  return 0;
}
