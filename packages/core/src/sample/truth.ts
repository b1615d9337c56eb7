// Ground truth, derived from the final records (never from what the injector meant to do), so that it
// always describes the files as written.

import { frDate } from './dates.js';
import {
  guardianStatus, isTeacher, missingFields, primaryGuardian, primaryPupil, pupilStatus, pushTo, type Index,
} from './derive.js';
import type { EntAccount, Guardian, Pupil, Staff, World } from './model.js';
import { isValidGroupName, normName } from './text.js';
import {
  ANOMALY_CODES, TRAP_CODES,
  type AnomalyCode, type SampleTruth, type TrapCode, type TruthAnomaly, type TruthAssignment, type TruthCounts,
  type TruthFileInfo, type TruthPerson, type TruthSubject, type TruthTrap,
} from './types.js';

const pupilSubject = (p: Pupil): TruthSubject => ({ source: 'siecle', kind: 'pupil', id: p.id });
const guardianSubject = (g: Guardian): TruthSubject => ({ source: 'siecle', kind: 'guardian', id: g.id });
const staffSubject = (s: Staff): TruthSubject => ({ source: 'sts', kind: 'staff', id: s.id });
const accountSubject = (a: EntAccount): TruthSubject => ({ source: 'ent', kind: 'account', id: a.login });
const rowSubject = (id: string): TruthSubject => ({ source: 'pronote', kind: 'row', id });

const displayName = (nom: string, prenom: string): string => `${nom.toUpperCase()} ${prenom}`;

class TruthBuilder {
  readonly anomalies: TruthAnomaly[] = [];
  readonly traps: TruthTrap[] = [];
  private readonly staffByKey: Map<string, Staff>;

  constructor(readonly w: World, readonly idx: Index) {
    this.staffByKey = new Map(w.staff.map((s) => [s.key, s]));
  }

  add(code: AnomalyCode, subjects: TruthSubject[], note: string): void {
    this.anomalies.push({ code, subjects, note });
  }

  /** Every record, PRONOTE row and ENT account of a person. */
  subjectsOf(key: string): TruthSubject[] {
    const out: TruthSubject[] = [];
    for (const p of this.idx.pupilsByKey.get(key) ?? []) out.push(pupilSubject(p));
    for (const g of this.idx.guardiansByKey.get(key) ?? []) out.push(guardianSubject(g));
    const s = this.staffByKey.get(key);
    if (s) out.push(staffSubject(s));
    const row = this.idx.rowByKey.get(key);
    if (row) out.push(rowSubject(row.id));
    for (const a of this.idx.accountsByKey.get(key) ?? []) out.push(accountSubject(a));
    return out;
  }

  recordsOf(key: string): TruthSubject[] {
    return this.subjectsOf(key).filter((s) => s.source === 'siecle' || s.source === 'sts');
  }

  nameOf(key: string): string {
    const pupils = this.idx.pupilsByKey.get(key);
    if (pupils) {
      const p = primaryPupil(pupils);
      return displayName(p.nomUsage || p.nom, p.prenom);
    }
    const guardians = this.idx.guardiansByKey.get(key);
    if (guardians) {
      const g = primaryGuardian(guardians);
      return displayName(g.nomUsage || g.nom, g.prenom);
    }
    const s = this.staffByKey.get(key);
    return s ? displayName(s.nomUsage, s.prenom) : key;
  }

