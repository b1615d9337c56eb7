/**
 * Duplicate guardians inside SIECLE (the *Doublons responsables* the seeds describe): one person
 * with two PERSONNE_IDs, typically one per child, the second typed with a missing accent, other
 * spacing, or only the birth name where the first has the usage name. PRONOTE has one row for
 * that person, listing both children, shown under one of the names.
 *
 * Two records are taken for one person when the given name and one family name agree (spelling
 * aside) AND a contact detail agrees (phone, e-mail or postal address). Each then matches PRONOTE
 * with the names of both records; the children still decide (each record needs its own
 * children in common with the row).
 *
 * The check `siecle.guardian-duplicate` (checks/duplicates.ts) groups differently on purpose: it
 * tells the admin « these two records are one person, merge them in SIECLE », so a shared e-mail
 * alone is not enough there (`prenom.nom@…` addresses collide between namesakes). Here a wrong
 * grouping only lends a spelling of the name, and no link follows without children in common.
 */
import { normalizeName } from '../model/names.js';
import type { SiecleGuardian } from '../model/types.js';
import { gradeAtLeast, compareFamilyPart, compareGivenNames, type NamePart, type PreparedName } from './names.js';
import type { Rec } from './records.js';

function addPhone(out: string[], p: string | undefined): void {
  if (!p) return;
  const digits = p.replace(/\D/g, '').replace(/^33/, '0');
  if (digits.length >= 9) out.push(`t${digits}`);
}

function contacts(g: SiecleGuardian): string[] {
  const out: string[] = [];
  addPhone(out, g.phoneHome);
  addPhone(out, g.phoneMobile);
  addPhone(out, g.phoneWork);
  if (g.email?.trim()) out.push(`m${g.email.trim().toLowerCase()}`);
  const a = g.address;
  if (a && a.lines.length && (a.postcode || a.city)) out.push(`a${normalizeName([...a.lines, a.postcode, a.city].join(' '))}`);
  return out;
}

function sameFamilyName(a: PreparedName, b: PreparedName): boolean {
  return a.families.some((fa) => b.families.some((fb) => gradeAtLeast(compareFamilyPart(fa, fb).grade, 'variant')));
}

/** The names of `own` followed by those of its duplicates; their usage name counts as one. */
function merged(own: PreparedName, others: PreparedName[]): PreparedName {
  const families: NamePart[] = [...own.families];
  let usageIndex = own.usageIndex;
  for (const o of others) {
    o.families.forEach((f, i) => {
      if (families.some((g) => g.norm === f.norm)) return;
      families.push(f);
      if (i === o.usageIndex && usageIndex < 0) usageIndex = families.length - 1;
    });
  }
  return { ...own, families, usageIndex };
}

/**
 * Groups SIECLE guardians that are one person; gives each the names of the others, and returns
 * the French note for each record in a group (by PERSONNE_ID).
 */
export function mergeGuardianDuplicates(guardians: SiecleGuardian[], recs: Rec[]): Map<string, string> {
  const byContact = new Map<string, number[]>();
  guardians.forEach((g, i) => {
    const own = contacts(g);
    for (let k = 0; k < own.length; k++) {
      const c = own[k]!;
      const l = byContact.get(c);
      if (l) l.push(i);
      else byContact.set(c, [i]);
    }
  });
  const dupOf = new Map<number, Set<number>>();
  const addDuplicate = (x: number, y: number) => {
    const s = dupOf.get(x);
    if (s) s.add(y);
    else dupOf.set(x, new Set([y]));
  };
  byContact.forEach((group) => {
    if (group.length < 2 || group.length > 20) return;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = recs[group[i]!]!;
        const b = recs[group[j]!]!;
        if (!gradeAtLeast(compareGivenNames(a.name, b.name).grade, 'variant') || !sameFamilyName(a.name, b.name)) continue;
        addDuplicate(group[i]!, group[j]!);
        addDuplicate(group[j]!, group[i]!);
      }
    }
  });
  const notes = new Map<string, string>();
  const names = new Map<number, PreparedName>();
  for (const [i, others] of dupOf) {
    const list = [...others];
    names.set(i, merged(recs[i]!.name, list.map((o) => recs[o]!.name)));
    notes.set(recs[i]!.ref.id, `responsable en double dans SIECLE avec ${list.map((o) => recs[o]!.label).join(', ')} (mêmes coordonnées)`);
  }
  for (const [i, name] of names) recs[i]!.name = name;
  return notes;
}
