import { describe, expect, it } from 'vitest';
import { match } from '../../src/match/index.js';
import type { MatchResult } from '../../src/match/types.js';
import { account, dataset, glink, guardian, prow, pupil, staff } from './builders.js';

const of = (m: MatchResult, login: string) => {
  const a = m.assignments.find((x) => x.entLogin === login);
  if (!a) throw new Error(`no assignment for ${login}`);
  return a;
};

describe('pupils: identifiers, then names with beyond-name evidence', () => {
  it('join key + same name, birth date and class → certain, with the evidence in French', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('lea.dupont', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1', division: '4A' })],
      }),
    );
    const a = of(m, 'lea.dupont');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'certain', status: 'linked' });
    expect(a.person).toMatchObject({ source: 'siecle', kind: 'pupil', id: 'E1' });
    expect(a.evidence).toContain('compte ENT / fiche SIECLE : même identifiant SIECLE (clé de jointure)');
    expect(a.evidence).toContain('fiche SIECLE / fiche PRONOTE : même nom, même date de naissance, même classe');
    expect(m.entOwner.get('lea.dupont')?.decision).toBe('certain');
    expect(m.pronoteOf.get('siecle:pupil:E1')?.to.id).toBe('PN1');
    expect(m.entOf.get('siecle:pupil:E1')?.map((l) => l.from.id)).toEqual(['lea.dupont']);
    expect(m.links).toHaveLength(2);
  });

  it.each([
    ['accents dropped in PRONOTE', ['BÉRANGER', 'Hélène'], ['BERANGER', 'Helene']],
    ['hyphen vs space', ['DURAND', 'Jean-Baptiste'], ['DURAND', 'Jean Baptiste']],
    ['compound given name in part', ['DURAND', 'Jean-Baptiste'], ['DURAND', 'Jean']],
    ['particle dropped', ['DE LA FONTAINE', 'Jean'], ['LA FONTAINE', 'Jean']],
    ['apostrophe', ["N'DIAYE", 'Awa'], ['NDIAYE', 'Awa']],
    ['œ / oe', ['LŒUILLET', 'Chloé'], ['LOEUILLET', 'Chloé']],
  ])('%s → certain when birth date and class agree', (_, [f1, g1], [f2, g2]) => {
    const m = match(
      dataset({
        pupils: [pupil('E1', f1!, g1!, { birth: '2010-03-04', division: '4A' }), pupil('E2', 'AUTRE', 'Tom', { birth: '2010-01-01', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', f2!, g2!, { birth: '2010-03-04', division: '4A' }), prow('PN2', 'pupil', 'AUTRE', 'Tom', { birth: '2010-01-01', division: '4A' })],
        entAccounts: [account('a', 'pupil', f1!, g1!, { joinKey: 'E1' })],
      }),
    );
    const a = of(m, 'a');
    expect(a.decision).toBe('certain');
    expect(a.pronoteId).toBe('PN1');
    expect(a.evidence.some((e) => e.includes('même nom, écrit autrement'))).toBe(true);
  });

  it('usage name in the ENT and PRONOTE, family name in SIECLE → certain', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'MARTIN', 'Inès', { usage: 'DURAND', birth: '2011-05-06', division: '5B' })],
        pronoteRows: [prow('PN1', 'pupil', 'DURAND', 'Inès', { birth: '2011-05-06', division: '5B' })],
        entAccounts: [account('ines', 'pupil', 'DURAND', 'Inès', { division: '5B' })],
      }),
    );
    expect(of(m, 'ines')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
  });

  it('an ENT account without join key is linked by name and class', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }), pupil('E2', 'DUPONT', 'Tom', { birth: '2012-03-04', division: '6C' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('lea', 'pupil', 'Dupont', 'Lea', { division: '4A' })],
      }),
    );
    const a = of(m, 'lea');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(m.entOwner.get('lea')?.evidence[0]).toBe('même nom, écrit autrement, même classe');
  });

  it('INE agreement survives a typo in the name', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { ine: '123456789AB', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPOND', 'Léa', { ine: '123456789ab' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(of(m, 'a').evidence.join('\n')).toContain('même INE');
  });

  it('another INE rules a row out even with the same name and birth date', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { ine: '111', birth: '2010-03-04' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { ine: '222', birth: '2010-03-04' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: null, status: 'no-pronote-row' });
  });

  it('a class change (same name and birth date, another class) is only probable', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4B' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    const a = of(m, 'a');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    expect(a.evidence.join('\n')).toContain('classe différente : 4B dans SIECLE, 4A dans PRONOTE');
  });

  it('a name alone (no birth date, no class) is only probable', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa')],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa')],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
  });

  it('a birth date one digit off keeps the row, at most probable', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-04-03', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    expect(of(m, 'a').evidence.join('\n')).toContain('date de naissance proche');
  });

  it('a pupil missing from PRONOTE gets no ID, and says why', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [prow('PN9', 'pupil', 'AUTRE', 'Tom', { birth: '2010-01-01', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    const a = of(m, 'a');
    expect(a).toMatchObject({ pronoteId: null, status: 'no-pronote-row' });
    expect(a.evidence.join('\n')).toContain('élève arrivé après le dernier export PRONOTE');
  });

  it('without SIECLE files, the ENT account is linked to PRONOTE directly', () => {
    const m = match(
      dataset({
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { division: '4A' })],
      }),
    );
    const a = of(m, 'a');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(a.evidence[0]).toBe('compte ENT / fiche PRONOTE : même nom, même classe');
  });

  it('an ENT account that SIECLE does not know is linked to PRONOTE at most probable', () => {
    const m = match(
      dataset({
        pupils: [pupil('E2', 'AUTRE', 'Tom', { division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { division: '4A' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
  });

  it('an unknown join key falls back to the name, at most probable', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }), pupil('E2', 'AUTRE', 'Tom')],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E999', division: '4A' }), account('b', 'pupil', 'AUTRE', 'Tom', { joinKey: 'E2' })],
      }),
    );
    const a = of(m, 'a');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    expect(a.evidence.join('\n')).toContain('la clé de jointure E999 ne correspond à aucune fiche');
  });

  it('join keys of another kind (none matches) are ignored, names decide', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'AAF-77', division: '4A' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
  });

  it("the ENT's current PRONOTE ID is reported, and a wrong one does not win", () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }), pupil('E2', 'DUPONT', 'Tom', { birth: '2012-01-01', division: '6A' })],
        pronoteRows: [
          prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
          prow('PN2', 'pupil', 'DUPONT', 'Tom', { birth: '2012-01-01', division: '6A' }),
        ],
        entAccounts: [
          account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1', pronoteId: 'PN2' }),
          account('tom', 'pupil', 'DUPONT', 'Tom', { joinKey: 'E2', pronoteId: 'PN2' }),
        ],
      }),
    );
    const lea = of(m, 'lea');
    expect(lea).toMatchObject({ pronoteId: 'PN1', decision: 'certain', currentPronoteId: 'PN2' });
    expect(lea.evidence.join('\n')).toContain("l'ENT porte aujourd'hui l'identifiant PN2, celui de DUPONT Tom (6A) dans PRONOTE");
    expect(of(m, 'tom').evidence).toContain("l'ENT porte déjà cet identifiant PRONOTE");
  });
});