  anomaliesFromRecords(): void {
    const { w, idx } = this;
    for (const p of w.pupils) {
      if (p.status !== 'current') continue;
      const missing = missingFields(p);
      if (missing.length) this.add('siecle.pupil-incomplete', [pupilSubject(p)], `incomplete record (fiche bloquante, never reaches the ENT): ${missing.join(', ')}`);
    }
    for (const records of idx.pupilsByKey.values()) {
      if (records.length < 2) continue;
      const p = primaryPupil(records);
      const dups = records.filter((r) => r !== p);
      this.add('siecle.pupil-duplicate', records.map(pupilSubject),
        `same pupil twice: ${p.id} "${p.prenom} ${p.nomUsage || p.nom}" and hand-made ${dups.map((d) => `${d.id} "${d.prenom} ${d.nomUsage || d.nom}" (no INE)`).join(', ')}`);
    }
    for (const records of idx.guardiansByKey.values()) {
      if (records.length < 2) continue;
      const g = primaryGuardian(records);
      const dups = records.filter((r) => r !== g);
      this.add('siecle.guardian-duplicate', records.map(guardianSubject),
        `same guardian twice (${dups.map((d) => d.dupVariant).join(', ')} variant): ${records.map((r) => `${r.id} "${r.prenom} ${r.nomUsage || r.nom}"`).join(' / ')}, same phone and address, each linked to a different child`);
    }

    const groupByCode = new Map(w.groups.map((g) => [g.code, g]));
    for (const p of w.pupils) {
      if (p.status !== 'current' || !p.division) continue;
      for (const code of p.groups) {
        const g = groupByCode.get(code);
        if (g?.inSts && !g.divisions.includes(p.division)) {
          this.add('groups.stale-membership', [pupilSubject(p), { source: 'sts', kind: 'group', id: code }, { source: 'siecle', kind: 'group', id: p.division }],
            `pupil of ${p.division} still in group ${code}, which STS attaches to ${g.divisions.join(', ')} only (class change leftover)`);
        }
      }
    }
    const stsGroups = new Set(w.groups.flatMap((g) => [...(g.inSts ? [g.code] : []), ...(g.stsCode ? [g.stsCode] : [])]));
    const siecleGroups = new Set(w.groups.map((g) => g.code));
    const withPupils = new Set<string>();
    for (const p of w.pupils) {
      for (const g of p.groups) siecleGroups.add(g);
      if (p.status === 'current') for (const g of p.groups) withPupils.add(g);
    }
    for (const code of siecleGroups) {
      if (!stsGroups.has(code) && withPupils.has(code)) this.add('groups.unknown-group', [{ source: 'siecle', kind: 'group', id: code }], `group ${code} exists in SIECLE, with pupils, but not in STS-web`);
    }
    // The 8-character rule is STS-web's: STS codes, and SIECLE codes STS-web holds renamed by EDT
    // (never a SIECLE-made code such as « 1SPE HGGSP GROUPE 2 »).
    const renamed = new Map(w.groups.filter((g) => g.stsCode).map((g) => [g.code, g.stsCode!]));
    for (const code of new Set([...siecleGroups, ...stsGroups])) {
      if (!isValidGroupName(code) && (stsGroups.has(code) || renamed.has(code))) {
        this.add('groups.invalid-name', [{ source: stsGroups.has(code) ? 'sts' : 'siecle', kind: 'group', id: code }],
          `group name "${code}" breaks the STS rule (${code.length > 8 ? 'more than 8 characters' : 'forbidden character'}): STS-web holds it as "${renamed.get(code) ?? code}", no match between SIECLE and STS, no group in the ENT`);
      }
    }
    for (const s of w.staff) {
      if (s.fonction === 'ENS' && (idx.services.get(s) ?? 0) === 0) {
        this.add('sts.teacher-without-service', [staffSubject(s)],
          `${s.suppleant ? 'suppléant (SUP)' : s.replacement ? 'replacement (REP)' : 'teacher'} ${s.prenom} ${s.nomUsage} has FONCTION ENS and no service in STS: no class nor group in the ENT`);
      }
    }
  }

  anomaliesFromPeople(): void {
    const { w, idx } = this;
    const o = w.o;
    for (const [key, records] of idx.pupilsByKey) {
      const status = pupilStatus(records);
      const accounts = idx.accountsByKey.get(key) ?? [];
      const p = primaryPupil(records);
      if (status === 'current' && accounts.length === 0) {
        const why = missingFields(p).length ? 'blocked by its incomplete SIECLE record'
          : p.entState === 'pending' ? `newcomer (arrived ${frDate(p.dateEntree)}) not yet fed to the ENT (AAF runs nightly, 48–72 h)`
            : p.entState === 'multi' ? 'multi-inscription: dropped from the AAF' : 'absent from the AAF';
        this.add('ent.account-missing', records.map(pupilSubject), `current pupil without ENT account: ${why}`);
      }
      if (status === 'current' && !idx.rowByKey.has(key)) {
        this.add('pronote.not-in-pronote', this.subjectsOf(key),
          p.nearName ? `newcomer ${p.prenom} (${p.klass}) is not in PRONOTE; the PRONOTE pupil with a one-letter-different name in another class is someone else`
            : `arrived ${frDate(p.dateEntree)}, after the PRONOTE lists of ${frDate(o.pronoteDate)}`);
      }
      if (status !== 'current') {
        for (const a of accounts) {
          this.add('ent.account-orphan', [accountSubject(a), pupilSubject(p)],
            status === 'left' ? `pupil left on ${frDate(p.dateSortie)} but the ENT account is still there` : 'pupil in division "Inactifs" but the ENT account is still there');
        }
      }
    }
    for (const [key, records] of idx.guardiansByKey) {
      const status = guardianStatus(records, idx);
      const accounts = idx.accountsByKey.get(key) ?? [];
      const g = primaryGuardian(records);
      if ((status === 'current' || (status === 'in-charge' && w.entInCharge)) && accounts.length === 0) {
        this.add('ent.account-missing', records.map(guardianSubject),
          g.noEnt ? 'legal guardian missing from the AAF export' : `${status === 'current' ? 'legal guardian' : 'person « en charge »'} whose children are not in the ENT (blocked or pending records)`);
      }
      if (status === 'current' && !idx.rowByKey.has(key)) {
        this.add('pronote.not-in-pronote', this.subjectsOf(key), 'legal guardian of newcomers only: not in the PRONOTE lists yet');
      }
      // A guardian « en charge » (or a contact) of a current pupil is present: their account is nobody's orphan.
      if (status === 'former') {
        for (const a of accounts) this.add('ent.account-orphan', [accountSubject(a), guardianSubject(g)], 'guardian of pupils who left only, but the ENT account is still there');
      }
    }
    for (const s of w.staff) {
      if (!idx.accountsByKey.has(s.key)) {
        this.add('ent.account-missing', [staffSubject(s)], s.replacement ? 'replacement teacher arrived after the last AAF run' : 'staff member missing from the AAF export');
      }
      if (isTeacher(s, idx) && !idx.rowByKey.has(s.key)) {
        this.add('pronote.not-in-pronote', this.subjectsOf(s.key), `new teacher (${s.suppleant ? 'SUP' : s.replacement ? 'REP' : 'arrival'}) not yet in PRONOTE`);
      }
    }
  }

