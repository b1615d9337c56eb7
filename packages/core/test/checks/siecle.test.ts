import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import { pupilIncomplete } from '../../src/checks/pupil-incomplete.js';
import { pupilDuplicate } from '../../src/checks/pupil-duplicate.js';
import { guardianDuplicate } from '../../src/checks/guardian-duplicate.js';
import { ctx, dataset, glink, guardian, pupil } from './fixtures.js';

describe('siecle.pupil-incomplete', () => {
  const complete = pupil('1', 'DUPONT', 'Léa');
  const guardians = [guardian('G1', 'DUPONT', 'Marie')];

  it('says nothing about a complete record', () => {
    const ds = dataset({ pupils: [complete], guardians, guardianLinks: [glink('1', 'G1')] });
    expect(pupilIncomplete.run(ctx(ds))).toEqual([]);
  });

  it('names every missing item of a current pupil', () => {
    const p = pupil('2', 'MARTIN', 'Hugo', { mef: undefined, division: undefined, birthDate: undefined, birthInseeCode: undefined });
    const ds = dataset({ pupils: [complete, p], guardians, guardianLinks: [glink('1', 'G1')] });
    const [f, ...rest] = pupilIncomplete.run(ctx(ds));
    expect(rest).toEqual([]);
    expect(f!.subjects).toEqual([{ source: 'siecle', kind: 'pupil', id: '2', label: 'MARTIN Hugo' }]);
    const text = f!.evidence.join('\n');
    expect(text).toContain('ELEVE_ID 2');
    expect(text).toContain('CODE_MEF');
    expect(text).toContain('pas de division');
    expect(text).toContain('DATE_NAISS');
    expect(text).toContain('CODE_COMMUNE_INSEE_NAISS');
    expect(text).toContain('aucun responsable légal');
  });

  it('needs no commune for a pupil born abroad', () => {
    const p = pupil('1', 'DUPONT', 'Léa', { birthCountryCode: '351', birthInseeCode: undefined });
    const ds = dataset({ pupils: [p], guardians, guardianLinks: [glink('1', 'G1')] });
    expect(pupilIncomplete.run(ctx(ds))).toEqual([]);
  });

  it('does not count a contact (level 3) as a legal guardian', () => {
    const ds = dataset({ pupils: [complete], guardians, guardianLinks: [glink('1', 'G1', false)] });
    expect(pupilIncomplete.run(ctx(ds))[0]!.evidence.join()).toContain('aucun responsable légal');
  });

  it('does not judge guardians when no responsables file was read', () => {
    expect(pupilIncomplete.run(ctx(dataset({ pupils: [complete] })))).toEqual([]);
  });

  it('ignores leavers and Inactifs pupils', () => {
    const gone = pupil('3', 'X', 'Y', { left: true, mef: undefined });
    const inactive = pupil('4', 'X', 'Z', { inactive: true, division: undefined });
    const ds = dataset({ pupils: [gone, inactive], guardians, guardianLinks: [glink('3', 'G1'), glink('4', 'G1')] });
    expect(pupilIncomplete.run(ctx(ds))).toEqual([]);
  });
});

