/**
 * Guardian levels in the matcher (a « personne en charge » is a responsible guardian, not a mere
 * contact) and the join key + exact identity that outranks a near-name rival in another class.
 */
import { describe, expect, it } from 'vitest';
import { match } from '../../src/match/index.js';
import type { MatchResult } from '../../src/match/types.js';
import { account, dataset, glink, guardian, prow, pupil } from './builders.js';

const of = (m: MatchResult, login: string) => {
  const a = m.assignments.find((x) => x.entLogin === login);
  if (!a) throw new Error(`no assignment for ${login}`);
  return a;
};

const atLevel = (eleveId: string, personneId: string, level: number) => ({ ...glink(eleveId, personneId), legal: level === 1, level, legalRank: undefined });

describe('guardian levels', () => {
  const base = (level: number) =>
    dataset({
      pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
      guardians: [guardian('G1', 'DUPONT', 'Marie'), guardian('G2', 'ROUX', 'Josette')],
      guardianLinks: [glink('E1', 'G1'), atLevel('E1', 'G2', level)],
      pronoteRows: [
        prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
        prow('R1', 'guardian', 'DUPONT', 'Marie', { children: ['DUPONT Léa (4A)'] }),
        prow('R2', 'guardian', 'ROUX', 'Josette', { children: ['DUPONT Léa (4A)'] }),
      ],
      entAccounts: [
        account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1', division: '4A' }),
        account('josette', 'guardian', 'ROUX', 'Josette', { joinKey: 'G2' }),
      ],
    });

  it('a « personne en charge » (level 2) with a join key, the same name and the child in common → certain', () => {
    const a = of(match(base(2)), 'josette');
    expect(a).toMatchObject({ pronoteId: 'R2', decision: 'certain' });
    expect(a.evidence.join(' ')).not.toContain('simple contact');
  });

  it('a contact (level 3) stays probable: PRONOTE lists legal guardians and people in charge', () => {
    const a = of(match(base(3)), 'josette');
    expect(a).toMatchObject({ pronoteId: 'R2', decision: 'probable' });
    expect(a.evidence.join(' ')).toContain('simple contact de ces enfants');
  });
});

describe('join key + exact identity against a near-name rival in another class', () => {
  // Cousins born the same day: « Léa-Marie » is only a partial name of « Léa », so each SIECLE
  // pupil is a (doubtful) candidate for the other's PRONOTE row.
  const school = (o: { joinKey: boolean; rivalGiven: string; rivalBirth?: string }) =>
    dataset({
      pupils: [
        pupil('E1', 'MOREAU', 'Léa', { birth: '2010-03-14', division: '2NDE1' }),
        pupil('E2', 'MOREAU', o.rivalGiven, { birth: o.rivalBirth ?? '2010-03-14', division: '1G2' }),
      ],
      pronoteRows: [
        prow('PN1', 'pupil', 'MOREAU', 'Léa', { birth: '2010-03-14', division: '2NDE1' }),
        prow('PN2', 'pupil', 'MOREAU', o.rivalGiven, { birth: o.rivalBirth ?? '2010-03-14', division: '1G2' }),
      ],
      entAccounts: [
        account('lea', 'pupil', 'MOREAU', 'Léa', { division: '2NDE1', ...(o.joinKey ? { joinKey: 'E1' } : {}) }),
        account('leamarie', 'pupil', 'MOREAU', o.rivalGiven, { division: '1G2', ...(o.joinKey ? { joinKey: 'E2' } : {}) }),
      ],
    });

  it('the join key, the same name and the same class outrank « Léa-Marie » of 1G2: both certain, each its own row', () => {
    const m = match(school({ joinKey: true, rivalGiven: 'Léa-Marie' }));
    expect(of(m, 'lea')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(of(m, 'leamarie')).toMatchObject({ pronoteId: 'PN2', decision: 'certain' });
    expect(of(m, 'lea').evidence.join(' ')).toContain("l'emporte sur");
    expect(m.pronoteOf.get('siecle:pupil:E1')).toMatchObject({ decision: 'certain' });
  });

  it('the same school without the rule would be probable: the rival pair is a candidate, in another class', () => {
    const m = match(school({ joinKey: false, rivalGiven: 'Léa-Marie' }));
    expect(m.pronoteOf.get('siecle:pupil:E1')).toMatchObject({ decision: 'probable' });
    expect(m.pronoteOf.get('siecle:pupil:E1')!.evidence.join(' ')).toContain('MOREAU Léa-Marie');
  });

  it('without a join key, the near-name rival still keeps it probable', () => {
    const m = match(school({ joinKey: false, rivalGiven: 'Léa-Marie' }));
    expect(of(m, 'lea').decision).toBe('probable');
    expect(of(m, 'lea').pronoteId).toBe('PN1');
  });

  it('a rival with the very same name and birth date in another class is not outranked (same-name-same-birthdate)', () => {
    const m = match(school({ joinKey: true, rivalGiven: 'Léa' }));
    expect(of(m, 'lea').decision).not.toBe('certain');
    expect(of(m, 'leamarie').decision).not.toBe('certain');
  });
});
