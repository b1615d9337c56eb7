import { describe, expect, it } from 'vitest';
import { staleMembership } from '../../src/checks/stale-membership.js';
import { unknownGroup } from '../../src/checks/unknown-group.js';
import { invalidGroupName } from '../../src/checks/invalid-group-name.js';
import { teacherWithoutService } from '../../src/checks/teacher-without-service.js';
import { ctx, dataset, group, pupil, teacher } from './fixtures.js';

describe('groups.stale-membership', () => {
  const staff = [teacher('T1', 'MARTIN', 'Paul'), teacher('T2', 'ROUX', 'Anne')];
  const stsGroups = [group('4ALL1', ['4A', '4B'], ['T1']), group('4LAT', ['4C'], ['T2'])];

  it('names the pupil, the old group and the teachers who wrongly appear in the new class', () => {
    const moved = pupil('1', 'DUPONT', 'Léa', { division: '4C', groups: ['4ALL1', '4LAT'] });
    const ds = dataset({ pupils: [moved], staff, stsGroups });
    const [f, ...rest] = staleMembership.run(ctx(ds));
    expect(rest).toEqual([]);
    expect(f!.subjects).toEqual([
      { source: 'siecle', kind: 'pupil', id: '1', label: 'DUPONT Léa (4C)' },
      { source: 'sts', kind: 'group', id: '4ALL1', label: 'groupe 4ALL1' },
      { source: 'siecle', kind: 'group', id: '4C', label: 'classe 4C' },
    ]);
    const text = f!.evidence.join('\n');
    expect(text).toContain('rattaché à 4A, 4B');
    expect(text).toContain('MARTIN Paul (matière 030201)');
    expect(text).not.toContain('ROUX');
  });

  it('falls back to SIECLE Structures.xml when STS-web is absent', () => {
    const moved = pupil('1', 'DUPONT', 'Léa', { division: '4C', groups: ['4ALL1'] });
    const ds = dataset({ pupils: [moved], siecleGroups: [{ code: '4ALL1', mefs: [], divisions: ['4A'] }] });
    expect(staleMembership.run(ctx(ds))[0]!.evidence[1]).toContain('SIECLE, Structures');
  });

  it('says nothing for a group with no known divisions, an unknown group, or a leaver', () => {
    const ds = dataset({
      pupils: [
        pupil('1', 'A', 'B', { division: '4C', groups: ['OPEN', 'NOWHERE'] }),
        pupil('2', 'C', 'D', { division: '4C', groups: ['4ALL1'], left: true }),
      ],
      stsGroups: [group('OPEN', [])],
    });
    expect(staleMembership.run(ctx(ds))).toEqual([]);
  });
});

describe('groups.unknown-group', () => {
  it('lists SIECLE groups STS-web does not know, once per group', () => {
    const ds = dataset({
      pupils: [pupil('1', 'A', 'B', { groups: ['3LAT', '3OLD'] }), pupil('2', 'C', 'D', { groups: ['3OLD'] })],
      stsGroups: [group('3LAT', ['3A'])],
      staff: [teacher('T1', 'X', 'Y')],
    });
    const found = unknownGroup.run(ctx(ds));
    expect(found).toHaveLength(1);
    expect(found[0]!.subjects[0]).toMatchObject({ source: 'siecle', kind: 'group', id: '3OLD' });
    expect(found[0]!.evidence[0]).toContain('2 élève(s)');
  });

  it('leaves alone a SIECLE group no current pupil is in', () => {
    const ds = dataset({
      pupils: [pupil('1', 'A', 'B', { groups: ['3OLD'], left: true }), pupil('2', 'C', 'D', { groups: ['3LAT'] })],
      siecleGroups: [{ code: 'VIDE', mefs: [], divisions: [] }, { code: '3OLD', mefs: [], divisions: [] }, { code: '3NEW', mefs: [], divisions: [] }],
      stsGroups: [group('3LAT', ['3A'])],
    });
    expect(unknownGroup.run(ctx(ds))).toEqual([]);
    ds.pupils.push(pupil('3', 'E', 'F', { groups: ['3NEW'] }));
    expect(unknownGroup.run(ctx(dataset({ ...ds, pupils: ds.pupils }))).map((f) => f.subjects[0]!.id)).toEqual(['3NEW']);
  });

  it('does not call a long SIECLE-made code refused when STS-web holds no cut form of it', () => {
    const ds = dataset({ pupils: [pupil('1', 'A', 'B', { groups: ['BTS NDRC 1 GROUPE 1'] })], stsGroups: [group('3LAT', ['3A'])] });
    const text = unknownGroup.run(ctx(ds))[0]!.evidence.join('\n');
    expect(text).not.toContain('Nom de groupe refusé');
    expect(text).toContain("Si ce groupe vient d'EDT");
  });

  it('points at the truncated STS-web name of an over-long group', () => {
    const ds = dataset({ pupils: [pupil('1', 'A', 'B', { groups: ['1ARA1STMG'] })], stsGroups: [group('1ARA1STM', ['1A'])] });
    expect(unknownGroup.run(ctx(ds))[0]!.evidence.join()).toContain('STS-web connaît « 1ARA1STM »');
  });

  it('does nothing without an STS-web export', () => {
    expect(unknownGroup.run(ctx(dataset({ pupils: [pupil('1', 'A', 'B', { groups: ['G'] })] })))).toEqual([]);
  });
});