  anomaliesFromAccounts(): void {
    const { w, idx } = this;
    const byExpected = new Map<string, EntAccount[]>();
    for (const a of w.accounts) if (a.expected) pushTo(byExpected, a.expected, a);
    for (const [id, accounts] of byExpected) {
      if (accounts.length < 2) continue;
      const key = (accounts[0] as EntAccount).key;
      this.add('pronote.shared-id', [rowSubject(id), ...accounts.map(accountSubject), ...this.recordsOf(key)],
        `one PRONOTE row, ${accounts.length} ENT accounts (duplicate SIECLE records of ${this.nameOf(key)}): each account should carry ${id}`);
    }
    for (const a of w.accounts) {
      const right = a.expected ?? a.hidden ?? '';
      if (!a.current || a.current === right) continue;
      const wrongRow = idx.rowById.get(a.current);
      const subjects = [accountSubject(a)];
      if (wrongRow) subjects.push(rowSubject(wrongRow.id));
      if (a.expected) subjects.push(rowSubject(a.expected));
      this.add('pronote.id-conflict', subjects,
        `account carries ${a.current} (${wrongRow ? `the PRONOTE row of ${wrongRow.nom} ${wrongRow.prenom}` : 'unknown to PRONOTE: stale'}); it should carry ${a.expected ?? 'nothing'}`);
    }
    const groups = new Map<string, string[]>();
    for (const id of idx.ambiguous) {
      const row = idx.rowById.get(id);
      if (!row) continue;
      pushTo(groups, `${row.kind}|${normName(row.nom)}|${normName(row.prenom)}`, row.key);
    }
    for (const keys of groups.values()) {
      this.add('match.ambiguous', keys.flatMap((k) => this.subjectsOf(k)),
        `${keys.length} PRONOTE rows "${this.nameOf(keys[0] as string)}" that nothing in the files tells apart: leave the IDs empty and ask`);
    }
    // Hand-made ENT accounts of namesakes: the files cannot tell which account is whose.
    const manual = new Map<string, string[]>();
    for (const g of w.guardians) if (g.entManual) pushTo(manual, `${g.civ}|${normName(g.nomUsage || g.nom)}|${normName(g.prenom)}`, g.key);
    for (const keys of manual.values()) {
      if (keys.length < 2) continue;
      this.add('match.ambiguous', keys.flatMap((k) => this.subjectsOf(k)),
        `${keys.length} guardians "${this.nameOf(keys[0] as string)}" whose ENT accounts have no join key and no child: à trancher, and neither is missing an account`);
    }
  }

