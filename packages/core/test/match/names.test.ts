import { describe, expect, it } from 'vitest';
import {
  compareNames,
  comparePersonNames,
  damerauLevenshtein,
  genderPair,
  jaroWinkler,
  phoneticFr,
  prepareName,
} from '../../src/match/index.js';
import type { PersonName } from '../../src/model/types.js';

const n = (family: string, given: string, extra: Partial<PersonName> = {}): PersonName => ({ family, given, ...extra });
const cmp = (a: PersonName, b: PersonName) => comparePersonNames(a, b);

describe('string similarity', () => {
  it('Damerau–Levenshtein counts one swap as one edit and stops past the bound', () => {
    expect(damerauLevenshtein('DUPONT', 'DUPONT')).toBe(0);
    expect(damerauLevenshtein('DUPONT', 'DUPOND')).toBe(1);
    expect(damerauLevenshtein('MARTIN', 'MRATIN')).toBe(1);
    expect(damerauLevenshtein('LEA', 'LENA')).toBe(1);
    expect(damerauLevenshtein('', 'ABC')).toBe(3);
    expect(damerauLevenshtein('ABCDEFGH', 'HGFEDCBA', 2)).toBe(3);
  });

  it('Jaro–Winkler is 1 for equal strings and high for near ones', () => {
    expect(jaroWinkler('MARTHA', 'MARTHA')).toBe(1);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DUPONT', 'XYZ')).toBeLessThan(0.5);
    expect(jaroWinkler('', 'A')).toBe(0);
  });

  it('the French phonetic key groups names that sound alike', () => {
    expect(phoneticFr('DUPONT')).toBe(phoneticFr('DUPOND'));
    expect(phoneticFr('GAUTHIER')).toBe(phoneticFr('GOTIER'));
    expect(phoneticFr('PHILIPPE')).toBe(phoneticFr('FILIPE'));
    expect(phoneticFr('MARTIN')).not.toBe(phoneticFr('DURAND'));
    expect(phoneticFr("  ")).toBe('');
  });
});

describe('name comparison: the same person written differently', () => {
  it('case and double spaces are exact', () => {
    const c = cmp(n('DUPONT', 'Léa'), n('Dupont', '  léa '));
    expect(c.level).toBe('exact');
    expect(c.notes).toEqual([]);
  });

  it('accents are a variant, with the two spellings in the note', () => {
    const c = cmp(n('MARTIN', 'Hélène'), n('MARTIN', 'Helene'));
    expect(c.level).toBe('variant');
    expect(c.notes.join()).toContain("prénom écrit avec d'autres accents (Hélène / Helene)");
    expect(cmp(n('BÉRANGER', 'Paul'), n('BERANGER', 'Paul')).level).toBe('variant');
  });

  it('œ and oe are the same letters', () => {
    expect(cmp(n('LŒUILLET', 'Chloé'), n('LOEUILLET', 'Chloe')).level).toBe('variant');
  });

  it('hyphen, space or nothing in a compound given name', () => {
    expect(cmp(n('DURAND', 'Jean-Baptiste'), n('DURAND', 'Jean Baptiste')).level).toBe('variant');
    expect(cmp(n('DURAND', 'Jean-Baptiste'), n('DURAND', 'Jeanbaptiste')).level).toBe('variant');
    expect(cmp(n('DURAND', 'Jean-Baptiste'), n('DURAND', 'Jean Baptiste')).notes.join()).toContain("trait d'union");
  });

  it("apostrophes: N'Diaye, NDIAYE, N DIAYE", () => {
    expect(cmp(n("N'Diaye", 'Awa'), n('NDIAYE', 'Awa')).level).toBe('variant');
    expect(cmp(n("N'DIAYE", 'Awa'), n('N DIAYE', 'Awa')).level).toBe('variant');
    expect(cmp(n("D'ALMEIDA", 'Rui'), n('DALMEIDA', 'Rui')).level).toBe('variant');
  });

  it('particles present or not, glued or not', () => {
    const c = cmp(n('de La Fontaine', 'Jean'), n('LA FONTAINE', 'Jean'));
    expect(c.level).toBe('variant');
    expect(c.notes.join()).toContain('particule');
    expect(cmp(n('DE LA FONTAINE', 'Jean'), n('FONTAINE', 'Jean')).level).toBe('variant');
    expect(cmp(n('LE GALL', 'Yann'), n('LEGALL', 'Yann')).level).toBe('variant');
    expect(cmp(n('VAN DER BERG', 'Eva'), n('BERG', 'Eva')).level).toBe('variant');
    expect(cmp(n("D'ALMEIDA", 'Rui'), n('ALMEIDA', 'Rui')).level).toBe('variant');
  });

  it('NOM_USAGE on one side, NOM_DE_FAMILLE on the other (either way)', () => {
    const c = cmp(n('MARTIN', 'Sophie', { usage: 'DURAND' }), n('DURAND', 'Sophie'));
    expect(c.level).toBe('exact');
    expect(c.notes.join()).toContain("nom d'usage DURAND");
    expect(cmp(n('DURAND', 'Sophie'), n('MARTIN', 'Sophie', { usage: 'DURAND' })).level).toBe('exact');
    // The birth name where lists show the usage name: weaker (often another person's usage name).
    const birth = cmp(n('MARTIN', 'Sophie', { usage: 'DURAND' }), n('MARTIN', 'Sophie'));
    expect(birth.grade).toBe('partial');
    expect(birth.notes.join()).toContain("MARTIN est le nom de naissance, le nom d'usage est DURAND");
  });

  it('a compound family name written in part is a (partial) variant', () => {
    const c = cmp(n('GARCIA LOPEZ', 'Ana'), n('GARCIA', 'Ana'));
    expect(c.level).toBe('variant');
    expect(c.grade).toBe('partial');
  });

  it('several given names in another order', () => {
    expect(cmp(n('PETIT', 'Marie Louise'), n('PETIT', 'Louise Marie')).level).toBe('variant');
    const c = cmp(n('PETIT', 'Marie', { otherGiven: ['Louise'] }), n('PETIT', 'Louise', { otherGiven: ['Marie'] }));
    expect(c.level).toBe('variant');
    expect(c.notes.join()).toContain('autre ordre');
  });

  it('a compound given name written in part: Jean-Baptiste / Jean', () => {
    const c = cmp(n('DURAND', 'Jean-Baptiste'), n('DURAND', 'Jean'));
    expect(c.grade).toBe('partial');
    expect(c.notes.join()).toContain('prénom composé écrit en partie (Jean-Baptiste / Jean)');
  });

  it('the usual given name taken among PRENOM2…: weak (typo grade)', () => {
    const c = cmp(n('PETIT', 'Marie', { otherGiven: ['Louise'] }), n('PETIT', 'Louise'));
    expect(c.level).toBe('typo');
    expect(c.notes.join()).toContain('autres prénoms');
  });

  it('a one-letter typo is a typo, in the given or the family name', () => {
    const c = cmp(n('DUPONT', 'Léa'), n('DUPONT', 'Léna'));
    expect(c.level).toBe('typo');
    expect(c.notes).toEqual(['prénom proche (Léa / Léna)']);
    expect(cmp(n('DUPONT', 'Léa'), n('DUPOND', 'Léa')).notes).toEqual(['nom proche (DUPONT / DUPOND)']);
    expect(cmp(n('MARTIN', 'Thomas'), n('MRATIN', 'Thomas')).level).toBe('typo');
    expect(cmp(n('GAUTHIER', 'Paul'), n('GOTIER', 'Paul')).level).toBe('typo');
  });

  it('family and given names swapped', () => {
    const c = cmp(n('DUPONT', 'Léa'), n('Léa', 'DUPONT'));
    expect(c.level).toBe('variant');
    expect(c.notes.join()).toContain('inversés');
  });

  it('scores rank exact > variant > typo', () => {
    const e = cmp(n('DUPONT', 'Léa'), n('DUPONT', 'Léa')).score;
    const v = cmp(n('DUPONT', 'Léa'), n('DUPONT', 'Lea')).score;
    const t = cmp(n('DUPONT', 'Léa'), n('DUPONT', 'Léna')).score;
    expect(e).toBeGreaterThan(v);
    expect(v).toBeGreaterThan(t);
    expect(t).toBeGreaterThan(0);
  });
});

