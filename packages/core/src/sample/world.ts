// The clean base school: families, pupils, divisions, groups, staff and services.
// Anomalies are injected afterwards (anomalies.ts) so that a clean and a messy school share the same people.

import {
  ADDRESS_LINE2, BIRTH_COMMUNES, BOY_NAMES, COLLEGES, familyName, FOREIGN_BIRTH, otherFamilyName, GIRL_NAMES, GROUP_NAMES, LEVELS, LV2,
  MAIL_DOMAINS, MAN_NAMES, POSTAL, PROFESSIONS, SPECIALITIES, STREETS, SUBJECTS, WOMAN_NAMES, uaiWithKey,
  type Level, type LevelKey,
} from './data.js';
import { addDays, toDays } from './dates.js';
import type { Address, Division, Guardian, IdSource, Link, Pupil, Resolved, Service, Staff, StaffRole, World } from './model.js';
import { DIGITS, Rng, uniqueDraw } from './prng.js';
import { isValidGroupName, normName, slug } from './text.js';

/** Increasing numeric identifiers with random gaps, each sequence on its own stream. */
function sequence(seed: number, name: string, start: number, maxGap: number): () => string {
  const rng = Rng.of(seed, 'ids', name);
  let v = start + rng.int(start);
  return () => {
    v += 1 + rng.int(maxGap);
    return String(v);
  };
}

export function makeIdSource(o: Resolved): IdSource {
  const seed = o.seed;
  const ineRng = Rng.of(seed, 'ids', 'ine');
  const ines = new Set<string>();
  const individus = new Set<string>();
  const indRng = Rng.of(seed, 'ids', 'individu');
  const span = Math.max(90000, o.staff * 40);
  return {
    eleve: sequence(seed, 'eleve', 1_000_000, 4),
    elenoet: sequence(seed, 'elenoet', 10_000, 1),
    personne: sequence(seed, 'personne', 500_000, 3),
    adresse: sequence(seed, 'adresse', 200_000, 3),
    individu: () => uniqueDraw(individus, () => String(1000 + indRng.int(span))),
    ine: () => uniqueDraw(ines, () => ineRng.chars(10, DIGITS) + ineRng.chars(1, 'ABCDEFGHJKLMNPRSTUVWXYZ')),
  };
}

const LEVEL_BY_KEY = new Map<LevelKey, Level>(LEVELS.map((l) => [l.key, l]));
function level(key: LevelKey): Level {
  const l = LEVEL_BY_KEY.get(key);
  if (!l) throw new Error(`unknown level ${key}`);
  return l;
}

function levelOfYear(rng: Rng, year: number): Level {
  if (year === 0) return level('2NDE');
  const general = rng.chance(0.85);
  if (year === 1) return level(general ? '1G' : '1STMG');
  return level(general ? 'TG' : 'TSTMG');
}

function otherThan(rng: Rng, list: readonly string[], not: string): string {
  for (;;) {
    const v = rng.pick(list);
    if (v !== not) return v;
  }
}

function mobile(rng: Rng): string {
  return (rng.chance(0.7) ? '06' : '07') + rng.chars(8, DIGITS);
}

function mail(rng: Rng, prenom: string, nom: string): string {
  const local = `${slug(prenom).replace(/-/g, '')}.${slug(nom).replace(/-/g, '')}`;
  return `${local}${rng.chance(0.3) ? rng.between(1, 99) : ''}@${rng.pick(MAIL_DOMAINS)}`;
}

/** A new address, with a fresh ADRESSE_ID. */
export function newAddress(w: World, rng: Rng): Address {
  const [postcode, city, insee] = rng.pick(POSTAL);
  const bis = rng.chance(0.05) ? ' bis' : '';
  return {
    id: w.ids.adresse(),
    line1: `${rng.between(1, 180)}${bis} ${rng.pick(STREETS)}`,
    line2: rng.chance(0.15) ? rng.pick(ADDRESS_LINE2) : '',
    postcode, city, insee,
  };
}

