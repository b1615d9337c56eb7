import { describe, expect, it } from 'vitest';
import { CHECKS, findingKey, runChecks } from '../../src/checks/index.js';
import { ANOMALY_CODES } from '../../src/sample/types.js';
import type { CheckRule } from '../../src/checks/types.js';
import { account, assign, ctx, dataset, emptyMatch, glink, group, guardian, linkEnt, linkPronote, prow, pupil, ref, teacher } from './fixtures.js';

describe('CHECKS', () => {
  it('registers every rule once, with French title, description and a multi-step fix', () => {
    // The codes the sample school's truth uses, in the same order.
    expect(CHECKS.map((r) => r.code)).toEqual([...ANOMALY_CODES]);
    for (const r of CHECKS) {
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.description.length).toBeGreaterThan(80);
      expect(r.fix.split('\n').length).toBeGreaterThan(1);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
  });
});

describe('runChecks', () => {
  const fake = (code: string, severity: CheckRule['severity'], findings: ReturnType<CheckRule['run']>): CheckRule => ({
    code,
    title: `titre ${code}`,
    severity,
    description: '',
    fix: `fix ${code}`,
    run: () => findings,
  });

  it('fills code, title, severity, fix and a key made of the sorted subject keys', () => {
    const [f] = runChecks(ctx(dataset()), [
      fake('a.rule', 'warning', [{ subjects: [ref.pupil('9'), ref.account('z')], evidence: ['x'] }]),
    ]);
    expect(f).toEqual({
      code: 'a.rule',
      title: 'titre a.rule',
      severity: 'warning',
      subjects: [ref.pupil('9'), ref.account('z')],
      evidence: ['x'],
      fix: 'fix a.rule',
      key: 'a.rule|ent:account:z|siecle:pupil:9',
    });
    expect(findingKey('a.rule', [ref.account('z'), ref.pupil('9')])).toBe(f!.key);
  });

  it("keeps a finding's own severity and fix, merges same-key findings, sorts errors first", () => {
    const found = runChecks(ctx(dataset()), [
      fake('b.info', 'error', [{ subjects: [ref.pupil('1')], evidence: ['récent'], severity: 'info', fix: 'attendre' } as never]),
      fake('c.warn', 'warning', [
        { subjects: [ref.pupil('2')], evidence: ['un'] },
        { subjects: [ref.pupil('2')], evidence: ['un', 'deux'] },
      ]),
      fake('d.err', 'error', [{ subjects: [ref.pupil('3')], evidence: ['e'] }]),
    ]);
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      ['d.err', 'error'],
      ['c.warn', 'warning'],
      ['b.info', 'info'],
    ]);
    expect(found[1]!.evidence).toEqual(['un', 'deux']);
    expect(found[2]!.fix).toBe('attendre');
  });

  it('finds no error in a clean school, and the expected ones in a broken one', () => {
    const lea = pupil('1', 'DUPONT', 'Léa', { groups: ['3LAT'] });
    const mum = guardian('G1', 'DUPONT', 'Marie');
    const prof = teacher('T1', 'MARTIN', 'Paul');
    const ds = dataset({
      pupils: [lea],
      guardians: [mum],
      guardianLinks: [glink('1', 'G1')],
      staff: [prof],
      stsGroups: [group('3LAT', ['3A'], ['T1'])],
      entAccounts: [
        account('lea', 'DUPONT', 'Léa'),
        account('mum', 'DUPONT', 'Marie', { profile: 'guardian' }),
        account('prof', 'MARTIN', 'Paul', { profile: 'teacher' }),
      ],
      pronoteRows: [prow('PN1', 'DUPONT', 'Léa'), prow('PN2', 'DUPONT', 'Marie', { profile: 'guardian' }), prow('PN3', 'MARTIN', 'Paul', { profile: 'teacher' })],
    });
    const m = emptyMatch();
    for (const [login, person, id] of [
      ['lea', ref.pupil('1'), 'PN1'],
      ['mum', ref.guardian('G1'), 'PN2'],
      ['prof', ref.staff('T1'), 'PN3'],
    ] as const) {
      linkEnt(m, login, person);
      linkPronote(m, person, id);
      assign(m, { entLogin: login, pronoteId: id, person });
    }
    expect(runChecks(ctx(ds, m))).toEqual([]);

    const broken = { ...ds, pupils: [{ ...lea, division: '3B', mef: undefined }] };
    const codes = runChecks(ctx(broken, m)).map((f) => `${f.severity} ${f.code}`);
    expect(codes).toEqual(['error siecle.pupil-incomplete', 'warning groups.stale-membership']);
  });
});
