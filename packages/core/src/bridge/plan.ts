/**
 * The plan the app publishes to the extension (see protocol.ts): one entry per person with an
 * ENT account, and the flags to show next to records in the portals' lists. Pure: the same
 * reconciliation gives the same plan (but for `generatedAt`).
 *
 * Safety: `pronoteId` is set only for `certain` or admin-confirmed assignments, so the
 * extension can never autofill a guess; ambiguous people carry their candidates instead.
 */
import type { SchoolDataset } from '../model/dataset.js';
import { displayFamily, type EntAccount, type PersonName } from '../model/types.js';
import { normalizeName } from '../model/names.js';
import { refKey, type Finding, type SubjectRef } from '../match/types.js';
import type { ReconcileResult } from '../reconcile.js';
import { peopleOf } from '../checks/people.js';
import { BRIDGE_VERSION, type BridgeFlag, type BridgePerson, type BridgePlan } from './protocol.js';

export interface BridgePlanOptions {
  /** Findings the admin ignored or handled: not flagged in the portals. */
  hiddenFindingKeys?: ReadonlySet<string>;
  /** ISO date-time; default now. */
  generatedAt?: string;
}

interface Who {
  name: PersonName;
  birthDate?: string;
  division?: string;
}

/** « DUPONT LEA »: how the plan keys names (see BridgePlan.flags). */
export function bridgeNameKey(name: Pick<PersonName, 'family' | 'usage' | 'given'>): string {
  return normalizeName(`${displayFamily(name as PersonName)} ${name.given}`);
}

/** The SIECLE / STS / PRONOTE / ENT record behind a subject, for names and birth dates. */
function indexPeople(ds: SchoolDataset): Map<string, Who> {
  const m = new Map<string, Who>();
  for (const p of ds.pupils) m.set(refKey({ source: 'siecle', kind: 'pupil', id: p.eleveId }), p);
  for (const g of ds.guardians) m.set(refKey({ source: 'siecle', kind: 'guardian', id: g.personneId }), g);
  for (const s of ds.staff) m.set(refKey({ source: 'sts', kind: 'staff', id: s.id }), s);
  for (const r of ds.pronoteRows) m.set(refKey({ source: 'pronote', kind: 'row', id: r.pronoteId }), r);
  for (const a of ds.entAccounts) m.set(refKey({ source: 'ent', kind: 'account', id: a.login }), a);
  return m;
}

function flagOf(f: Finding): BridgeFlag {
  const first = f.evidence[0];
  const reason = first ? `${f.title} : ${first}` : f.title;
  return { code: f.code, severity: f.severity, reason: reason.length > 240 ? `${reason.slice(0, 239)}…` : reason };
}

function push(map: Record<string, BridgeFlag[]>, key: string, flag: BridgeFlag): void {
  if (!key) return;
  const list = (map[key] ??= []);
  if (!list.some((x) => x.code === flag.code && x.reason === flag.reason)) list.push(flag);
}

export function buildBridgePlan(result: ReconcileResult, ds: SchoolDataset, opts: BridgePlanOptions = {}): BridgePlan {
  const people = indexPeople(ds);
  const accounts = new Map<string, EntAccount>(ds.entAccounts.map((a) => [a.login, a]));

  // ENT logins linked to each SIECLE/STS person (the links from accounts to their owners).
  const loginsOf = new Map<string, string[]>();
  for (const l of result.links) {
    const [acc, person] = l.from.source === 'ent' ? [l.from, l.to] : l.to.source === 'ent' ? [l.to, l.from] : [undefined, undefined];
    if (!acc || !person || person.source === 'pronote' || l.decision === 'ambiguous') continue;
    const k = refKey(person);
    loginsOf.set(k, [...new Set([...(loginsOf.get(k) ?? []), acc.id])]);
  }

  const byKey = new Map<string, BridgePerson>();
  for (const a of result.assignments) {
    const account = accounts.get(a.entLogin);
    const key = a.person ? refKey(a.person) : refKey({ source: 'ent', kind: 'account', id: a.entLogin });
    const who = (a.person && people.get(key)) ?? account;
    const usable = a.pronoteId && (a.decision === 'certain' || a.confirmedByAdmin);
    const prev = byKey.get(key);
    if (prev) {
      if (!prev.entLogins.includes(a.entLogin)) prev.entLogins.push(a.entLogin);
      // Several accounts: what each one carries (the person's `currentPronoteId` is the first one's).
      if (a.currentPronoteId) prev.currentByLogin = { ...prev.currentByLogin, [a.entLogin]: a.currentPronoteId };
      continue;
    }
    const p: BridgePerson = {
      key,
      profile: account?.profile ?? 'other',
      family: who ? displayFamily(who.name) : '',
      given: who?.name.given ?? '',
      entLogins: [a.entLogin],
      decision: a.decision,
      evidence: a.evidence,
    };
    if (who?.birthDate) p.birthDate = who.birthDate;
    const division = who?.division ?? account?.division;
    if (division) p.division = division;
    if (usable) p.pronoteId = a.pronoteId!;
    if (a.confirmedByAdmin) p.confirmedByAdmin = true;
    if (a.currentPronoteId) {
      p.currentPronoteId = a.currentPronoteId;
      p.currentByLogin = { [a.entLogin]: a.currentPronoteId };
    }
    if (a.status) p.pronoteStatus = a.status;
    if (a.decision === 'ambiguous' && a.candidates?.length) p.candidates = a.candidates.map((c) => ({ pronoteId: c.pronoteId, label: c.label }));
    byKey.set(key, p);
  }

  // Records of one person (the duplicate clusters core's checks reason on): one `sameAs` key each.
  for (const person of peopleOf(ds).list) {
    if (person.keys.length < 2) continue;
    const members = person.keys.map((k) => byKey.get(k)).filter((p): p is BridgePerson => !!p);
    if (members.length > 1) for (const p of members) p.sameAs = person.keys[0]!;
  }

  const flags: BridgePlan['flags'] = { siecle: {}, entByLogin: {}, entByName: {}, stsGroups: {} };
  const flagAccount = (login: string, flag: BridgeFlag) => {
    push(flags.entByLogin, login, flag);
    const acc = accounts.get(login);
    if (acc) push(flags.entByName, bridgeNameKey(acc.name), flag);
  };
  for (const f of result.findings) {
    if (opts.hiddenFindingKeys?.has(f.key)) continue;
    const flag = flagOf(f);
    for (const s of f.subjects as SubjectRef[]) {
      const k = refKey(s);
      if (s.kind === 'group') {
        push(flags.stsGroups, s.id, flag);
      } else if (s.source === 'ent') {
        flagAccount(s.id, flag);
      } else if (s.source === 'siecle') {
        const who = people.get(k);
        if (who) push(flags.siecle, `${bridgeNameKey(who.name)}|${who.birthDate ?? ''}`, flag);
        for (const login of loginsOf.get(k) ?? []) flagAccount(login, flag);
      } else if (s.source === 'sts') {
        for (const login of loginsOf.get(k) ?? []) flagAccount(login, flag);
      }
    }
  }

  return {
    version: BRIDGE_VERSION,
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    school: {
      uai: result.school.uai,
      ...(result.school.name ? { name: result.school.name } : {}),
      ...(result.school.schoolYear !== undefined ? { schoolYear: result.school.schoolYear } : {}),
    },
    people: [...byKey.values()],
    flags,
  };
}
