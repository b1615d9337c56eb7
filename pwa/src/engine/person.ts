/**
 * The person page: one person in every source, side by side, with the links that tie the
 * records together, the assignment of their ENT account and the findings about them.
 */
import {
  displayName,
  frDate,
  linkKey,
  refKey,
  type EntAccount,
  type PronoteRow,
  type ReconcileResult,
  type SchoolDataset,
  type SieclePupil,
  type SiecleGuardian,
  type StsPerson,
  type SubjectRef,
} from '@raccord/core';
import { fr } from '../i18n/fr.ts';
import type { DecisionFacts, PersonView, RecordView } from './types.ts';

type Rec =
  | { type: 'pupil'; ref: SubjectRef; rec: SieclePupil }
  | { type: 'guardian'; ref: SubjectRef; rec: SiecleGuardian }
  | { type: 'staff'; ref: SubjectRef; rec: StsPerson }
  | { type: 'pronote'; ref: SubjectRef; rec: PronoteRow }
  | { type: 'ent'; ref: SubjectRef; rec: EntAccount };

export interface PersonIndex {
  byKey: Map<string, Rec>;
  /** `source|id` → records, for refs whose kind differs from ours. */
  bySourceId: Map<string, Rec[]>;
  /** refKey → refKeys linked to it. */
  adjacency: Map<string, Set<string>>;
  guardiansOf: Map<string, string[]>;
  childrenOf: Map<string, string[]>;
}

export function buildPersonIndex(ds: SchoolDataset, result: ReconcileResult): PersonIndex {
  const byKey = new Map<string, Rec>();
  const bySourceId = new Map<string, Rec[]>();
  const add = (r: Rec) => {
    byKey.set(refKey(r.ref), r);
    const k = `${r.ref.source}|${r.ref.id}`;
    const list = bySourceId.get(k);
    if (list) list.push(r);
    else bySourceId.set(k, [r]);
  };
  for (const p of ds.pupils) add({ type: 'pupil', ref: { source: 'siecle', kind: 'pupil', id: p.eleveId, label: displayName(p.name) }, rec: p });
  for (const g of ds.guardians) add({ type: 'guardian', ref: { source: 'siecle', kind: 'guardian', id: g.personneId, label: displayName(g.name) }, rec: g });
  for (const s of ds.staff) add({ type: 'staff', ref: { source: 'sts', kind: 'staff', id: s.id, label: displayName(s.name) }, rec: s });
  for (const r of ds.pronoteRows) add({ type: 'pronote', ref: { source: 'pronote', kind: 'row', id: r.pronoteId, label: displayName(r.name) }, rec: r });
  for (const a of ds.entAccounts) add({ type: 'ent', ref: { source: 'ent', kind: 'account', id: a.login, label: displayName(a.name) }, rec: a });

  const adjacency = new Map<string, Set<string>>();
  const edge = (a: string, b: string) => {
    let s = adjacency.get(a);
    if (!s) adjacency.set(a, (s = new Set()));
    s.add(b);
  };
  for (const l of result.links) {
    const a = refKey(l.from);
    const b = refKey(l.to);
    edge(a, b);
    edge(b, a);
  }
  const guardiansOf = new Map<string, string[]>();
  const childrenOf = new Map<string, string[]>();
  for (const gl of ds.guardianLinks) {
    const child = refKey({ source: 'siecle', kind: 'pupil', id: gl.eleveId });
    const guardian = refKey({ source: 'siecle', kind: 'guardian', id: gl.personneId });
    guardiansOf.set(child, [...(guardiansOf.get(child) ?? []), guardian]);
    childrenOf.set(guardian, [...(childrenOf.get(guardian) ?? []), child]);
  }
  return { byKey, bySourceId, adjacency, guardiansOf, childrenOf };
}

function lookup(index: PersonIndex, key: string): Rec | undefined {
  const direct = index.byKey.get(key);
  if (direct) return direct;
  const [source, , ...rest] = key.split(':');
  const list = index.bySourceId.get(`${source}|${rest.join(':')}`);
  return list?.length === 1 ? list[0] : undefined;
}

const F = fr.person.fields;

function pushIf(fields: [string, string][], label: string, value: string | undefined | null): void {
  if (value !== undefined && value !== null && value !== '') fields.push([label, value]);
}

function nameFields(fields: [string, string][], n: { family: string; usage?: string; given: string; otherGiven?: string[] }): void {
  pushIf(fields, F.name, n.family);
  pushIf(fields, F.usage, n.usage);
  pushIf(fields, F.given, [n.given, ...(n.otherGiven ?? [])].filter(Boolean).join(', '));
}