describe('traps: never certain', () => {
  it('homonyms the data cannot separate (same name and birth date, no class in PRONOTE) → ambiguous, all listed', () => {
    const m = match(
      dataset({
        pupils: [
          pupil('E1', 'MARTIN', 'Lucas', { birth: '2010-03-04', division: '4A' }),
          pupil('E2', 'MARTIN', 'Lucas', { birth: '2010-03-04', division: '4B' }),
        ],
        pronoteRows: [prow('PN1', 'pupil', 'MARTIN', 'Lucas', { birth: '2010-03-04' }), prow('PN2', 'pupil', 'MARTIN', 'Lucas', { birth: '2010-03-04' })],
        entAccounts: [account('l1', 'pupil', 'MARTIN', 'Lucas', { joinKey: 'E1' }), account('l2', 'pupil', 'MARTIN', 'Lucas', { joinKey: 'E2' })],
      }),
    );
    for (const login of ['l1', 'l2']) {
      const a = of(m, login);
      expect(a.decision).toBe('ambiguous');
      expect(a.pronoteId).toBeNull();
      expect(a.candidates?.map((c) => c.pronoteId).sort()).toEqual(['PN1', 'PN2']);
    }
    expect(m.pronoteOf.get('siecle:pupil:E1')?.evidence[0]).toMatch(/^2 candidats possibles : MARTIN Lucas, MARTIN Lucas/);
  });

  it('two PRONOTE rows with the same normalised name and birth date: never certain, even when the class tells', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [
          prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
          prow('PN2', 'pupil', 'Dupont', 'Lea', { birth: '2010-03-04', division: '3C' }),
        ],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    const a = of(m, 'a');
    expect(a.decision).not.toBe('certain');
    expect(a.pronoteId === null || a.pronoteId === 'PN1').toBe(true);
  });

  it('two PRONOTE rows with the same name and birth date: not certain even when the INE tells', () => {
    const ds = dataset({
      pupils: [
        pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A', ine: '111' }),
        pupil('E2', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '3C', ine: '222' }),
      ],
      pronoteRows: [
        prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A', ine: '111' }),
        prow('PN2', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '3C', ine: '222' }),
      ],
      entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
    });
    const a = of(match(ds), 'a');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    expect(a.evidence.join('\n')).toContain('une autre fiche PRONOTE porte le même nom et la même date de naissance : DUPONT Léa (3C)');
    const confirmed = of(match(ds, { confirmed: ['siecle:pupil:E1→pronote:row:PN1'] }), 'a');
    expect(confirmed.confirmedByAdmin).toBe(true);
  });

  it('the same: two rows, no class anywhere → ambiguous', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04' }), prow('PN2', 'pupil', 'DUPONT', 'LEA', { birth: '2010-03-04' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ decision: 'ambiguous', pronoteId: null });
  });

  it('twins whose given names are one letter apart (Léa / Léna): not certain', () => {
    const m = match(
      dataset({
        pupils: [
          pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
          pupil('E2', 'DUPONT', 'Léna', { birth: '2010-03-04', division: '4A' }),
        ],
        pronoteRows: [
          prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
          prow('PN2', 'pupil', 'DUPONT', 'Léna', { birth: '2010-03-04', division: '4A' }),
        ],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' }), account('b', 'pupil', 'DUPONT', 'Léna', { joinKey: 'E2' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    expect(of(m, 'b')).toMatchObject({ pronoteId: 'PN2', decision: 'probable' });
    expect(of(m, 'a').evidence.join('\n')).toContain('la fiche PRONOTE DUPONT Léa (4A) ressemble aussi à : DUPONT Léna (4A)');
  });

  it('twins with clearly different given names (Tom / Léa, Louis / Louise) are certain', () => {
    const m = match(
      dataset({
        pupils: [
          pupil('E1', 'DUPONT', 'Louis', { birth: '2010-03-04', division: '4A' }),
          pupil('E2', 'DUPONT', 'Louise', { birth: '2010-03-04', division: '4A' }),
          pupil('E3', 'DUPONT', 'Tom', { birth: '2010-03-04', division: '4A' }),
        ],
        pronoteRows: [
          prow('PN1', 'pupil', 'DUPONT', 'Louis', { birth: '2010-03-04', division: '4A' }),
          prow('PN2', 'pupil', 'DUPONT', 'Louise', { birth: '2010-03-04', division: '4A' }),
          prow('PN3', 'pupil', 'DUPONT', 'Tom', { birth: '2010-03-04', division: '4A' }),
        ],
        entAccounts: [
          account('a', 'pupil', 'DUPONT', 'Louis', { joinKey: 'E1' }),
          account('b', 'pupil', 'DUPONT', 'Louise', { joinKey: 'E2' }),
          account('c', 'pupil', 'DUPONT', 'Tom', { joinKey: 'E3' }),
        ],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(of(m, 'b')).toMatchObject({ pronoteId: 'PN2', decision: 'certain' });
    expect(of(m, 'c')).toMatchObject({ pronoteId: 'PN3', decision: 'certain' });
  });

  it('twins with the same given name in the same class (duplicate records): not certain', () => {
    const m = match(
      dataset({
        pupils: [
          pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
          pupil('E2', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
        ],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' }), account('b', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E2' })],
      }),
    );
    for (const l of ['a', 'b']) expect(of(m, l).decision).not.toBe('certain');
  });

  it('a hand-made duplicate pupil (accent missing, same guardians): both accounts get the same ID', () => {
    const m = match(
      dataset({
        pupils: [
          pupil('E1', 'BÉRANGER', 'Zoé', { birth: '2010-03-04', division: '4A', ine: '111' }),
          pupil('E9', 'BERANGER', 'Zoe', { birth: '2010-03-04', division: '4A' }),
        ],
        guardians: [guardian('G1', 'BÉRANGER', 'Anne')],
        guardianLinks: [glink('E1', 'G1'), glink('E9', 'G1')],
        pronoteRows: [prow('PN1', 'pupil', 'BÉRANGER', 'Zoé', { birth: '2010-03-04', division: '4A', ine: '111' })],
        entAccounts: [account('z1', 'pupil', 'BÉRANGER', 'Zoé', { joinKey: 'E1' }), account('z2', 'pupil', 'BERANGER', 'Zoe', { joinKey: 'E9' })],
      }),
    );
    expect(of(m, 'z1')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(of(m, 'z2')).toMatchObject({ pronoteId: 'PN1', decision: 'certain' });
    expect(of(m, 'z2').evidence.join('\n')).toContain('élève en double dans SIECLE');
  });

  it('a one-letter given-name difference in another class is another person: no link', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léna', { birth: '2010-03-04', division: '4B' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    expect(of(m, 'a')).toMatchObject({ pronoteId: null, decision: 'probable' });
  });

  it('a one-letter given-name difference in the same class: at most probable', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' })],
        pronoteRows: [prow('PN1', 'pupil', 'DUPONT', 'Léna', { birth: '2010-03-04', division: '4A' })],
        entAccounts: [account('a', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1' })],
      }),
    );
    const a = of(m, 'a');
    expect(a).toMatchObject({ pronoteId: 'PN1', decision: 'probable' });
    expect(a.evidence.join('\n')).toContain('prénom proche (Léa / Léna)');
  });

  it('ENT accounts without join key: two homonyms in the school → ambiguous owner', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'MARTIN', 'Lucas', { division: '4A' }), pupil('E2', 'MARTIN', 'Lucas', { division: '3B' })],
        pronoteRows: [prow('PN1', 'pupil', 'MARTIN', 'Lucas', { division: '4A' }), prow('PN2', 'pupil', 'MARTIN', 'Lucas', { division: '3B' })],
        entAccounts: [account('a', 'pupil', 'MARTIN', 'Lucas')],
      }),
    );
    const a = of(m, 'a');
    expect(a).toMatchObject({ decision: 'ambiguous', pronoteId: null, status: 'ambiguous-owner' });
    expect(a.candidates?.map((c) => c.pronoteId).sort()).toEqual(['PN1', 'PN2']);
  });
});

