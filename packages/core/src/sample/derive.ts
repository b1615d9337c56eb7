// From the school's records to what PRONOTE and the ENT show: PRONOTE rows (one per person known to
// PRONOTE) and ENT accounts (one per record the AAF exported), with the PRONOTE ID each account should carry.

import type { EntAccount, EntProfil, Guardian, Link, PronoteRow, Pupil, Staff, World } from './model.js';
import { base64 } from './encoding.js';
import { DIGITS, Rng, UPPER_ALNUM, uniqueDraw } from './prng.js';
import { normName, slug } from './text.js';
import type { PersonStatus, TrapCode } from './types.js';

/** What makes a current pupil's SIECLE record incomplete ("fiche bloquante"). */
export function missingFields(p: Pupil): string[] {
  const missing: string[] = [];
  if (!p.mef) missing.push('no-mef');
  if (!p.division) missing.push('no-division');
  if (p.pays === '100' && !p.commune) missing.push('no-commune');
  if (!p.birth) missing.push('no-birthdate');
  if (!p.links.some((l) => l.level === 1)) missing.push('no-guardian');
  return missing;
}

export interface Index {
  pupilsByKey: Map<string, Pupil[]>;
  guardiansByKey: Map<string, Guardian[]>;
  linksTo: Map<Guardian, { pupil: Pupil; link: Link }[]>;
  services: Map<Staff, number>;
  rowByKey: Map<string, PronoteRow>;
  rowById: Map<string, PronoteRow>;
  accountsByKey: Map<string, EntAccount[]>;
  accountOf: Map<Pupil | Guardian | Staff, EntAccount>;
  ambiguous: Set<string>;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) pushTo(m, key(it), it);
  return m;
}

export function primaryPupil(records: readonly Pupil[]): Pupil {
  return (records.find((p) => !p.handmade) ?? records[0]) as Pupil;
}

export function primaryGuardian(records: readonly Guardian[]): Guardian {
  return (records.find((g) => g.dupVariant === '') ?? records[0]) as Guardian;
}

export function pupilStatus(records: readonly Pupil[]): PersonStatus {
  if (records.some((p) => p.status === 'current')) return 'current';
  return records.some((p) => p.status === 'left') ? 'left' : 'inactive';
}

export function guardianStatus(records: readonly Guardian[], idx: Index): PersonStatus {
  const links = records.flatMap((g) => idx.linksTo.get(g) ?? []);
  if (links.some((l) => l.link.level === 1 && l.pupil.status === 'current')) return 'current';
  if (links.some((l) => l.link.level === 2 && l.pupil.status === 'current')) return 'in-charge';
  return links.some((l) => l.link.level <= 2) ? 'former' : 'contact';
}

/** Levels the sample's ENT makes accounts from: legal guardians, and « en charge » where the region turned it on. */
export function makesAccount(w: World, link: Link): boolean {
  return link.level === 1 || (link.level === 2 && w.entInCharge);
}

/** A teacher for PRONOTE: FONCTION ENS, or referenced by a service (teachers on leave). */
export function isTeacher(s: Staff, idx: Index): boolean {
  return s.fonction === 'ENS' || (idx.services.get(s) ?? 0) > 0;
}

function pupilHasAccount(p: Pupil): boolean {
  if (p.status !== 'current') return p.entKeep;
  return p.entState === 'ok' && missingFields(p).length === 0;
}

export function buildIndex(w: World): Index {
  const linksTo = new Map<Guardian, { pupil: Pupil; link: Link }[]>();
  for (const p of w.pupils) for (const link of p.links) pushTo(linksTo, link.guardian, { pupil: p, link });
  const services = new Map<Staff, number>();
  for (const s of w.services) for (const t of s.teachers) services.set(t, (services.get(t) ?? 0) + 1);
  return {
    pupilsByKey: groupBy(w.pupils, (p) => p.key),
    guardiansByKey: groupBy(w.guardians, (g) => g.key),
    linksTo, services,
    rowByKey: new Map(), rowById: new Map(), accountsByKey: new Map(), accountOf: new Map(), ambiguous: new Set(),
  };
}