describe('groups.invalid-name', () => {
  it('flags STS-web codes, and SIECLE codes STS-web holds under their cut or stripped name', () => {
    const ds = dataset({
      pupils: [pupil('1', 'A', 'B', { groups: ['1ARA1STMG', '3 ESP-1', 'LV2_ALL'] })],
      stsGroups: [group('3LV2/ESP', ['3A']), group('3 ESP-1', ['3A']), group('1ARA1STM', ['1A']), group('GR1', [])],
      siecleGroups: [{ code: 'GR.1', mefs: [], divisions: [] }],
    });
    const found = invalidGroupName.run(ctx(ds));
    expect(found.map((f) => f.subjects[0]!.id)).toEqual(['1ARA1STMG', '3LV2/ESP', 'GR.1']);
    expect(found[0]!.evidence[0]).toContain('9 caractères');
    expect(found[0]!.evidence[0]).toContain('« 1ARA1STM »');
    expect(found[0]!.evidence[0]).toContain('STS-web le connaît sous « 1ARA1STM »');
    expect(found[1]!.evidence[0]).toContain('« / »');
    expect(found[1]!.subjects[0]!.source).toBe('sts');
    expect(found[2]!.evidence[0]).toContain('STS-web le connaît sous « GR1 »');
  });

  it('never holds a SIECLE group of its own to the 8-character rule (a lycée\'s « BTS NDRC 1 GROUPE 1 »)', () => {
    // The shape of a working lycée's SIECLE export: group codes of 9–20 characters made in SIECLE,
    // with pupils, next to an STS-web export whose own codes are all valid.
    const long = ['BTS NDRC 1 GROUPE 1', 'BTS NDRC 1 GROUPE 2', '1ERE SPE HGGSP', 'TLE EURO ANGLAIS', 'AP FRANCAIS 2NDE'];
    const ds = dataset({
      pupils: long.map((code, i) => pupil(String(i), 'A', `B${i}`, { groups: [code] })),
      siecleGroups: long.map((code) => ({ code, label: `${code} (libellé)`, mefs: [], divisions: [] })),
      stsGroups: [group('1SPEHG', ['1A']), group('TEURO', ['TA'])],
    });
    expect(invalidGroupName.run(ctx(ds))).toEqual([]);
    // Without STS-web, nothing to compare with: nothing said either.
    expect(invalidGroupName.run(ctx(dataset({ siecleGroups: [{ code: '2LAT/GRC', mefs: [], divisions: [] }] })))).toEqual([]);
  });

  it('accepts exactly 8 allowed characters', () => {
    const ds = dataset({ stsGroups: [group('1AB-_ 9z', ['1A'])] });
    expect(invalidGroupName.run(ctx(ds))).toEqual([]);
  });
});

describe('sts.teacher-without-service', () => {
  it('finds a teacher in no service, and says REP or SUP', () => {
    const ds = dataset({
      staff: [
        teacher('T1', 'MARTIN', 'Paul'),
        teacher('T2', 'ROUX', 'Anne'),
        teacher('T3', 'NOËL', 'Léon', { substitute: true, type: 'eppsup' }),
        teacher('D1', 'CHEF', 'Ève', { function: 'DIR' }),
      ],
      stsGroups: [group('3LAT', ['3A'], ['T1'])],
    });
    const found = teacherWithoutService.run(ctx(ds));
    expect(found.map((f) => f.subjects[0]!.id)).toEqual(['T2', 'T3']);
    expect(found[0]!.evidence[1]).toContain('Changement support');
    expect(found[1]!.evidence[1]).toContain('Services suppléments');
  });

  it('stays silent when STS-web has no service at all (before the remontée)', () => {
    expect(teacherWithoutService.run(ctx(dataset({ staff: [teacher('T1', 'A', 'B')] })))).toEqual([]);
  });
});
