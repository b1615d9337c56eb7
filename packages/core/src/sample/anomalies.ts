// Injects the realistic problems into the clean base school. Each pupil takes part in at most one
// injected problem or trap, so the truth stays readable. The anomaly list itself is NOT written here:
// truth.ts derives it from the final state, so it always matches the files.

import { COLLEGES, INVALID_GROUP_NAMES, NEAR_NAMES, UNKNOWN_GROUP_NAMES, uaiWithKey } from './data.js';
import { addDays, toDays } from './dates.js';
import type { Group, Guardian, Link, Pupil, Staff, World } from './model.js';
import { DIGITS, Rng } from './prng.js';
import { hasAccent, normName, stripAccents, stsGroupCode } from './text.js';
import { createStaff } from './world.js';

type Variant = { nom: string | null; prenom: string | null; how: string };

/** Other spellings of the same name, as PRONOTE or a hand-typed record may show it. */
export function nameVariants(nom: string, prenom: string): Variant[] {
  const options: Variant[] = [];
  if (hasAccent(prenom)) options.push({ nom: null, prenom: stripAccents(prenom), how: 'accent' });
  if (prenom.includes('-')) options.push({ nom: null, prenom: prenom.replace(/-/g, ' '), how: 'hyphen' });
  if (nom.includes(' ')) options.push({ nom: nom.replace(/ /g, ''), prenom: null, how: 'particle' });
  if (nom.includes("'")) options.push({ nom: nom.replace(/'/g, ''), prenom: null, how: 'apostrophe' });
  if (nom.includes('-')) options.push({ nom: nom.replace(/-/g, ' '), prenom: null, how: 'hyphen' });
  if (/[œŒ]/.test(nom)) options.push({ nom: nom.replace(/œ/g, 'oe').replace(/Œ/g, 'OE'), prenom: null, how: 'ligature' });
  if (hasAccent(nom)) options.push({ nom: stripAccents(nom), prenom: null, how: 'accent' });
  return options;
}

class Injector {
  private readonly used = new Set<Pupil>();
  private readonly usedGuardians = new Set<Guardian>();
  private readonly usedStaff = new Set<Staff>();
  private readonly pool: Pupil[];
  private start = 0;
  private readonly children = new Map<Guardian, Pupil[]>();
  private readonly groupByCode: Map<string, Group>;
  private readonly divisionsPerLevel = new Map<string, number>();
  readonly scaled: (rate: number, min?: number) => number;

  constructor(readonly w: World, readonly rng: Rng) {
    this.pool = rng.shuffle(w.pupils.filter((p) => p.status === 'current' && !p.twin));
    for (const p of w.pupils) for (const l of p.links) {
      const list = this.children.get(l.guardian) ?? [];
      list.push(p);
      this.children.set(l.guardian, list);
    }
    this.groupByCode = new Map(w.groups.map((g) => [g.code, g]));
    for (const d of w.divisions) this.divisionsPerLevel.set(d.level.key, (this.divisionsPerLevel.get(d.level.key) ?? 0) + 1);
    this.scaled = (rate, min = 1) => Math.max(min, Math.round(w.o.pupils * rate));
  }

  /** The next unused current pupil (in a shuffled order) that satisfies `pred`, marked as used. */
  take(pred: (p: Pupil) => boolean = () => true): Pupil | null {
    while (this.start < this.pool.length && this.used.has(this.pool[this.start] as Pupil)) this.start++;
    for (let i = this.start; i < this.pool.length; i++) {
      const p = this.pool[i] as Pupil;
      if (!this.used.has(p) && pred(p)) {
        this.used.add(p);
        return p;
      }
    }
    return null;
  }

  childrenOf(g: Guardian): Pupil[] {
    return this.children.get(g) ?? [];
  }

  /** Every legal guardian of p is linked to p only, and untouched so far. */
  exclusive(p: Pupil): boolean {
    return p.links.every((l) => l.level !== 1 || (this.childrenOf(l.guardian).length === 1 && !this.usedGuardians.has(l.guardian)));
  }

  /** Legal guardians whose children are all current, unused and not twins. */
  plainGuardians(minChildren: number, civ?: 'M.' | 'MME'): Guardian[] {
    return this.rng.shuffle(this.w.guardians.filter((g) => {
      if (this.usedGuardians.has(g) || (civ && g.civ !== civ)) return false;
      const kids = this.childrenOf(g);
      return kids.length >= minChildren && kids.every((p) => p.status === 'current' && !this.used.has(p) && !p.twin && p.links.some((l) => l.guardian === g && l.level === 1));
    }));
  }

  useGuardian(g: Guardian): void {
    this.usedGuardians.add(g);
    for (const p of this.childrenOf(g)) this.used.add(p);
  }

  /** A newcomer came from another school. */
  arrive(p: Pupil): void {
    p.newcomer = true;
    p.dateEntree = this.newcomerDate();
    p.prevSchool = { uai: uaiWithKey('031' + this.rng.chars(4, DIGITS)), princ: p.level.year === 0 ? 'COLLEGE' : 'LYCEE', compl: this.rng.pick(COLLEGES) };
  }

  newcomerDate(): string {
    const o = this.w.o;
    return addDays(o.pronoteDate, this.rng.between(1, Math.max(1, toDays(o.exportDate) - toDays(o.pronoteDate))));
  }

  hasSeveralDivisions(p: Pupil): boolean {
    return (this.divisionsPerLevel.get(p.level.key) ?? 0) >= 2;
  }

  // ---------------------------------------------------------------- guardians

  duplicateGuardians(count: number): void {
    const rng = this.rng;
    for (const g of this.plainGuardians(2).slice(0, count)) {
      const kids = this.childrenOf(g);
      this.useGuardian(g);
      const dup: Guardian = { ...g, id: this.w.ids.personne(), address: { ...g.address, id: this.w.ids.adresse() } };
      const options: (() => string)[] = [];
      if (hasAccent(g.prenom)) options.push(() => ((dup.prenom = stripAccents(g.prenom)), 'accent'));
      if (hasAccent(g.nom)) options.push(() => ((dup.nom = stripAccents(g.nom)), 'accent'));
      if (g.prenom.includes('-')) options.push(() => ((dup.prenom = g.prenom.replace('-', ' ')), 'spacing'));
      if (g.nom.includes(' ')) options.push(() => ((dup.nom = g.nom.replace(/ /g, '')), 'spacing'));
      if (g.nomUsage) options.push(() => ((dup.nomUsage = ''), 'usage-name'));
      const partner = kids[0]?.links.find((l) => l.level === 1 && l.guardian !== g && l.guardian.civ === 'M.')?.guardian.nom;
      if (!g.nomUsage && g.civ === 'MME' && partner && partner !== g.nom) options.push(() => ((dup.nomUsage = partner), 'usage-name'));
      dup.dupVariant = options.length ? rng.pick(options)() : ((dup.nom = g.nom.toUpperCase()), 'case');
      this.w.guardians.push(dup);
      const second = kids[1] as Pupil;
      second.links = second.links.map((l) => (l.guardian === g ? { ...l, guardian: dup } : l));
    }
  }

  sameNameGuardians(count: number): void {
    const list = this.plainGuardians(1, 'MME');
    for (let i = 0; i < count; i++) {
      const a = list.shift();
      const b = list.find((x) => x !== a && a && normName(x.prenom) !== normName(a.prenom) && !this.childrenOf(x).some((p) => this.childrenOf(a).includes(p)));
      if (!a || !b) return;
      list.splice(list.indexOf(b), 1);
      this.useGuardian(a);
      this.useGuardian(b);
      b.nom = a.nom;
      b.nomUsage = a.nomUsage;
      b.prenom = a.prenom;
      this.w.pairs.push({ code: 'same-name-guardian', keys: [a.key, b.key], note: `two guardians named ${a.prenom} ${a.nomUsage || a.nom}, with different children` });
    }
  }

  guardiansWithoutEnt(count: number): void {
    for (const g of this.plainGuardians(1).slice(0, count)) {
      this.useGuardian(g);
      g.noEnt = true;
    }
  }

  // ---------------------------------------------------------------- pupils

  incomplete(count: number): void {
    const gone = new Set<Guardian>(); // legal guardians removed with their only child's links
    for (let i = 0; i < count; i++) {
      const a = this.take();
      if (a) a.mef = '';
      const b = this.take();
      if (b) b.division = b.klass = ''; // PRONOTE imports the class from SIECLE: none either
      const c = this.take((p) => p.pays === '100');
      if (c) c.commune = '';
      const d = this.take();
      if (d) d.birth = '';
      const e = this.take((p) => this.exclusive(p));
      if (e) {
        for (const l of e.links) if (l.level === 1) gone.add(l.guardian);
        for (const g of gone) this.usedGuardians.add(g);
        e.links = e.links.filter((l) => l.level !== 1);
      }
    }
    this.w.guardians = this.w.guardians.filter((g) => !gone.has(g));
  }

  duplicatePupils(count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.take((x) => (hasAccent(x.prenom) || hasAccent(x.nom)) && x.groups.length > 0);
      if (!p) return;
      const ids = this.w.ids;
      const dup: Pupil = {
        ...p,
        id: ids.eleve(), elenoet: ids.elenoet(), ine: '',
        prenom: hasAccent(p.prenom) ? stripAccents(p.prenom) : p.prenom,
        nom: hasAccent(p.prenom) ? p.nom : stripAccents(p.nom),
        nomUsage: hasAccent(p.prenom) ? p.nomUsage : stripAccents(p.nomUsage),
        prenom2: '', prenom3: '', groups: [], options: [],
        dateEntree: addDays(this.w.o.exportDate, -this.rng.between(1, 5)),
        prevSchool: null,
        links: p.links.map((l): Link => ({ ...l })),
        handmade: true,
      };
      for (const l of dup.links) this.children.get(l.guardian)?.push(dup);
      this.w.pupils.push(dup);
    }
  }

  classChanges(count: number): void {
    const rng = this.rng;
    for (let i = 0; i < count; i++) {
      const p = this.take((x) => x.division !== '' && this.hasSeveralDivisions(x) && x.groups.some((g) => this.groupByCode.get(g)?.inSts));
      if (!p) return;
      const groups = p.groups.map((g) => this.groupByCode.get(g)).filter((g): g is Group => !!g && g.inSts);
      const targets = this.w.divisions.filter((d) => d.level === p.level && d.code !== p.division);
      const outside = targets.filter((d) => groups.every((g) => !g.divisions.includes(d.code)));
      const some = targets.filter((d) => groups.some((g) => !g.divisions.includes(d.code)));
      const to = outside.length ? rng.pick(outside) : some.length ? rng.pick(some) : null;
      if (to) p.division = p.klass = to.code;
    }
  }

  inactive(count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.take();
      if (!p) return;
      p.status = 'inactive';
      p.division = 'Inactifs';
      p.groups = [];
      p.entKeep = true;
    }
  }

  /**
   * SIECLE-only groups: valid names unknown to STS, a long code made in SIECLE, and (`renamedInSts`)
   * EDT groups whose names STS rejects: STS-web holds them cut/stripped (`1ARA1STMG` → `1ARA1STM`).
   */
  siecleOnlyGroups(names: readonly string[], count: number, label: string, renamedInSts = false): void {
    const rng = this.rng;
    const taken = new Set([...this.w.groups.map((g) => g.code), ...this.w.divisions.map((d) => d.code), ...this.w.groups.flatMap((g) => (g.stsCode ? [g.stsCode] : []))]);
    const usable = (n: string) => !taken.has(n) && (!renamedInSts || !taken.has(stsGroupCode(n)));
    for (const code of names.filter(usable).slice(0, count)) {
      const grade = code.charAt(0) as '2' | '1' | 'T';
      const divisions = this.w.divisions.filter((d) => d.level.grade === grade);
      if (divisions.length === 0) continue;
      const div = rng.pick(divisions);
      const members = rng.shuffle(this.w.pupils.filter((p) => p.status === 'current' && p.division === div.code)).slice(0, rng.between(8, 15));
      for (const p of members) p.groups.push(code);
      const g: Group = { code, label, subject: '', grade, divisions: [div.code], mefs: [div.level.mef], inSts: false };
      if (renamedInSts) {
        g.stsCode = stsGroupCode(code);
        taken.add(g.stsCode);
      }
      this.w.groups.push(g);
    }
  }

  newcomers(count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.take();
      if (!p) return;
      this.arrive(p);
      if (this.rng.chance(0.4)) p.entState = 'pending';
    }
  }

  multiInscriptions(count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.take();
      if (p) p.entState = 'multi';
    }
  }

  /** A newcomer (not in PRONOTE) whose given name is one letter away from a pupil of another class, same family name and birth date. */
  nearNames(count: number): void {
    const rng = this.rng;
    for (let i = 0; i < count; i++) {
      const o = this.take((x) => x.division !== '' && this.hasSeveralDivisions(x));
      if (!o) return;
      const n = this.take((x) => x.level === o.level && x.division !== '' && x.division !== o.division && x.sex === o.sex && this.exclusive(x));
      if (!n) return;
      const [a, b] = rng.pick(NEAR_NAMES[o.sex === 1 ? '1' : '2']);
      const oldNom = n.nom;
      o.prenom = a;
      n.prenom = b;
      if (n.prenom2 === a) n.prenom2 = '';
      n.nom = o.nom;
      n.nomUsage = o.nomUsage;
      n.birth = o.birth;
      this.arrive(n);
      o.nearName = n.nearName = true;
      for (const l of n.links) {
        if (l.guardian.nom === oldNom) l.guardian.nom = o.nom;
        if (l.guardian.nomUsage === oldNom) l.guardian.nomUsage = o.nom;
      }
      for (const l of n.links) this.usedGuardians.add(l.guardian);
      this.w.pairs.push({ code: 'near-name-different-person', keys: [n.key, o.key], note: `${b} (${n.klass}, newcomer, not in PRONOTE) is not ${a} (${o.klass})` });
    }
  }

  /** Two pupils of other classes made to share a name (and, when `sameBirth`, the birth date). */
  namesakes(count: number, sameBirth: boolean): void {
    for (let i = 0; i < count; i++) {
      const a = this.take((x) => x.division !== '' && x.birth !== '' && this.hasSeveralDivisions(x));
      if (!a) return;
      const b = this.take((x) => x.level.year === a.level.year && x.division !== '' && x.division !== a.division && x.sex === a.sex && x.birth !== '' && (sameBirth || x.birth !== a.birth));
      if (!b) return;
      b.nom = a.nom;
      b.nomUsage = a.nomUsage;
      b.prenom = a.prenom;
      if (sameBirth) {
        b.birth = a.birth;
        a.pronoteNoIne = b.pronoteNoIne = true;
      }
      const who = `${a.prenom} ${a.nomUsage || a.nom}`;
      this.w.pairs.push(sameBirth
        ? { code: 'same-name-same-birthdate', keys: [a.key, b.key], note: `two pupils ${who} born ${a.birth}, in ${a.klass} and ${b.klass}; PRONOTE shows no INE for them: only the class tells them apart` }
        : { code: 'homonym', keys: [a.key, b.key], note: `two pupils ${who} (${a.klass}, ${b.klass}) with different birth dates` });
    }
  }

  pronoteVariants(pupils: number, guardians: number): void {
    for (let i = 0; i < pupils; i++) {
      const p = this.take((x) => nameVariants(x.nomUsage || x.nom, x.prenom).length > 0);
      if (!p) return;
      const v = this.rng.pick(nameVariants(p.nomUsage || p.nom, p.prenom));
      p.pronoteNom = v.nom;
      p.pronotePrenom = v.prenom;
    }
    let done = 0;
    for (const g of this.plainGuardians(1)) {
      if (done >= guardians) break;
      const options = nameVariants(g.nomUsage || g.nom, g.prenom);
      if (options.length === 0) continue;
      const v = this.rng.pick(options);
      this.useGuardian(g);
      g.pronoteNom = v.nom;
      g.pronotePrenom = v.prenom;
      done++;
    }
  }

  entVariants(count: number): void {
    for (let i = 0; i < count; i++) {
      const p = this.take((x) => hasAccent(x.prenom) || hasAccent(x.nomUsage || x.nom));
      if (!p) return;
      p.entPrenom = stripAccents(p.prenom);
      p.entNom = stripAccents(p.nomUsage || p.nom);
    }
  }

  // ---------------------------------------------------------------- staff

  staffProblems(): void {
    const rng = this.rng;
    const w = this.w;
    const names = new Set(w.staff.map((s) => `${normName(s.nomUsage)}|${normName(s.prenom)}`));
    const teachers = w.staff.filter((s) => s.role === 'teacher');
    // The suppléant is not in the services yet (STS not updated) and arrived after the PRONOTE lists.
    for (const s of w.staff.filter((x) => x.suppleant)) {
      for (const svc of w.services) svc.teachers = svc.teachers.filter((t) => t !== s);
      s.newcomer = true;
      this.usedStaff.add(s);
    }
    // Replacement teachers (REP) just arrived: FONCTION ENS, no service, no ENT account, not in PRONOTE.
    const discs = [...new Set(teachers.map((t) => t.disc))].sort();
    for (let i = 0; i < Math.max(1, Math.round(teachers.length / 120)); i++) {
      const rep = createStaff(w, rng, 'teacher', names);
      rep.grade = 'CONTRACT.';
      rep.nbHeures = 18;
      rep.disc = rng.pick(discs);
      rep.replacement = rep.newcomer = rep.noEnt = true;
      this.usedStaff.add(rep);
    }
    // Two teachers with the same name and civility: PRONOTE's list cannot tell them apart.
    const inService = new Set(w.services.flatMap((s) => s.teachers));
    const regular = rng.shuffle(teachers.filter((t) => t.fonction === 'ENS' && inService.has(t) && !this.usedStaff.has(t)));
    for (let i = 0; i < Math.max(1, Math.round(teachers.length / 150)); i++) {
      const a = regular.shift();
      const b = regular.find((t) => a && t.civ === a.civ && t.disc !== a.disc);
      if (!a || !b) break;
      regular.splice(regular.indexOf(b), 1);
      this.usedStaff.add(a);
      this.usedStaff.add(b);
      b.nomUsage = a.nomUsage;
      b.prenom = a.prenom;
      if (b.civ === '1') b.nomPatro = a.nomUsage;
      w.pairs.push({ code: 'homonym-indistinguishable', keys: [a.key, b.key], note: `two teachers ${a.prenom} ${a.nomUsage} (${a.disc}, ${b.disc}); PRONOTE lists name and civility only` });
    }
    // A member of staff missing from the ENT.
    const others = rng.shuffle(w.staff.filter((s) => s.role === 'other' && !this.usedStaff.has(s)));
    for (const s of others.slice(0, Math.max(1, Math.round(w.o.staff / 200)))) s.noEnt = true;
  }
}