describe('name comparison: other people', () => {
  it('different given names', () => {
    expect(cmp(n('DUPONT', 'Léa'), n('DUPONT', 'Tom')).level).toBe('different');
    expect(cmp(n('DUPONT', 'Léa'), n('DUPONT', 'Tom')).score).toBe(0);
  });

  it('different family names', () => {
    expect(cmp(n('DUPONT', 'Léa'), n('MARTIN', 'Léa')).level).toBe('different');
    expect(cmp(n('BEN ALI', 'Sami'), n('ALI', 'Sami')).grade).toBe('partial');
  });

  it('masculine and feminine forms are two people, not a typo', () => {
    for (const [a, b] of [
      ['Louis', 'Louise'],
      ['Michel', 'Michèle'],
      ['René', 'Renée'],
      ['Jean', 'Jeanne'],
      ['Daniel', 'Danielle'],
      ['Léo', 'Léa'],
      ['Pascal', 'Pascale'],
      ['Stéphane', 'Stéphanie'],
      ['Frédéric', 'Frédérique'],
    ] as const) {
      const c = cmp(n('DUPONT', a), n('DUPONT', b));
      expect(c.level, `${a} / ${b}`).toBe('different');
    }
    expect(genderPair('LEA', 'LENA')).toBe(false);
  });

  it('a compound given name sharing one part only is weak', () => {
    expect(cmp(n('DUPONT', 'Anne-Marie'), n('DUPONT', 'Marie')).level).toBe('typo');
  });

  it('empty names never match', () => {
    expect(cmp(n('', 'Léa'), n('', 'Léa')).level).toBe('different');
    expect(cmp(n('DUPONT', ''), n('DUPONT', '')).level).toBe('different');
  });

  it('two letters off in a short name is different', () => {
    expect(cmp(n('DUPONT', 'Lou'), n('DUPONT', 'Luc')).level).toBe('different');
    expect(cmp(n('ROUX', 'Paul'), n('ROUSSEAU', 'Paul')).level).toBe('different');
  });

  it('prepared names carry the display form', () => {
    expect(prepareName(n('Martin', 'Sophie', { usage: 'Durand' })).display).toBe('DURAND Sophie');
    expect(compareNames(prepareName(n('A', 'B')), prepareName(n('A', 'B'))).level).toBe('exact');
  });
});
