/**
 * Records that are the same person under two identifiers. A name key that forgives accents, case,
 * hyphens and spaces (« LE GALL » = « Legall ») only makes a candidate pair; it takes a
 * corroborating fact that a name alone cannot give:
 * - pupils: the same birth date, no contradicting sex, and not two different INEs (the INE is the
 *   national identifier: two INEs are two pupils — the namesakes born the same day in two classes);
 * - guardians: a shared address, phone, child or co-guardian, and no contradicting civility.
 *   Children bearing the same family name is NOT enough (two fathers named Bruno COLIN have
 *   children named COLIN), nor is an e-mail alone (`prenom.nom@…` addresses collide).
 * Clusters, not pairs: three copies make one group. Computed once per dataset.
 */
import type { SchoolDataset } from '../model/dataset.js';
import { normalizeName } from '../model/names.js';
import type { PersonName, SiecleGuardian, SieclePupil } from '../model/types.js';
import { indexDataset, isCurrentPupil, pushTo, type DatasetIndex } from './common.js';

/** Accent-, case-, punctuation- and space-insensitive form of a name part. */
export function nameKey(s: string | undefined): string {
  return spaceless(normalizeName(s));
}

function spaceless(normalized: string): string {
  return normalized.includes(' ') ? normalized.replace(/ /g, '') : normalized;
}

/** Every family name a record may be known by (NOM_DE_FAMILLE, NOM_USAGE), as keys. */
export function familyKeys(n: PersonName): string[] {
  return distinctKeys(nameKey(n.family), nameKey(n.usage));
}

/** The family and usage keys that are not empty, once each. */
function distinctKeys(family: string, usage: string): string[] {
  const keys = family ? [family] : [];
  if (usage && usage !== family) keys.push(usage);
  return keys;
}

/** Union–find over indices. */
class Clusters {
  private readonly parent: number[] = [];
  /** Roots that absorbed another cluster: only their members are in groups of two or more. */
  private readonly joined = new Set<number>();
  constructor(n: number) {
    for (let i = 0; i < n; i++) this.parent.push(i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const root = Math.min(ra, rb);
    this.parent[Math.max(ra, rb)] = root;
    this.joined.add(root);
  }
  /** Groups of two or more, in order of their first member. */
  groups(): number[][] {
    if (!this.joined.size) return [];
    const by = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      if (!this.joined.has(r)) continue;
      const list = by.get(r);
      if (list) list.push(i);
      else by.set(r, [i]);
    }
    return [...by.values()];
  }
}

/** Clusters of records sharing a blocking key and passing `same` (transitively). */
export function clusterBy<T>(records: readonly T[], keysOf: (r: T) => string[], same: (a: T, b: T) => boolean): T[][] {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    const keys = keysOf(r);
    for (let k = 0; k < keys.length; k++) pushTo(blocks, keys[k]!, i);
  });
  const clusters = new Clusters(records.length);
  blocks.forEach((members) => {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        if (clusters.find(a) !== clusters.find(b) && same(records[a]!, records[b]!)) clusters.union(a, b);
      }
  });
  return clusters.groups().map((g) => g.map((i) => records[i]!));
}

// ───────────────────────────── Pupils ─────────────────────────────

const pupilCache = new WeakMap<SchoolDataset, SieclePupil[][]>();

/** Pupil records (not left, with a birth date) that are one pupil; each cluster has a current member. */
export function pupilDuplicates(ds: SchoolDataset): SieclePupil[][] {
  const hit = pupilCache.get(ds);
  if (hit) return hit;
  const pool = ds.pupils.filter((p) => !p.left && p.birthDate);
  const clusters = clusterBy(
    pool,
    (p) => {
      const given = nameKey(p.name.given);
      return familyKeys(p.name).map((f) => `${f}|${given}|${p.birthDate}`);
    },
    (a, b) =>
      a.eleveId !== b.eleveId &&
      (!a.sex || !b.sex || a.sex === b.sex) &&
      (!a.ine || !b.ine || a.ine.trim().toUpperCase() === b.ine.trim().toUpperCase()),
  ).filter((c) => c.some(isCurrentPupil));
  pupilCache.set(ds, clusters);
  return clusters;
}

