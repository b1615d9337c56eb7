/** Hand-built datasets and match results for the rule tests (no parser, no matcher). */
import { assembleDataset, type SchoolDataset } from '../../src/model/dataset.js';
import type {
  EntAccount,
  GuardianLink,
  PronoteRow,
  SiecleGuardian,
  SieclePupil,
  StsGroup,
  StsPerson,
} from '../../src/model/types.js';
import type { Assignment, Decision, Link, MatchResult, SubjectRef } from '../../src/match/types.js';
import { refKey } from '../../src/match/types.js';
import type { CheckContext, CheckRule } from '../../src/checks/types.js';
import type { RawFinding } from '../../src/checks/common.js';

const prov = { file: 'test', position: 1 };

export function dataset(partial: Partial<SchoolDataset> = {}): SchoolDataset {
  return { ...assembleDataset([]), school: { uai: '0310040A', schoolYear: 2025 }, ...partial };
}

export function pupil(eleveId: string, family: string, given: string, extra: Partial<SieclePupil> = {}): SieclePupil {
  return {
    eleveId,
    name: { family, given },
    birthDate: '2011-05-04',
    birthCountryCode: '100',
    birthInseeCode: '31555',
    mef: '10310019110',
    division: '3A',
    left: false,
    groups: [],
    options: [],
    provenance: prov,
    ...extra,
  };
}

export function guardian(personneId: string, family: string, given: string, extra: Partial<SiecleGuardian> = {}): SiecleGuardian {
  return { personneId, name: { family, given }, provenance: prov, ...extra };
}

export function glink(eleveId: string, personneId: string, legal = true, rank: 1 | 2 = 1): GuardianLink {
  return { eleveId, personneId, legal, ...(legal ? { legalRank: rank, respLegal: rank } : { respLegal: 0 }), provenance: prov };
}

export function teacher(id: string, family: string, given: string, extra: Partial<StsPerson> = {}): StsPerson {
  return {
    id,
    type: 'epp',
    name: { family, given },
    function: 'ENS',
    teacher: true,
    principalOf: [],
    disciplines: [],
    provenance: prov,
    ...extra,
  };
}

export function group(code: string, divisions: string[], teacherIds: string[] = [], subjectCode = '030201'): StsGroup {
  return { code, divisions, mefs: [], services: teacherIds.length ? [{ subjectCode, teacherIds }] : [] };
}

export function account(login: string, family: string, given: string, extra: Partial<EntAccount> = {}): EntAccount {
  return {
    login,
    profile: 'pupil',
    name: { family, given },
    passwordChanged: false,
    guardianUids: [],
    provenance: prov,
    ...extra,
  };
}

export function prow(pronoteId: string, family: string, given: string, extra: Partial<PronoteRow> = {}): PronoteRow {
  return { pronoteId, profile: 'pupil', name: { family, given }, children: [], provenance: prov, ...extra };
}

export const ref = {
  pupil: (id: string): SubjectRef => ({ source: 'siecle', kind: 'pupil', id }),
  guardian: (id: string): SubjectRef => ({ source: 'siecle', kind: 'guardian', id }),
  staff: (id: string): SubjectRef => ({ source: 'sts', kind: 'staff', id }),
  account: (login: string): SubjectRef => ({ source: 'ent', kind: 'account', id: login }),
  row: (id: string): SubjectRef => ({ source: 'pronote', kind: 'row', id }),
};

export function emptyMatch(): MatchResult {
  return { links: [], assignments: [], entOwner: new Map(), pronoteOf: new Map(), entOf: new Map() };
}

/** Links an ENT account to its SIECLE/STS person (entOwner, entOf, links). */
export function linkEnt(m: MatchResult, login: string, person: SubjectRef, decision: Decision = 'certain', candidates?: SubjectRef[]): Link {
  const l: Link = { from: ref.account(login), to: person, decision, score: 1, evidence: ['même nom'], ...(candidates ? { candidates } : {}) };
  m.links.push(l);
  m.entOwner.set(login, l);
  const k = refKey(person);
  m.entOf.set(k, [...(m.entOf.get(k) ?? []), l]);
  return l;
}

/** Links a SIECLE/STS person to its PRONOTE row (pronoteOf, links). */
export function linkPronote(m: MatchResult, person: SubjectRef, pronoteId: string, decision: Decision = 'certain'): Link {
  const l: Link = { from: person, to: ref.row(pronoteId), decision, score: 1, evidence: ['même nom, même date de naissance'] };
  m.links.push(l);
  m.pronoteOf.set(refKey(person), l);
  return l;
}

export function assign(m: MatchResult, a: Partial<Assignment> & { entLogin: string }): Assignment {
  const full: Assignment = { pronoteId: null, decision: 'certain', evidence: [], ...a };
  m.assignments.push(full);
  return full;
}

export function ctx(ds: SchoolDataset, m: MatchResult = emptyMatch(), today = '2025-10-01'): CheckContext {
  return { dataset: ds, match: m, today };
}

/** A rule's raw findings, with the per-finding severity and fix a rule may set. */
export function runRaw(rule: CheckRule, c: CheckContext): RawFinding[] {
  return rule.run(c) as RawFinding[];
}