  trapsList(): void {
    const { w, idx } = this;
    const seen = new Set<string>();
    const push = (code: TrapCode, keys: string[], note: string): void => {
      const id = `${code}|${[...keys].sort().join(',')}`;
      if (seen.has(id)) return;
      seen.add(id);
      this.traps.push({ code, subjects: keys.flatMap((k) => this.subjectsOf(k)), note });
    };
    for (const pair of w.pairs) {
      if (pair.code === 'near-name-different-person' || pair.code === 'same-name-guardian' || pair.code === 'near-name-other-class') push(pair.code, pair.keys, pair.note);
    }
    for (const [key, records] of idx.guardiansByKey) {
      if (guardianStatus(records, idx) === 'in-charge') push('guardian-in-charge', [key], `${this.nameOf(key)} is « en charge » (NIVEAU_RESPONSABILITE 2) of a current pupil: ENT account and PRONOTE row`);
    }
    const byName = new Map<string, string[]>();
    for (const r of w.pronote) {
      pushTo(byName, `${r.kind}|${normName(r.nom)}|${normName(r.prenom)}`, r.key);
    }
    for (const keys of byName.values()) {
      if (keys.length < 2) continue;
      const rows = keys.map((k) => idx.rowByKey.get(k)).filter((r) => r !== undefined);
      const first = rows[0];
      if (!first) continue;
      if (rows.every((r) => idx.ambiguous.has(r.id))) {
        push('homonym-indistinguishable', keys, `${keys.length} PRONOTE rows ${first.nom} ${first.prenom} with nothing to tell them apart`);
      } else if (first.kind === 'eleve' && new Set(rows.map((r) => r.birth)).size < rows.length) {
        push('same-name-same-birthdate', keys, `pupils ${first.nom} ${first.prenom} with the same birth date in ${rows.map((r) => r.klass).join(', ')}: only the class tells them apart`);
      } else {
        push(first.kind === 'responsable' ? 'same-name-guardian' : 'homonym', keys,
          `${keys.length} ${first.kind === 'eleve' ? 'pupils' : first.kind === 'responsable' ? 'guardians' : 'teachers'} named ${first.nom} ${first.prenom}${first.kind === 'eleve' ? ` (${rows.map((r) => `${r.klass}, born ${r.birth}`).join('; ')})` : ''}`);
      }
    }
    const twins = new Map<string, string[]>();
    for (const p of w.pupils) {
      if (!p.twin) continue;
      pushTo(twins, `${p.nom}|${p.birth}|${p.links[0]?.guardian.key ?? ''}`, p.key);
    }
    for (const keys of twins.values()) if (keys.length > 1) push('twin', keys, `twins ${keys.map((k) => this.nameOf(k)).join(' & ')}: same family name, birth date and class`);
    for (const r of w.pronote) if (r.variant) push('name-variant', [r.key], `PRONOTE spells ${this.nameOf(r.key)} as ${r.nom} ${r.prenom}`);
    for (const a of w.accounts) if (a.nameVariant) push('name-variant', [a.key], `the ENT spells ${this.nameOf(a.key)} as ${a.nom} ${a.prenom}`);
    for (const records of idx.pupilsByKey.values()) {
      const p = primaryPupil(records);
      if (p.status === 'current' && p.nomUsage && normName(p.nomUsage) !== normName(p.nom)) {
        push('usage-name', [p.key], `NOM_DE_FAMILLE ${p.nom}, NOM_USAGE ${p.nomUsage}: PRONOTE and the ENT show the usage name`);
      }
    }
    for (const s of w.staff) if (s.onLeave) push('on-leave-with-service', [s.key], `${s.prenom} ${s.nomUsage} has no FONCTION (on leave) but still teaches in ${idx.services.get(s) ?? 0} STS services`);
    for (const [key, accounts] of idx.accountsByKey) if (accounts.length > 1 && idx.rowByKey.has(key)) push('duplicate-record', [key], `${this.nameOf(key)}: ${accounts.length} ENT accounts, one PRONOTE row`);
  }