// ───────────────────────────── Guardians ─────────────────────────────

function phones(g: SiecleGuardian): string[] {
  return [g.phoneHome, g.phoneMobile, g.phoneWork]
    .map((p) => (p ?? '').replace(/\D/g, '').replace(/^(00)?33(?=\d{9}$)/, '0'))
    .filter((p) => p.length >= 9);
}

function addressKey(g: SiecleGuardian): string {
  const a = g.address;
  if (!a) return '';
  const lines = normalizeName(a.lines.join(' '));
  return lines ? `${lines}|${(a.postcode ?? '').trim()}|${normalizeName(a.city)}` : '';
}

/** Family-name keys, plus each word of a compound family name (« DUPONT MARTIN » → DUPONT, MARTIN). */
function blockingFamilies(g: SiecleGuardian): string[] {
  // Each name normalized once, for its key and for its words.
  const family = normalizeName(g.name.family);
  const usage = normalizeName(g.name.usage);
  const keys = distinctKeys(spaceless(family), spaceless(usage));
  addCompoundWords(keys, family);
  addCompoundWords(keys, usage);
  return keys;
}

function addCompoundWords(keys: string[], normalized: string): void {
  // A one-word name is its own family key, already in `keys`.
  if (!normalized.includes(' ')) return;
  for (const word of normalized.split(' ')) if (word.length >= 3 && !keys.includes(word)) keys.push(word);
}

interface Family {
  children: Set<string>;
  coGuardians: Set<string>;
}

function familyOf(idx: DatasetIndex, g: SiecleGuardian): Family {
  const children = new Set<string>();
  const coGuardians = new Set<string>();
  for (const l of idx.linksByGuardian.get(g.personneId) ?? []) {
    const p = idx.pupilById.get(l.eleveId);
    if (!p || p.left) continue;
    children.add(p.eleveId);
    for (const other of idx.linksByPupil.get(p.eleveId) ?? []) if (other.personneId !== g.personneId) coGuardians.add(other.personneId);
  }
  return { children, coGuardians };
}

const intersects = <T>(a: Iterable<T>, b: Set<T>) => [...a].some((x) => b.has(x));

/** The facts two guardian records share, in French; empty when nothing beyond the name. */
export function guardianFacts(ds: SchoolDataset, a: SiecleGuardian, b: SiecleGuardian): string[] {
  const idx = indexDataset(ds);
  const facts: string[] = [];
  const ak = addressKey(a);
  if (ak && ak === addressKey(b)) facts.push('même adresse');
  const bp = new Set(phones(b));
  if (phones(a).some((p) => bp.has(p))) facts.push('même téléphone');
  const fa = familyOf(idx, a);
  const fb = familyOf(idx, b);
  if (intersects(fa.children, fb.children)) facts.push('rattachés au même élève');
  else if (intersects(fa.coGuardians, fb.coGuardians)) facts.push('enfants ayant un autre responsable en commun');
  // An e-mail alone proves little (prenom.nom@… addresses collide): it only adds to another fact.
  if (facts.length && a.email && b.email && a.email.trim().toLowerCase() === b.email.trim().toLowerCase()) facts.push('même courriel');
  return facts;
}

const guardianCache = new WeakMap<SchoolDataset, SiecleGuardian[][]>();

/** Guardian records, legal guardians of a current pupil, that are one person. */
export function guardianDuplicates(ds: SchoolDataset): SiecleGuardian[][] {
  const hit = guardianCache.get(ds);
  if (hit) return hit;
  const idx = indexDataset(ds);
  const pool = ds.guardians.filter((g) => idx.legalGuardianIds.has(g.personneId) && nameKey(g.name.given));
  const clusters = clusterBy(
    pool,
    (g) => {
      const given = nameKey(g.name.given);
      return blockingFamilies(g).map((f) => `${f}|${given}`);
    },
    (a, b) =>
      a.personneId !== b.personneId &&
      (!a.civility || !b.civility || a.civility === b.civility) &&
      (!a.sex || !b.sex || a.sex === b.sex) &&
      guardianFacts(ds, a, b).length > 0,
  );
  guardianCache.set(ds, clusters);
  return clusters;
}
