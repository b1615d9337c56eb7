// Deterministic sample school (SIECLE, STS-web, PRONOTE lists, ENT accounts) with its ground truth.
// Pure TypeScript: no Node API, no DOM; runs in a browser worker. See README.md in this folder.

import { zipSync } from 'fflate';
import { injectAnomalies } from './anomalies.js';
import { plantCases } from './planted.js';
import { SCHOOL_NAMES, uaiWithKey } from './data.js';
import { addDays, isIsoDate } from './dates.js';
import { derive } from './derive.js';
import { writeEnvelope } from './envelope.js';
import { writeEnt, writePronoteEleves, writePronoteProfesseurs, writePronoteResponsables } from './lists.js';
import type { Resolved } from './model.js';
import { writeCommuns, writeEleves, writeNomenclature, writeResponsables, writeStructures } from './siecle.js';
import { writeSts } from './sts.js';
import { fold } from './text.js';
import { buildTruth } from './truth.js';
import type { SampleFile, SampleOptions, SampleSchool, TruthFileInfo } from './types.js';
import { buildWorld } from './world.js';

export * from './types.js';

const DEFAULT_UAI = '0310040A';

/**
 * Dates that make the sample look like this week's exports, for the app's « try it » button:
 * the school year running on `today` (ISO) and exports dated three days ago — or, in the
 * summer and the first days of September, the last exports of the school year that ended.
 * Pure: the same `today` always gives the same school.
 */
export function sampleDatesFor(today: string): { schoolYear: number; exportDate: string } {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 3);
  const iso = d.toISOString().slice(0, 10);
  let schoolYear = d.getUTCMonth() + 1 >= 9 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  if (iso < `${schoolYear}-09-09`) schoolYear -= 1;
  const last = `${schoolYear + 1}-07-04`;
  return { schoolYear, exportDate: iso > last ? last : iso };
}

/**
 * The sample school of `today`: the one the app's « Essayer avec l'établissement d'exemple »
 * loads and the one `raccord sample` (and so `npm start`) writes. One definition for both, so
 * the folder and the button are the same school (same seed, same year, same export dates).
 */
export function demoSchoolOptions(today: string): SampleOptions {
  return { seed: 1, ...sampleDatesFor(today) };
}

export function resolveOptions(opts: SampleOptions = {}, schoolName = 'Jean-Jaurès'): Resolved {
  const seed = opts.seed ?? 1;
  const pupils = opts.pupils ?? 2500;
  const staff = opts.staff ?? (opts.pupils === undefined ? 180 : Math.max(30, Math.round((180 * pupils) / 2500)));
  const schoolYear = opts.schoolYear ?? 2025;
  const exportDate = opts.exportDate ?? `${schoolYear}-09-12`;
  const uai = opts.uai ?? DEFAULT_UAI;
  if (!Number.isInteger(seed)) throw new Error('seed must be an integer');
  if (!Number.isInteger(pupils) || pupils < 20 || pupils > 200_000) throw new Error('pupils must be an integer from 20 to 200000');
  if (!Number.isInteger(staff) || staff < 30 || staff > 20_000) throw new Error('staff must be an integer from 30 to 20000');
  if (!isIsoDate(exportDate) || exportDate < `${schoolYear}-09-09` || exportDate > `${schoolYear + 1}-07-04`) {
    throw new Error(`exportDate must be an ISO date within school year ${schoolYear} (from ${schoolYear}-09-09)`);
  }
  if (!/^\d{7}[A-Z]$/.test(uai)) throw new Error('uai must be 7 digits and a letter');
  return {
    seed, pupils, staff, anomalies: opts.anomalies ?? true, uai, schoolYear, exportDate,
    pronoteDate: addDays(exportDate, -7),
    schoolName: `Lycée polyvalent ${schoolName}`,
    schoolShort: fold(schoolName).replace(/-/g, ' '),
    city: 'TOULOUSE',
  };
}