function recordFields(r: Rec): [string, string][] {
  const f: [string, string][] = [];
  switch (r.type) {
    case 'pupil': {
      const p = r.rec;
      nameFields(f, p.name);
      pushIf(f, F.birthDate, frDate(p.birthDate));
      pushIf(f, F.division, p.division ?? (p.inactive ? F.inactive : undefined));
      pushIf(f, F.groups, p.groups.join(', '));
      pushIf(f, F.mef, p.mef);
      pushIf(f, F.ine, p.ine);
      pushIf(f, F.eleveId, p.eleveId);
      pushIf(f, F.elenoet, p.elenoet);
      pushIf(f, F.birthPlace, [p.birthCity, p.birthInseeCode, p.birthCountryCode].filter(Boolean).join(' · '));
      pushIf(f, F.entry, frDate(p.entryDate));
      pushIf(f, F.left, p.leaveDate ? F.leftOn(frDate(p.leaveDate)) : F.stillHere);
      break;
    }
    case 'guardian': {
      const g = r.rec;
      pushIf(f, F.civility, g.civility);
      nameFields(f, g.name);
      pushIf(f, F.phone, [g.phoneMobile, g.phoneHome, g.phoneWork].filter(Boolean).join(' · '));
      pushIf(f, F.email, g.email);
      pushIf(f, F.address, g.address ? [...g.address.lines, [g.address.postcode, g.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : undefined);
      pushIf(f, F.personneId, g.personneId);
      break;
    }
    case 'staff': {
      const s = r.rec;
      pushIf(f, F.civility, s.civility);
      nameFields(f, s.name);
      pushIf(f, F.birthDate, frDate(s.birthDate));
      pushIf(f, F.function, s.function);
      pushIf(f, F.type, s.type);
      pushIf(f, F.disciplines, s.disciplines.map((d) => d.label ?? d.code).join(', '));
      pushIf(f, F.principalOf, s.principalOf.map((p) => p.division).join(', '));
      if (s.substitute) pushIf(f, F.substitute, F.yes);
      pushIf(f, F.stsId, s.id);
      break;
    }
    case 'pronote': {
      const p = r.rec;
      pushIf(f, F.pronoteId, p.pronoteId);
      pushIf(f, F.profile, fr.person.profile[p.profile]);
      nameFields(f, p.name);
      pushIf(f, F.birthDate, frDate(p.birthDate));
      pushIf(f, F.division, p.division);
      pushIf(f, F.ine, p.ine);
      pushIf(f, F.children, p.children.map((c) => c.raw).join(', '));
      break;
    }
    case 'ent': {
      const a = r.rec;
      pushIf(f, F.login, a.login);
      pushIf(f, F.profile, fr.person.profile[a.profile] ?? a.rawProfile);
      nameFields(f, a.name);
      pushIf(f, F.birthDate, frDate(a.birthDate));
      pushIf(f, F.division, a.division);
      pushIf(f, F.uid, a.uid);
      pushIf(f, F.joinKey, a.joinKey);
      pushIf(f, F.currentPronoteId, a.pronoteId);
      pushIf(f, F.password, a.passwordChanged ? F.passwordChanged : a.password ? F.passwordInitial : a.activationCode ? F.activation : undefined);
      break;
    }
  }
  pushIf(f, F.file, `${r.rec.provenance.file} (${r.rec.provenance.position})`);
  return f;
}

function related(index: PersonIndex, key: string): RecordView['related'] {
  const out: RecordView['related'] = [];
  for (const k of index.childrenOf.get(key) ?? []) {
    const r = index.byKey.get(k);
    if (r) out.push({ label: `${r.ref.label}${r.type === 'pupil' && r.rec.division ? ` (${r.rec.division})` : ''}`, refKey: k, role: fr.person.role.child });
  }
  for (const k of index.guardiansOf.get(key) ?? []) {
    const r = index.byKey.get(k);
    if (r) out.push({ label: r.ref.label ?? k, refKey: k, role: fr.person.role.guardian });
  }
  return out;
}

const MAX_RECORDS = 16;
/** ENT account → SIECLE → PRONOTE → the duplicate SIECLE record → its own ENT account. */
const MAX_DEPTH = 4;

/** The person behind `key` and every record linked to it (a few steps away at most). */
export function personView(index: PersonIndex, result: ReconcileResult, key: string): PersonView | null {
  const start = lookup(index, key);
  if (!start) return null;
  const startKey = refKey(start.ref);
  const seen = new Set([startKey]);
  let frontier = [startKey];
  for (let depth = 0; depth < MAX_DEPTH && seen.size < MAX_RECORDS; depth++) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const n of index.adjacency.get(k) ?? []) {
        if (seen.has(n) || seen.size >= MAX_RECORDS) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  const records: RecordView[] = [];
  for (const k of seen) {
    const r = lookup(index, k);
    if (!r) continue;
    records.push({ ref: r.ref, refKey: refKey(r.ref), source: r.ref.source, title: r.ref.label ?? r.ref.id, fields: recordFields(r), related: related(index, refKey(r.ref)) });
  }
  const inView = new Set(records.map((r) => r.refKey));
  const logins = new Set(records.filter((r) => r.source === 'ent').map((r) => r.ref.id));
  return {
    refKey: startKey,
    title: start.ref.label ?? start.ref.id,
    records,
    links: result.links.filter((l) => inView.has(refKey(l.from)) || inView.has(refKey(l.to))).map((link) => ({ key: linkKey(link), link })),
    assignments: result.assignments.filter((a) => logins.has(a.entLogin)),
    findings: result.findings.filter((f) => f.subjects.some((s) => inView.has(refKey(s)))),
  };
}

// ───────────────────────────── ambiguous links: the facts that tell candidates apart ─────────────────────────────

/** The facts that tell two homonyms apart (never the record IDs, which always differ). */
const DISTINGUISHING = new Set<string>([F.name, F.usage, F.given, F.birthDate, F.division, F.children, F.phone, F.address, F.email, F.disciplines, F.function]);

/** The records a record is surely linked to: an ambiguous link would lend it a homonym's facts. */
function sureNeighbours(result: Pick<ReconcileResult, 'links'>, key: string): string[] {
  const out: string[] = [];
  for (const l of result.links) {
    if (l.decision === 'ambiguous') continue;
    const a = refKey(l.from);
    const b = refKey(l.to);
    if (a === key) out.push(b);
    else if (b === key) out.push(a);
  }
  return out;
}

function factsOf(index: PersonIndex, result: Pick<ReconcileResult, 'links'>, key: string): [string, string][] {
  const rec = lookup(index, key);
  if (!rec) return [];
  const out: [string, string][] = [];
  const add = (label: string, value: string) => {
    if (value && !out.some(([l, v]) => l === label && v === value)) out.push([label, value]);
  };
  const keys = [refKey(rec.ref), ...sureNeighbours(result, refKey(rec.ref))];
  for (const k of keys) {
    const r = lookup(index, k);
    // The candidate's own record and the SIECLE/STS records it is linked to (not other ENT accounts).
    if (!r || (r.type === 'ent' && k !== key)) continue;
    for (const [label, value] of recordFields(r)) if (DISTINGUISHING.has(label)) add(label, value);
    const children = related(index, k).filter((x) => x.role === fr.person.role.child);
    if (children.length) add(F.children, children.map((c) => c.label).join(', '));
  }
  return out;
}

/** For each ambiguous ENT account: the account, and each candidate with the facts that differ. */
export function decisionFacts(index: PersonIndex, result: Pick<ReconcileResult, 'assignments' | 'links'>): Record<string, DecisionFacts> {
  const out: Record<string, DecisionFacts> = {};
  for (const a of result.assignments) {
    if (a.decision !== 'ambiguous' || !a.candidates?.length) continue;
    const accountKey = refKey({ source: 'ent', kind: 'account', id: a.entLogin });
    const account = lookup(index, accountKey);
    const candidates = a.candidates.map((c) => {
      const key = refKey({ source: 'pronote', kind: 'row', id: c.pronoteId });
      return { ...c, refKey: key, facts: factsOf(index, result, key) };
    });
    // A fact differs when the candidates do not all have the same value for it.
    const valuesOf = (label: string) => new Set(candidates.map((c) => c.facts.filter(([l]) => l === label).map(([, v]) => v).join(' | ')));
    const labels = new Set(candidates.flatMap((c) => c.facts.map(([l]) => l)));
    const differing = new Set([...labels].filter((l) => valuesOf(l).size > 1));
    out[a.entLogin] = {
      account: {
        title: account ? (account.type === 'ent' ? `${displayName(account.rec.name)} (${fr.person.profile[account.rec.profile] ?? ''})` : (account.ref.label ?? a.entLogin)) : a.entLogin,
        refKey: accountKey,
        facts: account ? factsOf(index, result, accountKey) : [],
      },
      candidates: candidates.map((c) => ({ ...c, facts: c.facts.map(([label, value]) => ({ label, value, differs: differing.has(label) })) })),
    };
  }
  return out;
}
