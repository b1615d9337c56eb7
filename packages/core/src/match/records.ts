/**
 * The matcher's view of every source record: a prepared name, the facts that can agree or
 * disagree beyond the name (birth date, class, INE, children), and a label for the admin.
 */
import type { SchoolDataset } from '../model/dataset.js';
import { normalizeName } from '../model/names.js';
import { linkLevel } from '../model/guardians.js';
import type { EntAccount, EntChildRef, PersonName, PronoteChildRef, PronoteRow, SieclePupil, Source, StsPerson } from '../model/types.js';
import type { SubjectRef } from './types.js';
import { prepareName, type PreparedName } from './names.js';

export type Role = 'pupil' | 'guardian' | 'teacher' | 'staff';
/** Roles that may link to each other: teachers and other staff form one group. */
export type RoleGroup = 'pupil' | 'guardian' | 'staff';

export function roleGroup(r: Role): RoleGroup {
  return r === 'teacher' ? 'staff' : r;
}

/** A child of a guardian, as one source knows it: SIECLE ids when known, else a name and class. */
export interface ChildDesc {
  /** SIECLE ELEVE_IDs this child is (several when a PRONOTE name fits homonyms). */
  ids: string[];
  name: PreparedName;
  division?: string;
  label: string;
  /**
   * SIECLE guardians: false when the link is only a contact (NIVEAU_RESPONSABILITE 3+, RESP_LEGAL 0);
   * a legal guardian or a « personne en charge » is responsible (PRONOTE lists both).
   */
  responsible?: boolean;
}

export interface Rec {
  ref: SubjectRef;
  role: Role;
  name: PreparedName;
  birth?: string;
  /** Class code compared without spaces or case (`4e 1` = `4E1`). */
  division?: string;
  divisionRaw?: string;
  ine?: string;
  children?: ChildDesc[];
  /** SIECLE pupils: PERSONNE_IDs of their guardians. */
  guardianIds?: string[];
  /** ENT only: the SIECLE/STS join key. */
  joinKey?: string;
  /** ENT only: the PRONOTE ID the account carries today. */
  pronoteHint?: string;
  /** ENT only: UID, for the guardian links of pupil accounts. */
  uid?: string;
  guardianUids?: string[];
  label: string;
}

const divisionKeys = new Map<string, string | undefined>();

export function divisionKey(d: string | undefined): string | undefined {
  if (!d) return undefined;
  // Memoised: a school has a few dozen class codes for tens of thousands of records.
  let k = divisionKeys.get(d);
  if (k === undefined && !divisionKeys.has(d)) {
    if (divisionKeys.size >= 10_000) divisionKeys.clear();
    k = normalizeName(d).replace(/ /g, '') || undefined;
    divisionKeys.set(d, k);
  }
  return k;
}

/** `03/04/2010` from ISO. */
export function frDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export const SOURCE_LABEL: Record<Source, string> = { siecle: 'SIECLE', sts: 'STS-web', pronote: 'PRONOTE', ent: "l'ENT" };

function label(name: PreparedName, division?: string): string {
  return division ? `${name.display} (${division})` : name.display;
}

type RecInit = Partial<Omit<Rec, 'ref' | 'role' | 'name' | 'label' | 'division'>>;

/** Every record has the same fields in the same order (one object shape for the hot loops). */
export function makeRec(ref: Omit<SubjectRef, 'label'>, role: Role, name: PreparedName, o: RecInit = {}): Rec {
  const lab = label(name, o.divisionRaw);
  return {
    ref: { source: ref.source, kind: ref.kind, id: ref.id, label: lab },
    role,
    name,
    birth: o.birth,
    division: divisionKey(o.divisionRaw),
    divisionRaw: o.divisionRaw,
    ine: o.ine,
    children: o.children,
    guardianIds: o.guardianIds,
    joinKey: o.joinKey,
    pronoteHint: o.pronoteHint,
    uid: o.uid,
    guardianUids: o.guardianUids,
    label: lab,
  };
}

function base(ref: Omit<SubjectRef, 'label'>, role: Role, n: PersonName, o: RecInit): Rec {
  return makeRec(ref, role, prepareName(n), o);
}

export function pupilRec(p: SieclePupil): Rec {
  return base({ source: 'siecle', kind: 'pupil', id: p.eleveId }, 'pupil', p.name, {
    birth: p.birthDate,
    divisionRaw: p.division,
    ine: p.ine || p.ineRnie || p.ineBea || undefined,
  });
}