function generate(o: Resolved): SampleSchool {
  const w = buildWorld(o);
  if (o.anomalies) injectAnomalies(w);
  plantCases(w);
  const idx = derive(w);
  const head = w.staff.find((s) => s.role === 'dir');
  const eleves = writeEleves(w);
  const files: (SampleFile & Omit<TruthFileInfo, 'name' | 'bytes'>)[] = [
    { name: 'ElevesSansAdresses.xml', kind: 'siecle', encoding: 'ISO-8859-15', bytes: eleves },
    { name: 'ExportXML_ElevesSansAdresses.zip', kind: 'siecle-zip', encoding: 'ZIP (ElevesSansAdresses.xml, ISO-8859-15)',
      bytes: zipSync({ 'ElevesSansAdresses.xml': [eleves, { mtime: zipTime(o.exportDate) }] }, { level: 6 }) },
    { name: 'ResponsablesAvecAdresses.xml', kind: 'siecle', encoding: 'ISO-8859-15', bytes: writeResponsables(w) },
    { name: 'Nomenclature.xml', kind: 'siecle', encoding: 'ISO-8859-15', bytes: writeNomenclature(w) },
    { name: 'Structures.xml', kind: 'siecle', encoding: 'ISO-8859-15', bytes: writeStructures(w) },
    { name: 'Communs.xml', kind: 'siecle', encoding: 'ISO-8859-15', bytes: writeCommuns(w, head ? `${head.nomUsage.toUpperCase()} ${head.prenom}` : '') },
    { name: `sts_emp_${o.uai}_${o.schoolYear}.xml`, kind: 'sts', encoding: 'ISO-8859-15', bytes: writeSts(w) },
    { name: 'PRONOTE-eleves.csv', kind: 'pronote-ids', encoding: 'Windows-1252; CRLF', bytes: writePronoteEleves(w) },
    { name: 'PRONOTE-professeurs.csv', kind: 'pronote-ids', encoding: 'UTF-8 with BOM; CRLF', bytes: writePronoteProfesseurs(w) },
    { name: 'PRONOTE-responsables.txt', kind: 'pronote-ids', encoding: 'UTF-16 LE with BOM; TAB; CRLF', bytes: writePronoteResponsables(w) },
    { name: `ENT-Identifiants-${o.uai}.A.csv`, kind: 'ent-accounts', encoding: 'Windows-1252; CRLF', bytes: writeEnt(w) },
    { name: `EDT_To_KOSMOS_${o.uai}.xml`, kind: 'index-education', encoding: 'UTF-8', bytes: writeEnvelope(w) },
  ];
  const truth = buildTruth(w, idx, files.map((f) => ({ name: f.name, kind: f.kind, encoding: f.encoding, bytes: f.bytes.length })));
  return { files: files.map((f) => ({ name: f.name, bytes: f.bytes })), truth };
}

/** A fixed local time for ZIP entries (DOS time is local: built from fields, so the bytes never depend on the time zone). */
function zipTime(iso: string): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 8, 30, 0);
}

/** One school: 12 files and their ground truth. Same options → byte-identical output. */
export function generateSchool(opts: SampleOptions = {}): SampleSchool {
  return generate(resolveOptions(opts));
}

export interface AcademyBatchOptions {
  seed?: number;
  schools: number;
  pupilsPerSchool: number;
  anomalies?: boolean;
}

export interface AcademySchool extends SampleSchool {
  uai: string;
}

/** Several schools (UAIs 0310040A, then other valid Toulouse UAIs), e.g. 40 × 1,500 pupils ≈ 100,000 people. */
export function generateAcademyBatch(opts: AcademyBatchOptions): AcademySchool[] {
  const seed = opts.seed ?? 1;
  const out: AcademySchool[] = [];
  for (let i = 0; i < opts.schools; i++) {
    const uai = i === 0 ? DEFAULT_UAI : uaiWithKey(String(310040 + 7 * i).padStart(7, '0'));
    const name = SCHOOL_NAMES[i % SCHOOL_NAMES.length] as string;
    const o = resolveOptions({ seed: seed * 1000 + i, pupils: opts.pupilsPerSchool, uai, anomalies: opts.anomalies ?? true }, name);
    out.push({ uai, ...generate(o) });
  }
  return out;
}