  people(): TruthPerson[] {
    const { w, idx } = this;
    const logins = (key: string): string[] => (idx.accountsByKey.get(key) ?? []).map((a) => a.login);
    const list: TruthPerson[] = [];
    for (const [key, records] of idx.pupilsByKey) {
      const p = primaryPupil(records);
      const flags: string[] = [];
      if (p.newcomer) flags.push('newcomer');
      for (const m of missingFields(p)) if (p.status === 'current') flags.push(`incomplete:${m}`);
      if (p.twin) flags.push('twin');
      if (p.entState !== 'ok') flags.push(p.entState === 'multi' ? 'multi-inscription' : 'ent-pending');
      if (records.length > 1) flags.push('duplicate');
      if (p.nearName) flags.push('near-name');
      list.push({
        key, kind: 'pupil', status: pupilStatus(records), name: this.nameOf(key), siecle: records.map((r) => r.id), sts: null,
        pronote: idx.rowByKey.get(key)?.id ?? null, ent: logins(key), ...(p.klass ? { division: p.klass } : {}), ...(flags.length ? { flags } : {}),
      });
    }
    for (const [key, records] of idx.guardiansByKey) {
      const children = [...new Set(records.flatMap((g) => (idx.linksTo.get(g) ?? []).map((l) => l.pupil.id)))];
      const flags: string[] = [];
      if (records.length > 1) flags.push('duplicate');
      if (records.some((g) => g.noEnt)) flags.push('no-ent');
      list.push({
        key, kind: 'guardian', status: guardianStatus(records, idx), name: this.nameOf(key), siecle: records.map((r) => r.id), sts: null,
        pronote: idx.rowByKey.get(key)?.id ?? null, ent: logins(key), children, ...(flags.length ? { flags } : {}),
      });
    }
    for (const s of w.staff) {
      const flags: string[] = [s.role];
      if (s.onLeave) flags.push('on-leave');
      if (s.suppleant) flags.push('suppleant');
      if (s.replacement) flags.push('replacement');
      if (s.newcomer) flags.push('newcomer');
      list.push({
        key: s.key, kind: 'staff', status: 'current', name: this.nameOf(s.key), siecle: [], sts: s.id,
        pronote: idx.rowByKey.get(s.key)?.id ?? null, ent: logins(s.key), flags,
      });
    }
    return list;
  }
}

export function buildTruth(w: World, idx: Index, files: TruthFileInfo[]): SampleTruth {
  const b = new TruthBuilder(w, idx);
  b.anomaliesFromRecords();
  b.anomaliesFromPeople();
  b.anomaliesFromAccounts();
  b.trapsList();
  const order = new Map<string, number>(ANOMALY_CODES.map((c, i) => [c, i]));
  b.anomalies.sort((x, y) => (order.get(x.code) ?? 0) - (order.get(y.code) ?? 0));
  const trapOrder = new Map<string, number>(TRAP_CODES.map((c, i) => [c, i]));
  b.traps.sort((x, y) => (trapOrder.get(x.code) ?? 0) - (trapOrder.get(y.code) ?? 0));

  const assignments: Record<string, TruthAssignment> = {};
  for (const a of w.accounts) {
    assignments[a.login] = {
      pronoteId: a.expected,
      current: a.current || null,
      person: { source: a.source, id: a.cle },
      profil: a.profil,
      ...(a.trap ? { trap: a.trap } : {}),
      ...(a.hidden ? { hidden: a.hidden } : {}),
    };
  }
  const people = b.people();
  const o = w.o;
  const countBy = <T extends string>(items: readonly T[]): Partial<Record<T, number>> => {
    const out: Partial<Record<T, number>> = {};
    for (const it of items) out[it] = (out[it] ?? 0) + 1;
    return out;
  };
  const counts: TruthCounts = {
    pupilsCurrent: people.filter((p) => p.kind === 'pupil' && p.status === 'current').length,
    pupilsLeft: people.filter((p) => p.kind === 'pupil' && p.status === 'left').length,
    pupilsInactive: people.filter((p) => p.kind === 'pupil' && p.status === 'inactive').length,
    pupilRecords: w.pupils.length,
    guardiansCurrent: people.filter((p) => p.kind === 'guardian' && p.status === 'current').length,
    guardianRecords: w.guardians.length,
    staff: w.staff.length,
    teachers: w.staff.filter((s) => isTeacher(s, idx)).length,
    divisions: w.divisions.length,
    groupsSiecle: w.groups.length,
    groupsSts: w.groups.filter((g) => g.inSts).length,
    pronoteRows: {
      eleves: w.pronote.filter((r) => r.kind === 'eleve').length,
      professeurs: w.pronote.filter((r) => r.kind === 'professeur').length,
      responsables: w.pronote.filter((r) => r.kind === 'responsable').length,
    },
    entAccounts: countBy(w.accounts.map((a) => a.profil)) as Record<string, number>,
    anomalies: countBy(b.anomalies.map((a) => a.code)),
    traps: countBy(b.traps.map((t) => t.code)),
  };
  return {
    format: 'raccord-sample-truth',
    version: 1,
    options: { seed: o.seed, pupils: o.pupils, staff: o.staff, anomalies: o.anomalies, uai: o.uai, schoolYear: o.schoolYear, exportDate: o.exportDate },
    school: { uai: o.uai, name: o.schoolName, city: o.city, schoolYear: o.schoolYear, exportDate: o.exportDate, pronoteExportDate: o.pronoteDate },
    files,
    people: { counts, list: people },
    assignments,
    anomalies: b.anomalies,
    traps: b.traps,
  };
}