/** A SIECLE pupil as a child of one of its guardians (`responsible`: see ChildDesc). */
export function childOfPupil(p: Rec, responsible: boolean): ChildDesc {
  return { ids: [p.ref.id], name: p.name, division: p.division, label: p.label, responsible };
}

/** SIECLE records: pupils, guardians (with their pupils as children), STS people. */
export function hubRecords(ds: SchoolDataset): { pupils: Rec[]; guardians: Rec[]; staff: Rec[] } {
  const pupils = ds.pupils.map(pupilRec);
  const byEleve = new Map<string, Rec>();
  for (const p of pupils) byEleve.set(p.ref.id, p);
  const childrenOf = new Map<string, ChildDesc[]>();
  for (const l of ds.guardianLinks) {
    const p = byEleve.get(l.eleveId);
    if (!p) continue;
    (p.guardianIds ??= []).push(l.personneId);
    const list = childrenOf.get(l.personneId);
    const known = list?.find((c) => c.ids[0] === p.ref.id);
    const responsible = linkLevel(l) !== 'contact';
    if (known) known.responsible ||= responsible;
    else if (list) list.push(childOfPupil(p, responsible));
    else childrenOf.set(l.personneId, [childOfPupil(p, responsible)]);
  }
  const guardians = ds.guardians.map((g) =>
    base({ source: 'siecle', kind: 'guardian', id: g.personneId }, 'guardian', g.name, { children: childrenOf.get(g.personneId) ?? [] }),
  );
  const staff = ds.staff.map((s: StsPerson) =>
    base({ source: 'sts', kind: 'staff', id: s.id }, s.teacher ? 'teacher' : 'staff', s.name, { birth: s.birthDate }),
  );
  return { pupils, guardians, staff };
}

const PRONOTE_ROLE: Record<PronoteRow['profile'], Role> = { pupil: 'pupil', guardian: 'guardian', teacher: 'teacher', staff: 'staff' };

/** PRONOTE rows (one per PRONOTE ID; a repeated ID keeps its first row), children resolved by `child`. */
export function pronoteRecords(rows: PronoteRow[], child: (ref: PronoteChildRef) => ChildDesc): Rec[] {
  const seen = new Set<string>();
  const out: Rec[] = [];
  for (const r of rows) {
    if (!r.pronoteId || seen.has(r.pronoteId)) continue;
    seen.add(r.pronoteId);
    out.push(
      base({ source: 'pronote', kind: 'row', id: r.pronoteId }, PRONOTE_ROLE[r.profile], r.name, {
        birth: r.birthDate,
        divisionRaw: r.division,
        ine: r.ine,
        children: r.profile === 'guardian' ? r.children.map(child) : undefined,
      }),
    );
  }
  return out;
}

const ENT_ROLE: Partial<Record<EntAccount['profile'], Role>> = { pupil: 'pupil', guardian: 'guardian', teacher: 'teacher', staff: 'staff' };

/** ENT accounts of pupils, guardians, teachers and staff (other profiles have no PRONOTE ID). */
export function entRecords(all: EntAccount[]): { recs: Rec[]; accounts: EntAccount[] } {
  const out: Rec[] = [];
  const accounts: EntAccount[] = [];
  const seen = new Set<string>();
  for (const a of all) {
    const role = ENT_ROLE[a.profile];
    if (!role || !a.login || seen.has(a.login)) continue;
    seen.add(a.login);
    accounts.push(a);
    out.push(
      base({ source: 'ent', kind: 'account', id: a.login }, role, a.name, {
        birth: a.birthDate,
        divisionRaw: role === 'guardian' ? undefined : a.division,
        joinKey: a.joinKey?.trim() || undefined,
        pronoteHint: a.pronoteId?.trim() || undefined,
        uid: a.uid?.trim() || undefined,
        guardianUids: trimmedIds(a.guardianUids),
      }),
    );
  }
  return { recs: out, accounts };
}

/** Non-empty trimmed ids, in a new array. */
function trimmedIds(ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const t = id.trim();
    if (t) out.push(t);
  }
  return out;
}

/** The children an ENT export names on a guardian account (ProEPS parents export…). */
export function entChildRefs(a: EntAccount): EntChildRef[] {
  return a.children ?? [];
}
