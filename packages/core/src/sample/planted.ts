// Cases planted after the base school and its anomalies, each from its own PRNG stream, so that the
// rest of the school stays byte-identical: « personnes en charge » (NIVEAU_RESPONSABILITE 2) with an
// ENT account and a PRONOTE row; (with anomalies) two homonymous guardians whose ENT accounts were
// made by hand, and cousins born the same day in two classes with near given names.

import type { Guardian, Pupil, World } from './model.js';
import { familyName } from './data.js';
import { missingFields } from './derive.js';
import { Rng } from './prng.js';
import { normName } from './text.js';
import { newAddress, newGuardian } from './world.js';

/** Records the anomalies and traps have not touched: plain current pupils, one record each. */
function plainPupils(w: World): Pupil[] {
  const records = new Map<string, number>();
  for (const p of w.pupils) records.set(p.key, (records.get(p.key) ?? 0) + 1);
  const paired = new Set(w.pairs.flatMap((x) => x.keys));
  return w.pupils.filter(
    (p) =>
      p.status === 'current' && p.entState === 'ok' && !p.newcomer && !p.twin && !p.nearName && !p.cousin && !p.handmade &&
      records.get(p.key) === 1 && !paired.has(p.key) && missingFields(p).length === 0 && p.pronoteNom === null &&
      p.pronotePrenom === null && p.entNom === null && p.entPrenom === null && !p.pronoteNoIne && p.division === p.klass,
  );
}

const scaled = (w: World, rate: number) => Math.max(1, Math.round(w.o.pupils * rate));

/**
 * A grandparent (CODE_PARENTE 38, the child's family name) or a host family (42) « en charge » of
 * one pupil: PRONOTE lists them with the child; the sample's ENT makes their account (`entInCharge`).
 */
function peopleInCharge(w: World, rng: Rng): void {
  const pool = rng.shuffle(plainPupils(w));
  const count = Math.min(pool.length, scaled(w, 0.004));
  for (let i = 0; i < count; i++) {
    const p = pool[i]!;
    const grandparent = rng.chance(0.7);
    const civ = rng.chance(0.6) ? 'MME' : 'M.';
    const nom = grandparent ? p.nomUsage || p.nom : familyName(rng);
    // Never the given name of one of the child's other guardians: no namesake inside a family.
    const taken = new Set(p.links.map((l) => normName(l.guardian.prenom)));
    let g: Guardian | undefined;
    for (let k = 0; k < 20 && !g; k++) {
      const candidate = newGuardian(w, rng, `guardian:in-charge:${i}`, civ, nom, '', newAddress(w, rng));
      if (taken.has(normName(candidate.prenom))) w.guardians.pop();
      else g = candidate;
    }
    if (!g) continue;
    // Siblings share one links array: the child gets a copy.
    p.links = [...p.links, { guardian: g, level: 2, parente: grandparent ? '38' : '42', pays: false }];
  }
}

/**
 * Two legal guardians (MME, one child each, different households) given the same name, whose ENT
 * accounts were made by hand: no « Clé de jointure », the children's rows do not name them. The
 * files cannot tell which account is whose: « à trancher », and neither is « sans compte ».
 */
function manualHomonymGuardians(w: World, rng: Rng): void {
  const byGuardian = new Map<Guardian, Pupil[]>();
  for (const p of w.pupils) for (const l of p.links) byGuardian.set(l.guardian, [...(byGuardian.get(l.guardian) ?? []), p]);
  const plain = new Set(plainPupils(w));
  const paired = new Set(w.pairs.flatMap((x) => x.keys));
  const keyCount = new Map<string, number>();
  for (const g of w.guardians) keyCount.set(g.key, (keyCount.get(g.key) ?? 0) + 1);
  const pool = rng.shuffle(
    w.guardians.filter((g) => {
      const kids = byGuardian.get(g) ?? [];
      return (
        g.civ === 'MME' && !g.noEnt && !g.entManual && g.dupVariant === '' && g.pronoteNom === null && g.pronotePrenom === null &&
        !paired.has(g.key) && keyCount.get(g.key) === 1 && kids.length === 1 && plain.has(kids[0]!) &&
        kids[0]!.links.some((l) => l.guardian === g && l.level === 1)
      );
    }),
  );
  const a = pool[0];
  const b = pool.find((x) => a && x !== a && byGuardian.get(x)![0] !== byGuardian.get(a)![0] && normName(x.prenom) !== normName(a.prenom));
  if (!a || !b) return;
  b.nom = a.nom;
  b.nomUsage = a.nomUsage;
  b.prenom = a.prenom;
  a.entManual = b.entManual = true;
  w.pairs.push({ code: 'same-name-guardian', keys: [a.key, b.key], note: `two guardians named ${a.prenom} ${a.nomUsage || a.nom}, different children and addresses, ENT accounts made by hand (no join key)` });
}

const COMPOUNDS: Record<1 | 2, readonly string[]> = { 1: ['-Louis', '-Pierre', '-Marie'], 2: ['-Marie', '-Rose', '-Lou'] };

/**
 * Cousins: a pupil of another class (same sex, same family name, born the same day, PRONOTE shows no
 * INE for either) whose given name is this one's made compound (« Léa » / « Léa-Marie »). Each is a
 * doubtful candidate for the other's PRONOTE row; the join key, the exact name and the class settle it.
 */
function cousins(w: World, rng: Rng): void {
  const pool = rng.shuffle(plainPupils(w).filter((p) => !/[ '-]/.test(p.prenom)));
  const used = new Set<Pupil>();
  const count = scaled(w, 0.0016);
  for (let i = 0, done = 0; i < pool.length && done < count; i++) {
    const o = pool[i]!;
    if (used.has(o)) continue;
    const r = pool.find((x) => !used.has(x) && x !== o && x.sex === o.sex && x.klass !== o.klass && x.links.every((l) => !o.links.some((m) => m.guardian === l.guardian)));
    if (!r) return;
    const suffix = COMPOUNDS[o.sex].find((s) => normName(s) !== normName(o.prenom));
    if (!suffix) continue;
    used.add(o);
    used.add(r);
    done++;
    r.nom = o.nom;
    r.nomUsage = o.nomUsage;
    r.prenom = `${o.prenom}${suffix}`;
    if (normName(r.prenom2) === normName(o.prenom)) r.prenom2 = '';
    r.birth = o.birth;
    o.pronoteNoIne = r.pronoteNoIne = true;
    o.cousin = r.cousin = true;
    w.pairs.push({ code: 'near-name-other-class', keys: [o.key, r.key], note: `cousins ${o.prenom} (${o.klass}) and ${r.prenom} (${r.klass}), born ${o.birth}, no INE in PRONOTE: the join key, the exact name and the class tell them apart` });
  }
}

export function plantCases(w: World): void {
  peopleInCharge(w, Rng.of(w.o.seed, 'planted', 'in-charge'));
  if (!w.o.anomalies) return;
  manualHomonymGuardians(w, Rng.of(w.o.seed, 'planted', 'homonym-guardians'));
  cousins(w, Rng.of(w.o.seed, 'planted', 'cousins'));
}