describe('siecle.pupil-duplicate', () => {
  it('finds accent and spacing variants with the same birth date (the hand-made copy has no INE)', () => {
    const a = pupil('10', 'LE GALL', 'Léa', { ine: '111' });
    const b = pupil('11', 'Legall', 'Lea');
    const [f, ...rest] = pupilDuplicate.run(ctx(dataset({ pupils: [a, b] })));
    expect(rest).toEqual([]);
    expect(f!.subjects.map((s) => s.id)).toEqual(['10', '11']);
    expect(f!.evidence.join('\n')).toContain('Sans INE : ELEVE_ID 11');
  });

  it('does not take two pupils with two different INEs for one (namesakes born the same day)', () => {
    const a = pupil('10', 'MARTIN', 'Léa', { ine: '111', division: '2A' });
    const b = pupil('11', 'MARTIN', 'Léa', { ine: '222', division: '2B' });
    expect(pupilDuplicate.run(ctx(dataset({ pupils: [a, b] })))).toEqual([]);
  });

  it('needs the same birth date: name alone is not enough', () => {
    const a = pupil('10', 'MARTIN', 'Léa');
    const b = pupil('11', 'MARTIN', 'Lea', { birthDate: '2011-05-05' });
    expect(pupilDuplicate.run(ctx(dataset({ pupils: [a, b] })))).toEqual([]);
  });

  it('does not take twins for a duplicate', () => {
    const a = pupil('10', 'MARTIN', 'Léa');
    const b = pupil('11', 'MARTIN', 'Lou');
    expect(pupilDuplicate.run(ctx(dataset({ pupils: [a, b] })))).toEqual([]);
  });

  it('does not pair a current pupil with a record marked as left', () => {
    const a = pupil('10', 'MARTIN', 'Léa');
    const b = pupil('11', 'MARTIN', 'Léa', { left: true });
    expect(pupilDuplicate.run(ctx(dataset({ pupils: [a, b] })))).toEqual([]);
  });

  it('matches a usage name with a family name and clusters three copies into one finding', () => {
    const a = pupil('10', 'MARTIN', 'Léa');
    const b = pupil('11', 'DURAND', 'Léa', { name: { family: 'DURAND', usage: 'Martin', given: 'Léa' } });
    const c = pupil('12', 'MARTIN', 'LEA');
    const found = pupilDuplicate.run(ctx(dataset({ pupils: [a, b, c] })));
    expect(found).toHaveLength(1);
    expect(found[0]!.subjects.map((s) => s.id)).toEqual(['10', '11', '12']);
  });
});