export function injectAnomalies(w: World): void {
  const x = new Injector(w, Rng.of(w.o.seed, 'anomalies'));
  const s = x.scaled;
  // Leavers whose ENT account was not removed.
  for (const p of w.pupils) if (p.status === 'left' && x.rng.chance(0.6)) p.entKeep = true;
  x.duplicateGuardians(s(0.005));
  x.sameNameGuardians(s(0.0008));
  x.guardiansWithoutEnt(s(0.004));
  x.incomplete(s(0.003));
  x.duplicatePupils(s(0.002));
  x.classChanges(s(0.01));
  x.inactive(s(0.0004));
  x.siecleOnlyGroups(UNKNOWN_GROUP_NAMES, Math.max(1, Math.round(w.groups.length * 0.012)), 'GROUPE CREE DANS SIECLE');
  x.siecleOnlyGroups(INVALID_GROUP_NAMES, Math.max(1, Math.round(w.groups.length * 0.008)), 'GROUPE EDT', true);
  x.nearNames(s(0.0008));
  x.namesakes(s(0.0004), true);
  x.namesakes(s(0.0008), false);
  x.newcomers(s(0.015));
  x.multiInscriptions(s(0.005));
  x.pronoteVariants(s(0.01), s(0.006));
  x.entVariants(s(0.003));
  x.staffProblems();
}
