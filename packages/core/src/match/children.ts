/**
 * Children as the family context of guardians: a PRONOTE guardian row names them
 * (`NOM Prénom (Classe)`), an ENT guardian account reaches them through the pupil accounts that
 * list its UID (or the children its export names). Both are resolved to SIECLE pupils when
 * possible, so that « enfants en commun » compares ids, not only names.
 */
import type { PronoteChildRef } from '../model/types.js';
import { indexOf } from './blocking.js';
import { compareNames, gradeAtLeast, prepareName, type PreparedName } from './names.js';
import { divisionKey, makeRec, type ChildDesc, type Rec } from './records.js';

function sortedTokens(n: PreparedName, family = 0): string {
  const f = n.families[family]?.tokens ?? NO_TOKENS;
  const g = n.given.tokens;
  // Most names: one family token and one given token, ordered without building an array.
  if (f.length === 1 && g.length === 1) return f[0]! <= g[0]! ? `${f[0]} ${g[0]}` : `${g[0]} ${f[0]}`;
  return [...f, ...g].sort().join(' ');
}

const NO_TOKENS: string[] = [];

/** Finds SIECLE pupils by a child's name and class, as written in another source. */
export class ChildResolver {
  private readonly byTokens = new Map<string, number[]>();
  /** Each guardian of a child names it alike: described once, shared (read only). */
  private readonly described = new Map<string, ChildDesc>();

  constructor(private readonly pupils: Rec[]) {
    pupils.forEach((p, i) => {
      for (let f = 0; f < p.name.families.length; f++) {
        const k = sortedTokens(p.name, f);
        const l = this.byTokens.get(k);
        if (l) l.push(i);
        else this.byTokens.set(k, [i]);
      }
    });
  }

  /** The child described by a name (family/given, possibly split wrongly) and a class. */
  describe(family: string, given: string, division: string | undefined, raw: string): ChildDesc {
    // An empty class reads as no class.
    const key = `${family}\u0000${given}\u0000${division ?? ''}`;
    let desc = this.described.get(key);
    if (!desc) {
      desc = this.describeUncached(family, given, division);
      this.described.set(key, desc);
    }
    return desc;
  }

  private describeUncached(family: string, given: string, division: string | undefined): ChildDesc {
    const name = prepareName({ family, given });
    const div = divisionKey(division);
    const label = division ? `${name.display} (${division})` : name.display;
    const ids: string[] = [];
    // The whole name, whatever the family/given split (« DE LA FONTAINE Jean »): most children.
    const sameTokens = this.byTokens.get(sortedTokens(name));
    if (sameTokens) for (const i of sameTokens) if (this.inClass(i, div)) ids.push(this.pupils[i]!.ref.id);
    if (!ids.length) {
      const probe = makeRec({ source: 'pronote', kind: 'row', id: '' }, 'pupil', name, { divisionRaw: division });
      for (const i of indexOf(this.pupils).candidates(probe)) {
        if (this.inClass(i, div) && gradeAtLeast(compareNames(name, this.pupils[i]!.name).grade, 'variant')) ids.push(this.pupils[i]!.ref.id);
      }
    }
    return { ids, name, division: div, label };
  }

  private inClass(i: number, div: string | undefined): boolean {
    const d = this.pupils[i]!.division;
    return !div || !d || d === div;
  }

  fromPronote(ref: PronoteChildRef): ChildDesc {
    return this.describe(ref.family, ref.given, ref.division, ref.raw);
  }
}

/**
 * Children of each ENT guardian account: the pupil accounts listing its UID (their SIECLE
 * pupil when the account is linked, else their name and class), plus the children the export
 * itself names.
 */
export function entGuardianChildren(
  guardians: Rec[],
  pupils: Rec[],
  ownerOfPupil: (pupilIndex: number) => string | undefined,
  /** The children named on the account of `guardians[i]`. */
  named: (i: number) => ChildDesc[],
): void {
  const byUid = new Map<string, number[]>();
  const addUid = (k: string | undefined, i: number) => {
    if (!k) return;
    const l = byUid.get(k);
    if (l) l.push(i);
    else byUid.set(k, [i]);
  };
  guardians.forEach((g, i) => {
    addUid(g.uid, i);
    addUid(g.ref.id, i);
  });
  const children: ChildDesc[][] = guardians.map((_, i) => named(i));
  pupils.forEach((p, pi) => {
    const uids = p.guardianUids;
    if (!uids?.length) return;
    const owner = ownerOfPupil(pi);
    const desc: ChildDesc = { ids: owner ? [owner] : [], name: p.name, division: p.division, label: p.label };
    for (let u = 0; u < uids.length; u++) {
      const gs = byUid.get(uids[u]!);
      if (!gs) continue;
      for (let k = 0; k < gs.length; k++) {
        const list = children[gs[k]!]!;
        // Once per guardian (two UIDs may name the same one): this pupil's desc is the last pushed.
        if (list[list.length - 1] !== desc) list.push(desc);
      }
    }
  });
  guardians.forEach((g, i) => {
    if (children[i]!.length) g.children = children[i];
  });
}
