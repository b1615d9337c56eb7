/** RACCORD_PROFIL's stage clock: what it records when on, that it records nothing when off. No timing assertions. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from '../src/formats/read.js';
import { generateSchool } from '../src/sample/index.js';
import { recordStages, timed, type StageTimes } from '../src/util/stages.js';
import { formatProfile, stageProfile } from '../src/cli/profile.js';

afterEach(() => recordStages(undefined));

describe('stage clock', () => {
  it('charges each file of the sample school to its stages: inflate, decode, xml, csv, records', () => {
    const times = recordStages({})!;
    const school = generateSchool({ pupils: 200 });
    expect(school.files.some((f) => f.name.endsWith('.zip'))).toBe(true);
    for (const f of school.files) readFile(f.name, f.bytes);
    expect(Object.keys(times).sort()).toEqual(['csv', 'decode', 'inflate', 'records', 'xml']);
    for (const ms of Object.values(times)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('records nothing once stopped, and still returns what the work returns', () => {
    const times: StageTimes = {};
    const after: string[] = [];
    recordStages(times, (s) => after.push(s));
    recordStages(undefined);
    expect(timed('match', () => 42)).toBe(42);
    expect(times).toEqual({});
    expect(after).toEqual([]);
  });

  it('calls the after-stage hook once per timed call, with its stage', () => {
    const after: string[] = [];
    recordStages({}, (s) => after.push(s));
    timed('match', () => 1);
    timed('checks', () => 2);
    expect(after).toEqual(['match', 'checks']);
  });

  it('adds a stage that throws, and lets the error through', () => {
    const times = recordStages({})!;
    expect(() => timed('checks', () => { throw new Error('raté'); })).toThrow('raté');
    expect(times.checks).toBeGreaterThanOrEqual(0);
  });
});

describe('profile report', () => {
  it('lists every stage in order, the rest as « autres », and the peak memory in MiB', () => {
    const p = stageProfile({ start: 100, match: 250.04, write: 50 }, 500, 204800, { start: 40 * 1048576, match: 150 * 1048576 });
    expect(Object.keys(p.stages)).toEqual(['start', 'read', 'inflate', 'decode', 'xml', 'csv', 'records', 'assemble', 'match', 'checks', 'write', 'other']);
    expect(p.stages.match).toBe(250);
    expect(p.stages.other).toBe(100);
    expect(p.peakMiB).toBe(200);
    const text = formatProfile(p);
    expect(text).toContain('rapprochement');
    expect(text).toMatch(/autres\s+100/);
    expect(text).toMatch(/total\s+500/);
    expect(text).toContain('200 Mio (maximum)');
    expect(p.rssMiB).toEqual({ start: 40, match: 150 });
    expect(text).toMatch(/rapprochement\s+250\s+150 Mio/);
  });
});