/** A new guardian record (fresh PERSONNE_ID), added to the world; `prenom` drawn unless given. */
export function newGuardian(w: World, rng: Rng, key: string, civ: 'M.' | 'MME', nom: string, nomUsage: string, address: Address, given?: string): Guardian {
  const prenom = given ?? rng.pick(civ === 'M.' ? MAN_NAMES : WOMAN_NAMES);
  const g: Guardian = {
    key,
    id: w.ids.personne(),
    civ, nom, nomUsage, prenom,
    telPortable: mobile(rng),
    telPerso: rng.chance(0.3) ? '05' + rng.chars(8, DIGITS) : '',
    mel: rng.chance(0.85) ? mail(rng, prenom, nomUsage || nom) : '',
    address,
    profession: rng.pick(PROFESSIONS),
    noEnt: false,
    entManual: false,
    dupVariant: '',
    pronoteNom: null,
    pronotePrenom: null,
  };
  w.guardians.push(g);
  return g;
}

class Builder {
  readonly w: World;
  private guardianCount = 0;
  private pupilCount = 0;
  private readonly blendable: Guardian[] = [];

  constructor(readonly o: Resolved, readonly rng: Rng, ids: IdSource) {
    this.w = {
      o, divisions: [], divisionByCode: new Map(), groups: [], pupils: [], guardians: [], staff: [], services: [],
      ids, pronote: [], accounts: [], pairs: [], entInCharge: true,
    };
  }

  address(): Address {
    return newAddress(this.w, this.rng);
  }

  guardian(civ: 'M.' | 'MME', nom: string, nomUsage: string, address: Address): Guardian {
    return newGuardian(this.w, this.rng, `guardian:${this.guardianCount++}`, civ, nom, nomUsage, address);
  }