describe('siecle.guardian-duplicate', () => {
  const kids = [pupil('1', 'DUPONT', 'Léo', { division: '6A' }), pupil('2', 'DUPONT', 'Léa', { division: '4B', birthDate: '2013-01-01' })];

  it("finds the seed's case: one accent missing on the second child's record, same phone", () => {
    const g1 = guardian('P1', 'LEFÈVRE', 'Hélène', { civility: 'MME', phoneMobile: '0601020304', email: 'h@x.fr' });
    const g2 = guardian('P2', 'LEFEVRE', 'Helene', { civility: 'MME', phoneMobile: '0601020304', email: 'H@x.fr' });
    const ds = dataset({ pupils: kids, guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('2', 'P2')] });
    const [f, ...rest] = guardianDuplicate.run(ctx(ds));
    expect(rest).toEqual([]);
    expect(f!.subjects.map((s) => s.id)).toEqual(['P1', 'P2']);
    expect(f!.evidence[0]).toContain('même téléphone, même courriel');
    expect(f!.evidence.join('\n')).toContain('DUPONT Léo (6A)');
  });

  it('needs more than the name: homonyms with nothing in common are not duplicates', () => {
    const other = pupil('3', 'BERNARD', 'Tom', { birthDate: '2012-02-02' });
    const g1 = guardian('P1', 'MARTIN', 'Marie', { phoneMobile: '0601020304' });
    const g2 = guardian('P2', 'MARTIN', 'Marie', { phoneMobile: '0699999999' });
    const ds = dataset({ pupils: [kids[0]!, other], guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('3', 'P2')] });
    expect(guardianDuplicate.run(ctx(ds))).toEqual([]);
  });

  it('is not fooled by children bearing the same family name, nor by an e-mail alone', () => {
    // Two fathers named Bruno COLIN, each with a child named COLIN, and a generated e-mail that collides.
    const g1 = guardian('P1', 'COLIN', 'Bruno', { civility: 'M.', email: 'bruno.colin@mail.fr' });
    const g2 = guardian('P2', 'COLIN', 'Bruno', { civility: 'M.', email: 'bruno.colin@mail.fr' });
    const colins = [pupil('1', 'COLIN', 'Ambre'), pupil('2', 'COLIN', 'Alice', { birthDate: '2012-01-01' })];
    const ds = dataset({ pupils: colins, guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('2', 'P2')] });
    expect(guardianDuplicate.run(ctx(ds))).toEqual([]);
  });

  it('accepts a co-guardian in common (the other parent is one record)', () => {
    const g1 = guardian('P1', 'LEFÈVRE', 'Hélène');
    const g2 = guardian('P2', 'LEFEVRE', 'Helene');
    const dad = guardian('P3', 'DUPONT', 'Marc', { civility: 'M.' });
    const links = [glink('1', 'P1'), glink('2', 'P2'), glink('1', 'P3', true, 2), glink('2', 'P3', true, 2)];
    const ds = dataset({ pupils: kids, guardians: [g1, g2, dad], guardianLinks: links });
    expect(guardianDuplicate.run(ctx(ds))[0]!.evidence[0]).toContain('autre responsable en commun');
  });

  it('accepts a shared phone written differently (+33)', () => {
    const other = pupil('3', 'BERNARD', 'Tom', { birthDate: '2012-02-02' });
    const g1 = guardian('P1', 'MARTIN', 'Marie', { phoneMobile: '06 01 02 03 04' });
    const g2 = guardian('P2', 'MARTIN', 'Marie', { phoneHome: '+33601020304' });
    const ds = dataset({ pupils: [kids[0]!, other], guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('3', 'P2')] });
    expect(guardianDuplicate.run(ctx(ds))[0]!.evidence[0]).toContain('même téléphone');
  });

  it('accepts a usage name typed as the family name, with a shared address', () => {
    const address = { lines: ['12 rue des Lilas'], postcode: '31000', city: 'Toulouse' };
    const g1 = guardian('P1', 'DURAND', 'Sophie', { name: { family: 'DURAND', usage: 'MARTIN', given: 'Sophie' }, address });
    const g2 = guardian('P2', 'MARTIN', 'Sophie', { address: { ...address, lines: ['12, rue des lilas'] } });
    const ds = dataset({ pupils: kids, guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('2', 'P2')] });
    expect(guardianDuplicate.run(ctx(ds))[0]!.evidence[0]).toContain('même adresse');
  });

  it('refuses a contradicting civility (father and mother with the same given name)', () => {
    const g1 = guardian('P1', 'DUPONT', 'Dominique', { civility: 'M.' });
    const g2 = guardian('P2', 'DUPONT', 'Dominique', { civility: 'MME' });
    const ds = dataset({ pupils: kids, guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('1', 'P2', true, 2)] });
    expect(guardianDuplicate.run(ctx(ds))).toEqual([]);
  });

  it('ignores guardians of pupils who left', () => {
    const gone = pupil('9', 'DUPONT', 'Paul', { left: true });
    const g1 = guardian('P1', 'LEFÈVRE', 'Hélène');
    const g2 = guardian('P2', 'LEFEVRE', 'Helene');
    const ds = dataset({ pupils: [kids[0]!, gone], guardians: [g1, g2], guardianLinks: [glink('1', 'P1'), glink('9', 'P2')] });
    expect(guardianDuplicate.run(ctx(ds))).toEqual([]);
  });

  it('goes through runChecks with a stable key', () => {
    const address = { lines: ['3 place du Capitole'], postcode: '31000', city: 'TOULOUSE' };
    const g1 = guardian('P1', 'LEFÈVRE', 'Hélène', { address });
    const g2 = guardian('P2', 'LEFEVRE', 'Helene', { address });
    const ds = dataset({ pupils: kids, guardians: [g2, g1], guardianLinks: [glink('1', 'P1'), glink('2', 'P2')] });
    const [f] = runChecks(ctx(ds), [guardianDuplicate]);
    expect(f!.key).toBe('siecle.guardian-duplicate|siecle:guardian:P1|siecle:guardian:P2');
    expect(f!.severity).toBe('warning');
    expect(f!.fix).toContain('Doublons responsables');
  });
});
