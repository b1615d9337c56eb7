import { describe, expect, it } from 'vitest';
import { PRONOTE_FIELDS } from '@raccord/core/formats/pronote-ids.ts';
import { ENT_FIELDS } from '@raccord/core/formats/ent-accounts.ts';
import { fr } from '../src/i18n/fr.ts';
import { href, parseRoute, type Route } from '../src/app/router.ts';
import { fromPaste, isHidden } from '../src/features/import/collect.ts';
import { daysBetween, exportAge, groupByRule, subjectsLine } from '../src/lib/format.ts';
import { findingStatus } from '../src/lib/status.ts';
import type { Assignment, Finding } from '@raccord/core';
import { assignmentCategory, countByCategory, needsDecision } from '../src/lib/assignments.ts';
import { groupProbables, reasonOf } from '../src/lib/groups.ts';
import type { DecisionRow } from '../src/db/schema.ts';

describe('catalogue', () => {
  it('labels every field of the column mapping, with the names core reads', () => {
    expect(Object.keys(fr.mapping.fields['pronote-ids']).sort()).toEqual(Object.keys(PRONOTE_FIELDS).sort());
    expect(Object.keys(fr.mapping.fields['ent-accounts']).sort()).toEqual(Object.keys(ENT_FIELDS).sort());
  });

  it('speaks French dates and ages', () => {
    expect(fr.common.date('2025-09-12')).toBe('12/09/2025');
    expect(exportAge('2025-09-12', '2025-09-15')).toEqual({ date: '12/09/2025', age: 'il y a 3 jours' });
    expect(fr.common.age(0)).toBe("aujourd'hui");
    expect(fr.common.age(1)).toBe('hier');
    expect(daysBetween('2025-09-12T10:00:00', '2025-09-13')).toBe(1);
  });
});

describe('routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'import' },
    { name: 'overview' },
    { name: 'review' },
    { name: 'review', code: 'siecle.pupil-incomplete' },
    { name: 'review', code: '*', status: 'new' },
    { name: 'review', code: 'pronote.shared-id', status: 'handled' },
    { name: 'finding', key: 'siecle.guardian-duplicate|siecle:guardian:1|siecle:guardian:2' },
    { name: 'person', refKey: 'ent:account:lea.dupont/2' },
    { name: 'links' },
    { name: 'links', show: 'probable' },
    { name: 'links', show: 'absent' },
    { name: 'links', show: 'decided' },
    { name: 'worklist' },
    { name: 'export' },
    { name: 'letters', audience: 'guardians', division: '1ère S/2' },
    { name: 'data' },
  ];
  for (const r of routes) it(`round-trips ${href(r)}`, () => expect(parseRoute(href(r))).toEqual(r));
  it('falls back to home on anything else', () => expect(parseRoute('#/nimporte')).toEqual({ name: 'home' }));
});

describe('import helpers', () => {
  it('skips hidden files and macOS metadata', () => {
    expect(isHidden('.truth.json')).toBe(true);
    expect(isHidden('exports/__MACOSX/x.xml')).toBe(true);
    expect(isHidden('exports/ElevesSansAdresses.xml')).toBe(false);
  });

  it('turns a paste into a UTF-8 file named after the moment', async () => {
    const input = fromPaste('Nom\tPrénom\tIdentifiant PRONOTE\nDUPONT\tLéa\tX1', new Date(2025, 8, 12, 14, 32));
    expect(input.name).toBe('Collage PRONOTE du 12-09-2025 14h32.txt');
    expect(new TextDecoder().decode(await input.blob.arrayBuffer())).toContain('Léa');
  });
});

describe('constats', () => {
  const f = (code: string, severity: Finding['severity'], key: string): Finding => ({ code, severity, title: code, subjects: [], evidence: [], fix: '', key });

  it('groups by rule, errors first, then by count', () => {
    const g = groupByRule([f('b', 'warning', '1'), f('a', 'error', '2'), f('b', 'warning', '3'), f('c', 'warning', '4')]);
    expect(g.map((x) => [x.code, x.findings.length])).toEqual([['a', 1], ['b', 2], ['c', 1]]);
  });

  it('names each person once, not once per source, with the number when one source holds them twice', () => {
    const line = subjectsLine({
      subjects: [
        { source: 'pronote', kind: 'row', id: 'PN1', label: 'DUPONT Léa (élève, 3A)' },
        { source: 'ent', kind: 'account', id: 'lea', label: 'DUPONT Léa (élève, 3A) – compte lea' },
        { source: 'siecle', kind: 'pupil', id: '1', label: 'DUPONT Léa (3A)' },
        { source: 'ent', kind: 'account', id: 'hugo', label: 'MARTIN Hugo (élève, 3B) – compte hugo' },
      ],
    });
    expect(line).toBe('DUPONT Léa (élève, 3A) · MARTIN Hugo (élève, 3B) – compte hugo');
    const twins = subjectsLine({
      subjects: [
        { source: 'siecle', kind: 'guardian', id: '1', label: 'Mme DUPONT Marie' },
        { source: 'siecle', kind: 'guardian', id: '2', label: 'Mme DUPONT Marie' },
        { source: 'pronote', kind: 'row', id: 'P', label: 'DUPONT Marie (responsable)' },
      ],
    });
    expect(twins).toBe('Mme DUPONT Marie (×2)');
    const accounts = subjectsLine({
      subjects: [
        { source: 'pronote', kind: 'row', id: 'P', label: 'CASTENS Marie-Hélène (responsable)' },
        { source: 'ent', kind: 'account', id: 'a', label: 'CASTENS Marie-Hélène (responsable) – compte a' },
        { source: 'ent', kind: 'account', id: 'b', label: 'CASTENS Marie Hélène (responsable, 2NDE5) – compte b' },
      ],
    });
    expect(accounts).toBe('CASTENS Marie-Hélène (responsable) (×2)');
  });

  it('tells a handled finding that came back after a newer import', () => {
    const d: DecisionRow = { key: 'finding:k', type: 'finding', findingKey: 'k', code: 'x', verdict: 'handled', importId: 3, at: 'x' };
    const m = new Map([[d.key, d]]);
    expect(findingStatus({ key: 'k' }, m, 3)).toBe('handled');
    expect(findingStatus({ key: 'k' }, m, 4)).toBe('back');
    expect(findingStatus({ key: 'other' }, m, 4)).toBe('todo');
  });
});