describe('guardians: decided through their children', () => {
  const family = () => ({
    pupils: [
      pupil('E1', 'DUPONT', 'Léa', { birth: '2010-03-04', division: '4A' }),
      pupil('E2', 'DUPONT', 'Tom', { birth: '2013-06-07', division: '6B' }),
      pupil('E3', 'PETIT', 'Noé', { birth: '2011-01-02', division: '5C' }),
    ],
  });

  it('a guardian is linked through the children in common → certain', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'DUPONT', 'Marc'), guardian('G2', 'DUPONT', 'Claire')],
        guardianLinks: [glink('E1', 'G1'), glink('E2', 'G1'), glink('E1', 'G2', 2), glink('E2', 'G2', 2)],
        pronoteRows: [
          prow('R1', 'guardian', 'DUPONT', 'Marc', { children: ['DUPONT Léa (4A)', 'DUPONT Tom (6B)'] }),
          prow('R2', 'guardian', 'DUPONT', 'Claire', { children: ['DUPONT Léa (4A)', 'DUPONT Tom (6B)'] }),
        ],
        entAccounts: [account('marc', 'guardian', 'DUPONT', 'Marc', { joinKey: 'G1' })],
      }),
    );
    const a = of(m, 'marc');
    expect(a).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(a.evidence).toContain('fiche SIECLE / fiche PRONOTE : enfants en commun : DUPONT Léa (4A), DUPONT Tom (6B)');
  });

  it('two guardians with the same name in two families: the children separate them', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'MARTIN', 'Nathalie'), guardian('G3', 'MARTIN', 'Nathalie')],
        guardianLinks: [glink('E1', 'G1'), glink('E3', 'G3')],
        pronoteRows: [
          prow('R1', 'guardian', 'MARTIN', 'Nathalie', { children: ['DUPONT Léa (4A)'] }),
          prow('R3', 'guardian', 'MARTIN', 'Nathalie', { children: ['PETIT Noé (5C)'] }),
        ],
        entAccounts: [account('n1', 'guardian', 'MARTIN', 'Nathalie', { joinKey: 'G1' }), account('n3', 'guardian', 'MARTIN', 'Nathalie', { joinKey: 'G3' })],
      }),
    );
    expect(of(m, 'n1')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(of(m, 'n3')).toMatchObject({ pronoteId: 'R3', decision: 'certain' });
  });

  it('two guardians with the same name and the same children → ambiguous', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'DUPONT', 'Dominique'), guardian('G2', 'DUPONT', 'Dominique')],
        guardianLinks: [glink('E1', 'G1'), glink('E1', 'G2', 2)],
        pronoteRows: [
          prow('R1', 'guardian', 'DUPONT', 'Dominique', { children: ['DUPONT Léa (4A)'] }),
          prow('R2', 'guardian', 'DUPONT', 'Dominique', { children: ['DUPONT Léa (4A)'] }),
        ],
        entAccounts: [account('d1', 'guardian', 'DUPONT', 'Dominique', { joinKey: 'G1' }), account('d2', 'guardian', 'DUPONT', 'Dominique', { joinKey: 'G2' })],
      }),
    );
    for (const l of ['d1', 'd2']) {
      expect(of(m, l)).toMatchObject({ decision: 'ambiguous', pronoteId: null });
      expect(of(m, l).candidates).toHaveLength(2);
    }
  });

  it('two same-name guardians of one child, one PRONOTE row: not certain', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'DUPONT', 'Dominique'), guardian('G2', 'DUPONT', 'Dominique')],
        guardianLinks: [glink('E1', 'G1'), glink('E1', 'G2', 2)],
        pronoteRows: [prow('R1', 'guardian', 'DUPONT', 'Dominique', { children: ['DUPONT Léa (4A)'] })],
        entAccounts: [account('d1', 'guardian', 'DUPONT', 'Dominique', { joinKey: 'G1' }), account('d2', 'guardian', 'DUPONT', 'Dominique', { joinKey: 'G2' })],
      }),
    );
    for (const l of ['d1', 'd2']) expect(of(m, l).decision).not.toBe('certain');
  });

  it('a guardian whose PRONOTE row lists none of its children is not linked', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'MARTIN', 'Nathalie')],
        guardianLinks: [glink('E1', 'G1')],
        pronoteRows: [prow('R3', 'guardian', 'MARTIN', 'Nathalie', { children: ['PETIT Noé (5C)'] })],
        entAccounts: [account('n1', 'guardian', 'MARTIN', 'Nathalie', { joinKey: 'G1' })],
      }),
    );
    expect(of(m, 'n1')).toMatchObject({ pronoteId: null, status: 'no-pronote-row' });
  });

  it('duplicate guardian (two SIECLE records, one without accent, two ENT accounts) → both accounts get the same ID', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'DUPONT', 'Hélène'), guardian('G9', 'DUPONT', 'Helene')],
        guardianLinks: [glink('E1', 'G1'), glink('E2', 'G9')],
        pronoteRows: [prow('R1', 'guardian', 'DUPONT', 'Hélène', { children: ['DUPONT Léa (4A)', 'DUPONT Tom (6B)'] })],
        entAccounts: [
          account('helene1', 'guardian', 'DUPONT', 'Hélène', { joinKey: 'G1' }),
          account('helene2', 'guardian', 'DUPONT', 'Helene', { joinKey: 'G9' }),
        ],
      }),
    );
    const a1 = of(m, 'helene1');
    const a2 = of(m, 'helene2');
    expect(a1).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(a2).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(a2.evidence.join('\n')).toContain('responsable en double dans SIECLE');
    expect(a2.evidence.join('\n')).toContain("prénom écrit avec d'autres accents (Helene / Hélène)");
  });

  it('a duplicate guardian typed with the birth name only (same phone) still shares the PRONOTE row', () => {
    const g1 = { ...guardian('G1', 'POULAIN', 'Nadia', { usage: 'MATHIEU' }), phoneMobile: '06 12 34 56 78' };
    const g2 = { ...guardian('G2', 'Poulain', 'Nadia'), phoneMobile: '0612345678' };
    const m = match(
      dataset({
        pupils: [pupil('E1', 'MATHIEU', 'Enzo', { division: 'TG4' }), pupil('E2', 'MATHIEU', 'Lina', { division: '2NDE1' })],
        guardians: [g1, g2],
        guardianLinks: [glink('E1', 'G1'), glink('E2', 'G2')],
        pronoteRows: [prow('R1', 'guardian', 'MATHIEU', 'Nadia', { children: ['MATHIEU Enzo (TG4)', 'MATHIEU Lina (2NDE1)'] })],
        entAccounts: [account('n1', 'guardian', 'MATHIEU', 'Nadia', { joinKey: 'G1' }), account('n2', 'guardian', 'POULAIN', 'Nadia', { joinKey: 'G2' })],
      }),
    );
    expect(of(m, 'n1')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(of(m, 'n2')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(of(m, 'n2').evidence.join('\n')).toContain('responsable en double dans SIECLE avec MATHIEU Nadia (mêmes coordonnées)');
  });

  it('without a contact detail in common, the birth name alone does not reach the usage name', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'MATHIEU', 'Enzo', { division: 'TG4' }), pupil('E2', 'MATHIEU', 'Lina', { division: '2NDE1' })],
        guardians: [guardian('G1', 'POULAIN', 'Nadia', { usage: 'MATHIEU' }), guardian('G2', 'Poulain', 'Nadia')],
        guardianLinks: [glink('E1', 'G1'), glink('E2', 'G2')],
        pronoteRows: [prow('R1', 'guardian', 'MATHIEU', 'Nadia', { children: ['MATHIEU Enzo (TG4)', 'MATHIEU Lina (2NDE1)'] })],
        entAccounts: [account('n2', 'guardian', 'POULAIN', 'Nadia', { joinKey: 'G2' })],
      }),
    );
    expect(of(m, 'n2').pronoteId).toBeNull();
  });

  it('a mere contact with the same name as the legal guardian does not make the legal guardian doubtful', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'TEYSSAYROLLES', 'Carole', { usage: 'TRÉMIER' }), guardian('G2', 'TRÉMIER', 'Carole')],
        guardianLinks: [glink('E1', 'G1'), { ...glink('E1', 'G2'), legal: false, level: 3, legalRank: undefined }],
        pronoteRows: [prow('R1', 'guardian', 'TRÉMIER', 'Carole', { children: ['DUPONT Léa (4A)'] })],
        entAccounts: [account('c1', 'guardian', 'TRÉMIER', 'Carole', { joinKey: 'G1' }), account('c2', 'guardian', 'TRÉMIER', 'Carole', { joinKey: 'G2' })],
      }),
    );
    expect(of(m, 'c1')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(of(m, 'c2').decision).not.toBe('certain');
    expect(of(m, 'c2').pronoteId).toBeNull();
  });

  it('Stéphane and Stéphanie, parents of one child, are two people', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'BEAUMERIE', 'Stéphane'), guardian('G2', 'BEAUMERIE', 'Stéphanie')],
        guardianLinks: [glink('E1', 'G1'), glink('E1', 'G2', 2)],
        pronoteRows: [
          prow('R1', 'guardian', 'BEAUMERIE', 'Stéphane', { children: ['DUPONT Léa (4A)'] }),
          prow('R2', 'guardian', 'BEAUMERIE', 'Stéphanie', { children: ['DUPONT Léa (4A)'] }),
        ],
        entAccounts: [account('s1', 'guardian', 'BEAUMERIE', 'Stéphane', { joinKey: 'G1' }), account('s2', 'guardian', 'BEAUMERIE', 'Stéphanie', { joinKey: 'G2' })],
      }),
    );
    expect(of(m, 's1')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(of(m, 's2')).toMatchObject({ pronoteId: 'R2', decision: 'certain' });
  });

  it('an ENT guardian account without join key is found through the pupil accounts that list it', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'DUPONT', 'Marc'), guardian('G3', 'DUPONT', 'Marc')],
        guardianLinks: [glink('E1', 'G1'), glink('E3', 'G3')],
        pronoteRows: [
          prow('R1', 'guardian', 'DUPONT', 'Marc', { children: ['DUPONT Léa (4A)'] }),
          prow('R3', 'guardian', 'DUPONT', 'Marc', { children: ['PETIT Noé (5C)'] }),
        ],
        entAccounts: [
          account('lea', 'pupil', 'DUPONT', 'Léa', { joinKey: 'E1', guardianUids: ['U-MARC'] }),
          account('marc', 'guardian', 'DUPONT', 'Marc', { uid: 'U-MARC' }),
        ],
      }),
    );
    const a = of(m, 'marc');
    expect(a).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
    expect(a.person?.id).toBe('G1');
  });

  it('an ENT guardian account naming its children (ProEPS parents export) is found through them', () => {
    const m = match(
      dataset({
        ...family(),
        guardians: [guardian('G1', 'DUPONT', 'Marc'), guardian('G3', 'DUPONT', 'Marc')],
        guardianLinks: [glink('E1', 'G1'), glink('E3', 'G3')],
        pronoteRows: [
          prow('R1', 'guardian', 'DUPONT', 'Marc', { children: ['DUPONT Léa (4A)'] }),
          prow('R3', 'guardian', 'DUPONT', 'Marc', { children: ['PETIT Noé (5C)'] }),
        ],
        entAccounts: [
          { ...account('m3', 'guardian', 'DUPONT', 'Marc'), children: [{ joinKey: 'E3', raw: 'E3' }] },
          { ...account('m1', 'guardian', 'DUPONT', 'Marc'), children: [{ family: 'DUPONT', given: 'Léa', raw: 'DUPONT Léa' }] },
        ],
      }),
    );
    expect(of(m, 'm3')).toMatchObject({ pronoteId: 'R3', decision: 'certain' });
    expect(of(m, 'm1')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
  });

  it('PRONOTE children written with the particle split elsewhere are still found', () => {
    const m = match(
      dataset({
        pupils: [pupil('E1', 'DE LA FONTAINE', 'Jean', { division: '4A' })],
        guardians: [guardian('G1', 'DE LA FONTAINE', 'Anne')],
        guardianLinks: [glink('E1', 'G1')],
        pronoteRows: [
          { ...prow('R1', 'guardian', 'DE LA FONTAINE', 'Anne'), children: [{ family: 'DE', given: 'LA FONTAINE Jean', division: '4A', raw: 'DE LA FONTAINE Jean (4A)' }] },
        ],
        entAccounts: [account('anne', 'guardian', 'DE LA FONTAINE', 'Anne', { joinKey: 'G1' })],
      }),
    );
    expect(of(m, 'anne')).toMatchObject({ pronoteId: 'R1', decision: 'certain' });
  });
});