const CIV_PRONOTE: Record<string, string> = { 'M.': 'M.', MME: 'Mme', '1': 'M.', '2': 'Mme', '3': 'Mlle' };

function makeRows(w: World, idx: Index): void {
  const taken = new Set<string>();
  const add = (row: PronoteRow): void => {
    const rng = Rng.of(w.o.seed, 'pronote-id', row.key);
    row.id = uniqueDraw(taken, () => rng.chars(16, UPPER_ALNUM));
    w.pronote.push(row);
    idx.rowByKey.set(row.key, row);
    idx.rowById.set(row.id, row);
  };
  for (const [key, records] of idx.pupilsByKey) {
    const p = primaryPupil(records);
    if (p.status !== 'current' || p.newcomer) continue;
    add({
      id: '', kind: 'eleve', key, civ: '',
      nom: (p.pronoteNom ?? (p.nomUsage || p.nom)).toUpperCase(),
      prenom: p.pronotePrenom ?? p.prenom,
      birth: p.birth, klass: p.klass, ine: p.pronoteNoIne ? '' : p.ine, children: '',
      variant: p.pronoteNom !== null || p.pronotePrenom !== null,
    });
  }
  for (const [key, records] of idx.guardiansByKey) {
    const children = new Map<string, PronoteRow>();
    for (const g of records) for (const { pupil, link } of idx.linksTo.get(g) ?? []) {
      // PRONOTE lists legal guardians and people « en charge » (NIV RESP LEGAL / EN CHARGE), not contacts.
      const row = link.level <= 2 ? idx.rowByKey.get(pupil.key) : undefined;
      if (row) children.set(row.key, row);
    }
    if (children.size === 0) continue;
    const g = primaryGuardian(records);
    const kids = [...children.values()].sort((a, b) => (a.nom + a.prenom < b.nom + b.prenom ? -1 : 1));
    add({
      id: '', kind: 'responsable', key, civ: CIV_PRONOTE[g.civ] ?? '',
      nom: (g.pronoteNom ?? (g.nomUsage || g.nom)).toUpperCase(),
      prenom: g.pronotePrenom ?? g.prenom,
      birth: '', klass: '', ine: '',
      children: kids.map((r) => `${r.nom} ${r.prenom} (${r.klass})`).join(', '),
      variant: g.pronoteNom !== null || g.pronotePrenom !== null,
    });
  }
  for (const s of w.staff) {
    if (!isTeacher(s, idx) || (idx.services.get(s) ?? 0) === 0 || s.newcomer) continue;
    add({ id: '', kind: 'professeur', key: s.key, civ: CIV_PRONOTE[s.civ] ?? '', nom: s.nomUsage.toUpperCase(), prenom: s.prenom, birth: '', klass: '', ine: '', children: '', variant: false });
  }
  // Rows nothing in the files can tell apart (same kind, same visible data).
  const visible = (r: PronoteRow): string =>
    r.kind === 'eleve' ? `e|${normName(r.nom)}|${normName(r.prenom)}|${r.birth}|${r.klass}`
      : r.kind === 'professeur' ? `p|${r.civ}|${normName(r.nom)}|${normName(r.prenom)}`
        : `r|${r.civ}|${normName(r.nom)}|${normName(r.prenom)}|${r.children}`;
  for (const rows of groupBy(w.pronote, visible).values()) if (rows.length > 1) for (const r of rows) idx.ambiguous.add(r.id);
}

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function makeAccounts(w: World, idx: Index): void {
  const seed = w.o.seed;
  const logins = new Map<string, number>();
  const uids = new Set<string>();
  const numeric = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => Number(a.id) - Number(b.id));
  const open = (record: Pupil | Guardian | Staff, kind: EntAccount['kind'], profil: EntProfil, prenom: string, nom: string, klass: string): EntAccount => {
    const rng = Rng.of(seed, 'ent', kind, record.id);
    const base = `${slug(prenom) || 'x'}.${slug(nom) || 'x'}`;
    const n = (logins.get(base) ?? 0) + 1;
    logins.set(base, n);
    const a: EntAccount = {
      uid: uniqueDraw(uids, () => rng.chars(3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') + rng.chars(5, DIGITS)),
      login: n === 1 ? base : `${base}${n}`,
      profil, klass, prenom, nom,
      password: rng.chars(8, PASSWORD_ALPHABET),
      cle: record.id, source: kind === 'staff' ? 'sts' : 'siecle', kind, key: record.key,
      pere: '', mere: '', tuteur1: '', tuteur2: '',
      current: '', expected: null, hidden: null, trap: null, nameVariant: false,
    };
    w.accounts.push(a);
    idx.accountOf.set(record, a);
    pushTo(idx.accountsByKey, record.key, a);
    return a;
  };

  for (const s of numeric(w.staff)) {
    if (s.noEnt) continue;
    open(s, 'staff', s.role === 'teacher' ? 'Enseignant' : 'Personnel', s.prenom, s.nomUsage, '');
  }
  for (const p of numeric(w.pupils)) {
    if (!pupilHasAccount(p)) continue;
    const a = open(p, 'pupil', 'Eleve', p.entPrenom ?? p.prenom, p.entNom ?? (p.nomUsage || p.nom), p.klass);
    a.nameVariant = p.entPrenom !== null || p.entNom !== null;
  }
  for (const g of numeric(w.guardians)) {
    if (g.noEnt) continue;
    const kids = (idx.linksTo.get(g) ?? []).filter(({ link }) => makesAccount(w, link)).map(({ pupil }) => pupil);
    const fed = kids.filter((p) => idx.accountOf.has(p) || (p.status === 'current' && p.entState === 'multi' && missingFields(p).length === 0));
    if (fed.length === 0) continue;
    const a = open(g, 'guardian', 'Responsable élève', g.prenom, g.nomUsage || g.nom, (fed.find((p) => p.status === 'current') ?? fed[0] as Pupil).klass);
    if (g.entManual) a.cle = '';
  }
  // Pupil rows point at their guardians' rows.
  for (const p of w.pupils) {
    const a = idx.accountOf.get(p);
    if (!a) continue;
    for (const l of p.links) {
      const ga = makesAccount(w, l) && !l.guardian.entManual ? idx.accountOf.get(l.guardian) : undefined;
      if (!ga) continue;
      if (l.parente === '20' && !a.pere) a.pere = ga.uid;
      else if (l.parente === '10' && !a.mere) a.mere = ga.uid;
      else if (!a.tuteur1) a.tuteur1 = ga.uid;
      else if (!a.tuteur2) a.tuteur2 = ga.uid;
    }
  }
}

function usageDiffers(nom: string, usage: string): boolean {
  return usage !== '' && normName(usage) !== normName(nom);
}

/** Expected PRONOTE ID, hidden ID and the most telling trap of every account; `current` as the clean ENT has it. */
function expectations(w: World, idx: Index): void {
  const pupilRows = w.pronote.filter((r) => r.kind === 'eleve');
  const sameBirth = groupBy(pupilRows, (r) => `${normName(r.nom)}|${normName(r.prenom)}|${r.birth}`);
  const sameName = groupBy(w.pronote, (r) => `${r.kind}|${normName(r.nom)}|${normName(r.prenom)}`);
  const staffByKey = new Map(w.staff.map((s) => [s.key, s]));
  for (const a of w.accounts) {
    const row = idx.rowByKey.get(a.key) ?? null;
    const severalAccounts = (idx.accountsByKey.get(a.key)?.length ?? 0) > 1;
    const manual = a.kind === 'guardian' && (idx.guardiansByKey.get(a.key) ?? []).some((g) => g.entManual);
    if (row && (idx.ambiguous.has(row.id) || manual)) {
      // A hand-made account of a guardian with a namesake: nothing ties it to either record.
      a.hidden = row.id;
      a.trap = 'homonym-indistinguishable';
      continue;
    }
    a.expected = row ? row.id : null;
    const pupils = a.kind === 'pupil' ? idx.pupilsByKey.get(a.key) ?? [] : [];
    const pupil = pupils.find((p) => p.id === a.cle);
    const guardians = a.kind === 'guardian' ? idx.guardiansByKey.get(a.key) ?? [] : [];
    const staff = a.kind === 'staff' ? staffByKey.get(a.key) : undefined;
    const trap = ((): TrapCode | null => {
      if (!row) {
        if (pupil?.nearName) return 'near-name-different-person';
        if (pupil && pupilStatus(pupils) === 'left') return 'leaver';
        if (pupil && pupilStatus(pupils) === 'inactive') return 'inactive';
        if (guardians.length && !['current', 'in-charge'].includes(guardianStatus(guardians, idx))) return 'guardian-not-current';
        if (staff && !isTeacher(staff, idx)) return 'personnel-no-idpn';
        return 'not-in-pronote';
      }
      if (severalAccounts) return 'duplicate-record';
      if (pupil?.nearName) return 'near-name-different-person';
      if (pupil?.cousin) return 'near-name-other-class';
      if (row.kind === 'eleve' && (sameBirth.get(`${normName(row.nom)}|${normName(row.prenom)}|${row.birth}`)?.length ?? 0) > 1) return 'same-name-same-birthdate';
      if (pupil?.twin) return 'twin';
      if ((sameName.get(`${row.kind}|${normName(row.nom)}|${normName(row.prenom)}`)?.length ?? 0) > 1) return row.kind === 'responsable' ? 'same-name-guardian' : 'homonym';
      if (guardians.length && guardianStatus(guardians, idx) === 'in-charge') return 'guardian-in-charge';
      if (row.variant || a.nameVariant) return 'name-variant';
      if (pupil && usageDiffers(pupil.nom, pupil.nomUsage)) return 'usage-name';
      const g = guardians.find((x) => x.id === a.cle);
      if (g && usageDiffers(g.nom, g.nomUsage)) return 'usage-name';
      if (staff?.onLeave) return 'on-leave-with-service';
      if (staff && staff.nomPatro && usageDiffers(staff.nomPatro, staff.nomUsage)) return 'usage-name';
      return null;
    })();
    a.trap = trap;
    // The ENT fills the ID only when it found exactly one account for the PRONOTE person.
    a.current = a.expected && !severalAccounts ? a.expected : '';
  }
}

/** Damage done in the ENT itself: IDs never pasted, wrong IDs pasted, passwords changed by their owners. */
function entAnomalies(w: World, idx: Index): void {
  const rng = Rng.of(w.o.seed, 'ent-anomalies');
  const plain = rng.shuffle(w.accounts.filter((a) => a.expected !== null && a.current === a.expected && a.trap === null));
  const missing = Math.max(1, Math.round(plain.length * 0.025));
  const conflicts = Math.max(1, Math.round(plain.length * 0.01));
  plain.slice(0, missing).forEach((a) => (a.current = ''));
  const taken = new Set(idx.rowById.keys());
  const byProfil = groupBy(plain, (a) => a.profil);
  for (const a of plain.slice(missing, missing + conflicts)) {
    // Either another person's ID pasted by mistake, or a stale ID from an old PRONOTE base.
    const others = byProfil.get(a.profil) ?? [];
    const other = rng.chance(0.6) && others.length > 1 ? others[rng.int(others.length)] : undefined;
    if (other && other.expected && other.expected !== a.expected) a.current = other.expected;
    else a.current = uniqueDraw(taken, () => rng.chars(16, UPPER_ALNUM));
  }
  const shaRate: Record<EntProfil, number> = { Eleve: 0.18, 'Responsable élève': 0.12, Enseignant: 0.35, Personnel: 0.25 };
  for (const a of w.accounts) if (rng.chance(shaRate[a.profil])) a.password = `{SHA}${base64(rng.bytes(20))}`;
}

export function derive(w: World): Index {
  const idx = buildIndex(w);
  makeRows(w, idx);
  makeAccounts(w, idx);
  expectations(w, idx);
  if (w.o.anomalies) entAnomalies(w, idx);
  return idx;
}