describe('identifiants PRONOTE : catégories', () => {
  const a = (x: Partial<Assignment>): Assignment => ({ entLogin: 'x', pronoteId: null, decision: 'certain', evidence: [], ...x });

  it('does not ask to confirm a probable person with no PRONOTE row: absent from PRONOTE', () => {
    const noRow = a({ decision: 'probable', status: 'no-pronote-row' });
    expect(assignmentCategory(noRow)).toBe('absent');
    expect(needsDecision(noRow)).toBe(false);
    expect(assignmentCategory(a({ decision: 'probable', status: 'no-pronote-list' }))).toBe('absent');
    expect(assignmentCategory(a({ decision: 'probable', status: 'no-owner' }))).toBe('unlinked');
  });

  it('tells certain, probable to confirm, confirmed and ambiguous apart', () => {
    expect(assignmentCategory(a({ pronoteId: 'P1' }))).toBe('certain');
    expect(assignmentCategory(a({ pronoteId: 'P1', decision: 'probable' }))).toBe('probable');
    expect(assignmentCategory(a({ pronoteId: 'P1', decision: 'probable', confirmedByAdmin: true }))).toBe('confirmed');
    expect(assignmentCategory(a({ decision: 'ambiguous', candidates: [{ pronoteId: 'P1', label: 'X', evidence: [] }] }))).toBe('ambiguous');
    expect(assignmentCategory(a({ decision: 'ambiguous', status: 'ambiguous-owner' }))).toBe('unlinked');
  });

  it('counts every account once', () => {
    const list = [a({ pronoteId: 'P1' }), a({ pronoteId: 'P2', decision: 'probable' }), a({ decision: 'probable', status: 'no-pronote-row' })];
    const counts = countByCategory(list);
    expect(counts).toMatchObject({ certain: 1, probable: 1, absent: 1, ambiguous: 0 });
    expect(Object.values(counts).reduce((n, c) => n + c, 0)).toBe(list.length);
  });
});

describe('probables groupés par preuves communes', () => {
  const probable = (login: string, evidence: string[], x: Partial<Assignment> = {}): Assignment => ({ entLogin: login, pronoteId: `P-${login}`, decision: 'probable', evidence, ...x });

  it('groups links whose reasons are the same once names, classes and numbers are set aside', () => {
    const groups = groupProbables([
      probable('a', ['fiche SIECLE / fiche PRONOTE : même nom', 'enfants en commun : DUPONT Léa (3A)']),
      probable('b', ['fiche SIECLE / fiche PRONOTE : même nom', 'enfants en commun : MARTIN Hugo (4B), MARTIN Zoé (6C)']),
      probable('c', ['fiche SIECLE / fiche PRONOTE : même nom', 'même date de naissance']),
      probable('d', ['fiche SIECLE / fiche PRONOTE : même nom', 'enfants en commun : PETIT Jo (5A)'], { confirmedByAdmin: true }),
      probable('e', ['fiche SIECLE / fiche PRONOTE : même nom', 'enfants en commun : ROUX Ali (5A)'], { pronoteId: null, status: 'no-pronote-row' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => m.entLogin)).toEqual(['a', 'b']);
    expect(groups[0]!.reasons).toEqual(['enfants en commun : …', 'fiche SIECLE / fiche PRONOTE : même nom']);
  });

  it('keeps the source names and drops what the ENT carries today', () => {
    expect(reasonOf('compte ENT / fiche SIECLE : même identifiant SIECLE (clé de jointure)')).toBe('compte ENT / fiche SIECLE : même identifiant SIECLE …');
    expect(reasonOf("l'ENT porte déjà cet identifiant PRONOTE")).toBe('');
  });
});