describe('teachers and staff', () => {
  it('a teacher: same name and birth date → certain; PRONOTE without birth date: the teacher profile is the evidence', () => {
    const m = match(
      dataset({
        staff: [staff('S1', 'BERNARD', 'Paul', { birth: '1975-02-03' }), staff('S2', 'ROBERT', 'Anne', { birth: '1980-01-01' })],
        pronoteRows: [prow('P1', 'teacher', 'BERNARD', 'Paul', { birth: '1975-02-03' }), prow('P2', 'teacher', 'Robert', 'Anne')],
        entAccounts: [account('pb', 'teacher', 'BERNARD', 'Paul', { joinKey: 'S1' }), account('ar', 'teacher', 'ROBERT', 'Anne', { joinKey: 'S2' })],
      }),
    );
    expect(of(m, 'pb')).toMatchObject({ pronoteId: 'P1', decision: 'certain' });
    expect(of(m, 'pb').evidence[0]).toBe('compte ENT / fiche STS-web : même identifiant STS-web (clé de jointure)');
    expect(of(m, 'ar')).toMatchObject({ pronoteId: 'P2', decision: 'certain' });
    expect(of(m, 'ar').evidence).toContain('fiche STS-web / fiche PRONOTE : même nom, même profil (professeur)');
  });

  it("one teacher's birth name is another's usage name: the lists show usage names, both certain", () => {
    const m = match(
      dataset({
        staff: [staff('S1', 'MASSON', 'Coralie', { usage: 'BRUN' }), staff('S2', 'PUIG', 'Coralie', { usage: 'MASSON' })],
        pronoteRows: [prow('P1', 'teacher', 'BRUN', 'Coralie'), prow('P2', 'teacher', 'MASSON', 'Coralie')],
        entAccounts: [account('c1', 'teacher', 'BRUN', 'Coralie', { joinKey: 'S1' }), account('c2', 'teacher', 'MASSON', 'Coralie', { joinKey: 'S2' })],
      }),
    );
    expect(of(m, 'c1')).toMatchObject({ pronoteId: 'P1', decision: 'certain' });
    expect(of(m, 'c2')).toMatchObject({ pronoteId: 'P2', decision: 'certain' });
  });

  it('two teachers with the same name and no birth date in PRONOTE → ambiguous', () => {
    const m = match(
      dataset({
        staff: [staff('S1', 'MARTIN', 'Claire', { birth: '1975-02-03' }), staff('S2', 'MARTIN', 'Claire', { birth: '1982-07-08' })],
        pronoteRows: [prow('P1', 'teacher', 'MARTIN', 'Claire'), prow('P2', 'teacher', 'MARTIN', 'Claire')],
        entAccounts: [account('c1', 'teacher', 'MARTIN', 'Claire', { joinKey: 'S1' }), account('c2', 'teacher', 'MARTIN', 'Claire', { joinKey: 'S2' })],
      }),
    );
    for (const l of ['c1', 'c2']) expect(of(m, l)).toMatchObject({ decision: 'ambiguous', pronoteId: null });
  });

  it('a typo in a teacher name is only probable; a non-teacher matched to a teacher row too', () => {
    const m = match(
      dataset({
        staff: [staff('S1', 'BERNARD', 'Paul'), staff('S3', 'LEROY', 'Marie', { teacher: false })],
        pronoteRows: [prow('P1', 'teacher', 'BERNARD', 'Pual'), prow('P3', 'teacher', 'LEROY', 'Marie')],
        entAccounts: [account('pb', 'teacher', 'BERNARD', 'Paul', { joinKey: 'S1' }), account('ml', 'staff', 'LEROY', 'Marie', { joinKey: 'S3' })],
      }),
    );
    expect(of(m, 'pb')).toMatchObject({ pronoteId: 'P1', decision: 'probable' });
    expect(of(m, 'ml')).toMatchObject({ pronoteId: 'P3', decision: 'probable' });
    expect(of(m, 'ml').evidence.join('\n')).toContain('profil différent : personnel dans STS-web, professeur dans PRONOTE');
  });

  it('staff without a PRONOTE row: null, with the reason', () => {
    const m = match(
      dataset({
        staff: [staff('S1', 'BERNARD', 'Paul', { birth: '1975-02-03' }), staff('S9', 'LEROY', 'Marie', { teacher: false })],
        pronoteRows: [prow('P1', 'teacher', 'BERNARD', 'Paul', { birth: '1975-02-03' })],
        entAccounts: [account('ml', 'staff', 'LEROY', 'Marie', { joinKey: 'S9' })],
      }),
    );
    const a = of(m, 'ml');
    expect(a).toMatchObject({ pronoteId: null, status: 'no-pronote-row' });
    expect(a.evidence.join('\n')).toContain("personnel sans fiche dans la liste PRONOTE");
  });

  it('accounts of other profiles get no assignment', () => {
    const m = match(dataset({ entAccounts: [account('x', 'other', 'A', 'B')] }));
    expect(m.assignments).toEqual([]);
  });
});