  /** One household: legal guardians, an optional contact, and 1–3 pupils. */
  family(remaining: number): void {
    const rng = this.rng;
    const kind = rng.weighted<'couple' | 'separated' | 'mother' | 'father' | 'tutor'>([
      ['couple', 70], ['separated', 13], ['mother', 11], ['father', 3], ['tutor', 3],
    ]);
    const surname = familyName(rng);
    let childNom = surname;
    let childUsage = '';
    const legal: Link[] = [];
    const home = this.address();
    if (kind === 'couple' || kind === 'separated') {
      const father = this.guardian('M.', surname, '', home);
      const reused = kind === 'couple' && this.blendable.length > 0 && rng.chance(0.04) ? this.blendable.splice(rng.int(this.blendable.length), 1)[0] : undefined;
      if (reused) father.address = reused.address;
      const mother = reused ?? this.guardian('MME', otherFamilyName(rng, surname), '', kind === 'couple' ? home : this.address());
      if (!reused && kind === 'couple' && rng.chance(0.5)) mother.nomUsage = surname;
      if (!reused && kind === 'separated') this.blendable.push(mother);
      const fatherPays = rng.chance(0.5);
      legal.push({ guardian: father, level: 1, parente: '20', pays: fatherPays }, { guardian: mother, level: 1, parente: '10', pays: !fatherPays });
      if (!/[ '-]/.test(surname + mother.nom) && rng.chance(0.06)) childUsage = `${surname}-${mother.nom}`;
    } else if (kind === 'mother') {
      const own = rng.chance(0.55);
      const mother = this.guardian('MME', own ? surname : familyName(rng), '', home);
      childNom = own ? surname : otherFamilyName(rng, mother.nom);
      legal.push({ guardian: mother, level: 1, parente: '10', pays: true });
    } else if (kind === 'father') {
      legal.push({ guardian: this.guardian('M.', surname, '', home), level: 1, parente: '20', pays: true });
    } else {
      const tutor = this.guardian(rng.chance(0.6) ? 'MME' : 'M.', familyName(rng), '', home);
      childNom = otherFamilyName(rng, tutor.nom);
      legal.push({ guardian: tutor, level: 1, parente: '50', pays: true });
    }
    const links = [...legal];
    if (rng.chance(0.04)) {
      const contact = this.guardian(rng.chance(0.6) ? 'MME' : 'M.', childNom, '', this.address());
      links.push({ guardian: contact, level: 3, parente: '38', pays: false });
    }

    const n = Math.min(remaining, rng.weighted([[1, 86], [2, 12], [3, 2]]));
    const twins = n >= 2 && rng.chance(0.1);
    const years = rng.shuffle([0, 1, 2]);
    const first = rng.weighted([[0, 36], [1, 32], [2, 32]]);
    years.splice(years.indexOf(first), 1);
    years.unshift(first);
    let twin: Pupil | null = null;
    for (let i = 0; i < n; i++) {
      const year = twins && i === 1 ? first : (years[i - (twins && i > 1 ? 1 : 0)] ?? first);
      const p: Pupil = twin && i === 1 ? this.twinOf(twin) : this.pupil(levelOfYear(rng, year), childNom, childUsage, links);
      if (twins && i === 0) twin = p;
    }
  }

  pupil(lvl: Level, nom: string, nomUsage: string, links: Link[]): Pupil {
    const rng = this.rng;
    const o = this.o;
    const sex: 1 | 2 = rng.chance(0.5) ? 1 : 2;
    const names = sex === 1 ? BOY_NAMES : GIRL_NAMES;
    const prenom = rng.pick(names);
    const prenom2 = rng.chance(0.6) ? otherThan(rng, names, prenom) : '';
    const prenom3 = prenom2 && rng.chance(0.25) ? otherThan(rng, names, prenom2) : '';
    let birthYear = o.schoolYear - 15 - lvl.year;
    if (rng.chance(0.1)) birthYear -= 1;
    else if (rng.chance(0.02)) birthYear += 1;
    const birth = addDays(`${birthYear}-01-01`, rng.int(365));
    let pays = '100', dept = '', commune = '', villeNaiss = '';
    if (rng.chance(0.06)) {
      const [code, cities] = rng.pick(FOREIGN_BIRTH);
      pays = code;
      villeNaiss = rng.pick(cities);
      dept = '990';
    } else {
      commune = rng.weighted(BIRTH_COMMUNES);
      dept = commune.startsWith('97') ? commune.slice(0, 3) : '0' + commune.slice(0, 2);
    }
    let entryYear = o.schoolYear - lvl.year;
    if (lvl.year > 0 && rng.chance(0.08)) entryYear += rng.between(1, lvl.year);
    const prevSchool = entryYear === o.schoolYear
      ? lvl.year === 0
        ? { uai: uaiWithKey('031' + rng.chars(4, DIGITS)), princ: 'COLLEGE', compl: rng.pick(COLLEGES) }
        : { uai: uaiWithKey('031' + rng.chars(4, DIGITS)), princ: 'LYCEE GENERAL ET TECHNOLOGIQUE', compl: rng.pick(COLLEGES) }
      : { uai: o.uai, princ: 'LYCEE POLYVALENT', compl: o.schoolShort };
    const p: Pupil = {
      key: `pupil:${this.pupilCount++}`,
      id: this.w.ids.eleve(),
      elenoet: this.w.ids.elenoet(),
      ine: this.w.ids.ine(),
      nom, nomUsage, prenom, prenom2, prenom3, sex, birth, pays, dept, commune, villeNaiss,
      level: lvl, mef: lvl.mef, division: '', klass: '', groups: [], options: [],
      dateEntree: `${entryYear}-09-01`, dateSortie: '',
      regime: rng.weighted([['2', 70], ['0', 25], ['3', 5]]),
      prevSchool,
      links: links.map((l) => ({ ...l })),
      status: 'current', twin: false, newcomer: false, entState: 'ok', entKeep: false, handmade: false, nearName: false, cousin: false,
      pronoteNom: null, pronotePrenom: null, pronoteNoIne: false, entPrenom: null, entNom: null,
    };
    this.w.pupils.push(p);
    return p;
  }

  twinOf(a: Pupil): Pupil {
    const rng = this.rng;
    const b = this.pupil(a.level, a.nom, a.nomUsage, a.links);
    b.sex = rng.chance(0.5) ? 1 : 2;
    const names = b.sex === 1 ? BOY_NAMES : GIRL_NAMES;
    b.prenom = otherThan(rng, names, a.prenom);
    if (b.prenom2 === b.prenom) b.prenom2 = '';
    b.birth = a.birth;
    b.pays = a.pays; b.dept = a.dept; b.commune = a.commune; b.villeNaiss = a.villeNaiss;
    b.dateEntree = a.dateEntree;
    b.prevSchool = a.prevSchool;
    a.twin = b.twin = true;
    return b;
  }

  /** Deals each level's pupils into divisions of ~32 (twins together). */
  divisions(): void {
    const rng = this.rng;
    let index = 0;
    for (const lvl of LEVELS) {
      const members = this.w.pupils.filter((p) => p.level === lvl);
      if (members.length === 0) continue;
      const units: Pupil[][] = [];
      for (let i = 0; i < members.length; i++) {
        const p = members[i] as Pupil;
        const next = members[i + 1];
        if (p.twin && next && next.twin && next.birth === p.birth && next.nom === p.nom) {
          units.push([p, next]);
          i++;
        } else units.push([p]);
      }
      rng.shuffle(units);
      const nd = Math.max(1, Math.round(members.length / 32));
      const prefix = lvl.key;
      const divs: Division[] = [];
      for (let d = 0; d < nd; d++) {
        const div: Division = { code: `${prefix}${d + 1}`, level: lvl, index: index++ };
        divs.push(div);
        this.w.divisions.push(div);
        this.w.divisionByCode.set(div.code, div);
      }
      units.forEach((unit, i) => {
        const div = divs[i % nd] as Division;
        for (const p of unit) p.division = p.klass = div.code;
      });
    }
    // No two pupils of one class with the same name and birth date (that would be undecidable, not a trap).
    const seen = new Set<string>();
    for (const p of this.w.pupils) {
      for (;;) {
        const k = `${p.division}|${normName(p.nomUsage || p.nom)}|${normName(p.prenom)}|${p.birth}`;
        if (!seen.has(k)) {
          seen.add(k);
          break;
        }
        p.prenom = otherThan(rng, p.sex === 1 ? BOY_NAMES : GIRL_NAMES, p.prenom);
      }
    }
  }

  leavers(count: number): void {
    const rng = this.rng;
    const o = this.o;
    const from = toDays(`${o.schoolYear}-07-04`);
    const to = toDays(o.pronoteDate) - 1;
    const candidates = rng.shuffle(this.w.pupils.filter((p) => !p.twin));
    for (const p of candidates.slice(0, count)) {
      p.status = 'left';
      p.dateSortie = addDays(`${o.schoolYear}-07-04`, rng.int(Math.max(1, to - from + 1)));
    }
  }

  options(): void {
    const rng = this.rng;
    for (const p of this.w.pupils) {
      const opts = ['AGL1', rng.weighted(LV2)];
      const lvl = p.level;
      if (lvl.general && lvl.year > 0) {
        const pool = [...SPECIALITIES];
        const count = lvl.year === 1 ? 3 : 2;
        for (let i = 0; i < count && pool.length > 0; i++) {
          const s = rng.weighted(pool);
          opts.push(s);
          pool.splice(pool.findIndex(([k]) => k === s), 1);
        }
      }
      if (lvl.general && rng.chance(lvl.year === 0 ? 0.06 : 0.035)) opts.push('LATIN');
      if (lvl.key === 'TG') {
        if (opts.includes('SPMA') ? rng.chance(0.25) : rng.chance(0.4)) opts.push(opts.includes('SPMA') ? 'MEXP' : 'MCOMP');
        if (rng.chance(0.05)) opts.push('DGEMC');
      }
      p.options = opts;
    }
  }

  /** Groups per grade and subject, chunked across divisions; DIVISIONS_APPARTENANCE = the members' divisions. */
  groups(): void {
    const taken = new Set<string>(this.w.divisions.map((d) => d.code));
    const byGrade = new Map<string, Pupil[]>();
    for (const p of this.w.pupils) {
      const list = byGrade.get(p.level.grade) ?? [];
      list.push(p);
      byGrade.set(p.level.grade, list);
    }
    // Members of a group are taken in division order, so that a group spans a few neighbouring divisions.
    const order = new Map<Pupil, number>();
    const sorted = [...this.w.pupils].sort((a, b) => (this.w.divisionByCode.get(a.division)?.index ?? 0) - (this.w.divisionByCode.get(b.division)?.index ?? 0) || Number(a.id) - Number(b.id));
    sorted.forEach((p, i) => order.set(p, i));
    const subjectsOf = (grade: string): string[] => {
      const lv = LV2.map(([k]) => k);
      if (grade === '2') return [...lv, 'LATIN'];
      const spe = SPECIALITIES.map(([k]) => k);
      return grade === '1' ? [...lv, ...spe, 'LATIN'] : [...lv, ...spe, 'LATIN', 'MEXP', 'MCOMP', 'DGEMC'];
    };
    for (const grade of ['2', '1', 'T'] as const) {
      const pupils = byGrade.get(grade) ?? [];
      for (const subject of subjectsOf(grade)) {
        const members = pupils.filter((p) => p.options.includes(subject));
        if (members.length === 0) continue;
        members.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        const spe = SPECIALITIES.some(([k]) => k === subject);
        const cap = spe ? 32 : 30;
        const n = Math.ceil(members.length / cap);
        const codes = groupCodes(subject, grade, n, taken);
        let start = 0;
        for (let i = 0; i < n; i++) {
          const size = Math.floor(members.length / n) + (i < members.length % n ? 1 : 0);
          const chunk = members.slice(start, start + size);
          start += size;
          const code = codes[i] as string;
          const divisions = [...new Set(chunk.map((p) => p.division))].sort((a, b) => (this.w.divisionByCode.get(a)?.index ?? 0) - (this.w.divisionByCode.get(b)?.index ?? 0));
          this.w.groups.push({
            code,
            label: `${(SUBJECTS[subject]?.court ?? subject).trim()} GR${i + 1}`,
            subject, grade, divisions,
            mefs: [...new Set(divisions.map((d) => this.w.divisionByCode.get(d)?.level.mef ?? ''))],
            inSts: true,
          });
          for (const p of chunk) p.groups.push(code);
        }
      }
    }
  }

  staffAndServices(): void {
    const rng = this.rng;
    const S = this.o.staff;
    const names = new Set<string>();
    const counts: [StaffRole, number][] = [
      ['dir', Math.max(1, Math.round(S / 45))], ['edu', Math.max(1, Math.round(S / 30))], ['doc', Math.max(1, Math.round(S / 90))],
      ['local', Math.max(1, Math.round(S / 45))], ['other', Math.max(1, Math.round(S / 9))],
    ];
    for (const [role, n] of counts) for (let i = 0; i < n; i++) createStaff(this.w, this.rng, role, names);
    const regular = S - this.w.staff.length - 1; // one suppléant on top
    if (regular < 5) throw new Error(`staff ${S} is too small`);

    const services: Service[] = [];
    for (const d of this.w.divisions) for (const subject of d.level.classSubjects) services.push({ structure: d.code, group: false, subject, teachers: [] });
    for (const g of this.w.groups) services.push({ structure: g.code, group: true, subject: g.subject, teachers: [] });
    this.w.services = services;

    const hours = new Map<string, number>();
    for (const s of services) {
      const subj = SUBJECTS[s.subject];
      if (!subj) throw new Error(`unknown subject ${s.subject}`);
      hours.set(subj.disc, (hours.get(subj.disc) ?? 0) + subj.hours);
    }
    const total = [...hours.values()].reduce((a, b) => a + b, 0);
    const discs = [...hours.keys()].sort();
    const quota = new Map<string, number>(discs.map((d) => [d, Math.max(1, Math.floor((regular * (hours.get(d) ?? 0)) / total))]));
    const sum = (): number => [...quota.values()].reduce((a, b) => a + b, 0);
    while (sum() > regular) {
      const [d] = [...quota.entries()].filter(([, q]) => q > 1).sort((a, b) => b[1] - a[1])[0] ?? [];
      if (!d) break;
      quota.set(d, (quota.get(d) ?? 1) - 1);
    }
    while (sum() < regular) {
      const d = [...discs].sort((a, b) => (hours.get(b) ?? 0) / (quota.get(b) ?? 1) - (hours.get(a) ?? 0) / (quota.get(a) ?? 1))[0] as string;
      quota.set(d, (quota.get(d) ?? 0) + 1);
    }
    const byDisc = new Map<string, Staff[]>();
    for (const d of discs) {
      const list: Staff[] = [];
      for (let i = 0; i < (quota.get(d) ?? 0); i++) {
        const t = createStaff(this.w, this.rng, 'teacher', names);
        t.disc = d;
        list.push(t);
      }
      byDisc.set(d, list);
    }
    const load = new Map<Staff, number>();
    for (const s of services) {
      const subj = SUBJECTS[s.subject];
      if (!subj) continue;
      const pool = byDisc.get(subj.disc) ?? [];
      let best: Staff | null = null;
      for (const t of pool) if (!best || (load.get(t) ?? 0) < (load.get(best) ?? 0)) best = t;
      if (!best) throw new Error(`no teacher for ${subj.disc}`);
      s.teachers.push(best);
      load.set(best, (load.get(best) ?? 0) + subj.hours);
    }

    // A teacher left without a service (more teachers than services in a small discipline) co-teaches one.
    for (const list of byDisc.values()) {
      for (const t of list) {
        if (load.has(t)) continue;
        const shared = services.filter((s) => SUBJECTS[s.subject]?.disc === t.disc);
        if (shared.length) rng.pick(shared).teachers.push(t);
      }
    }

    // Head teacher (professeur principal) of each division: a teacher of the class with the fewest PP duties.
    const teachersOf = new Map<string, Staff[]>();
    for (const s of services) {
      if (s.group) continue;
      const list = teachersOf.get(s.structure) ?? [];
      for (const t of s.teachers) if (!list.includes(t)) list.push(t);
      teachersOf.set(s.structure, list);
    }
    for (const d of this.w.divisions) {
      const list = rng.shuffle([...(teachersOf.get(d.code) ?? [])]);
      let best: Staff | null = null;
      for (const t of list) if (!best || t.pp.length < best.pp.length) best = t;
      best?.pp.push(d.code);
    }

    // One or two teachers on leave (no FONCTION, still in their services), and a suppléant for the first one.
    const withService = new Set(services.flatMap((s) => s.teachers));
    const leaveCandidates = rng.shuffle(this.w.staff.filter((t) => t.role === 'teacher' && withService.has(t) && t.pp.length === 0));
    const onLeave = leaveCandidates.slice(0, S >= 100 ? 2 : 1);
    for (const t of onLeave) {
      t.onLeave = true;
      t.fonction = '';
    }
    const first = onLeave[0];
    const sup = createStaff(this.w, this.rng, 'teacher', names);
    sup.suppleant = true;
    sup.grade = 'CONTRACT.';
    sup.nbHeures = 18;
    if (first) {
      sup.disc = first.disc;
      for (const s of services) if (s.teachers.includes(first)) s.teachers.push(sup);
    } else sup.disc = 'L0202';
  }
}

/** A new STS person; `names` keeps (usage name, given name) unique among staff. */
export function createStaff(w: World, rng: Rng, role: StaffRole, names: Set<string>): Staff {
  const female = rng.chance(role === 'teacher' ? 0.58 : 0.65);
  let nomPatro = '', prenom = '', nomUsage = '';
  for (;;) {
    nomPatro = familyName(rng);
    prenom = rng.pick(female ? WOMAN_NAMES : MAN_NAMES);
    nomUsage = female && rng.chance(0.45) ? otherFamilyName(rng, nomPatro) : nomPatro;
    const k = `${normName(nomUsage)}|${normName(prenom)}`;
    if (!names.has(k)) {
      names.add(k);
      break;
    }
  }
  const s: Staff = {
    key: `staff:${w.staff.length}`,
    id: w.ids.individu(),
    type: role === 'dir' ? 'dir' : role === 'local' ? 'local' : 'epp',
    role,
    sex: female ? '2' : '1',
    civ: female ? '2' : '1',
    nomUsage, nomPatro, prenom,
    birth: addDays(`${rng.between(1962, 1998)}-01-01`, rng.int(365)),
    grade: '', fonction: '', disc: '', nbHeures: 0, pp: [],
    onLeave: false, suppleant: false, replacement: false, newcomer: false, noEnt: false,
  };
  switch (role) {
    case 'dir':
      s.fonction = 'DIR';
      s.grade = rng.pick(['PERDIR HC', 'PERDIR CN']);
      break;
    case 'edu':
      s.fonction = 'EDU';
      s.grade = rng.pick(['CPE CN', 'CPE HC']);
      break;
    case 'doc':
      s.fonction = 'DOC';
      s.grade = 'CERT CN';
      s.disc = 'L0080';
      s.nbHeures = 18;
      break;
    case 'other': {
      s.fonction = rng.weighted([['ADF', 8], ['SUR', 6], ['MDS', 2], ['ORI', 1], ['LAB', 2]]);
      const grades: Record<string, readonly string[]> = { ADF: ['ADJAENES', 'SAENES', 'ATTAE'], SUR: ['AED'], MDS: ['INF CN', 'ASS SOC'], ORI: ['PSYEN'], LAB: ['ATRF'] };
      s.grade = rng.pick(grades[s.fonction] ?? ['ADJAENES']);
      break;
    }
    case 'local':
      // Added by hand in STS: empty SEXE and NOM_PATRONYMIQUE, no birth date, no FONCTION.
      s.sex = '';
      s.civ = female ? rng.pick(['2', '3'] as const) : '1';
      s.nomPatro = '';
      s.birth = '';
      break;
    case 'teacher':
      s.fonction = 'ENS';
      s.grade = rng.weighted([['CERT CN', 55], ['CERT HC', 12], ['AGREGE CN', 15], ['AGREGE HC', 5], ['CONTRACT.', 10], ['PLP CN', 3]]);
      s.nbHeures = s.grade.startsWith('AGREGE') ? 15 : 18;
      break;
  }
  w.staff.push(s);
  return s;
}

/** Tries the naming templates of GROUP_NAMES until all n codes are valid STS names and new. */
export function groupCodes(subject: string, grade: string, n: number, taken: Set<string>): string[] {
  const templates = GROUP_NAMES[`${subject}/${grade}`] ?? GROUP_NAMES[subject];
  if (!templates) throw new Error(`no group naming for ${subject}/${grade}`);
  for (const t of templates) {
    if (t.includes('{a}') && n > 26) continue;
    const codes: string[] = [];
    for (let i = 1; i <= n; i++) {
      codes.push(t.replace('{g}', grade).replace('{n}', String(i)).replace('{a}', String.fromCharCode(64 + i)));
    }
    if (codes.every((c) => isValidGroupName(c) && !taken.has(c)) && new Set(codes).size === codes.length) {
      for (const c of codes) taken.add(c);
      return codes;
    }
  }
  throw new Error(`cannot name ${n} groups for ${subject}/${grade} within 8 characters`);
}

export function buildWorld(o: Resolved): World {
  const b = new Builder(o, Rng.of(o.seed, 'world'), makeIdSource(o));
  const leavers = Math.round(o.pupils * 0.025);
  const total = o.pupils + leavers;
  while (b.w.pupils.length < total) b.family(total - b.w.pupils.length);
  b.divisions();
  b.leavers(leavers);
  b.options();
  b.groups();
  b.staffAndServices();
  return b.w;
}
