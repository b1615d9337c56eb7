/** Small hand-made datasets for the matcher tests: one builder per record kind, sensible defaults. */
import { emptyDataset, type SchoolDataset } from '../../src/model/dataset.js';
import type {
  EntAccount,
  GuardianLink,
  PersonName,
  PronoteChildRef,
  PronoteRow,
  SieclePupil,
  SiecleGuardian,
  StsPerson,
} from '../../src/model/types.js';

const prov = { file: 'test', position: 1 };

export interface NameOpts {
  usage?: string;
  otherGiven?: string[];
}

function name(family: string, given: string, o: NameOpts = {}): PersonName {
  const n: PersonName = { family, given };
  if (o.usage) n.usage = o.usage;
  if (o.otherGiven) n.otherGiven = o.otherGiven;
  return n;
}

export function pupil(
  eleveId: string,
  family: string,
  given: string,
  o: NameOpts & { birth?: string; division?: string; ine?: string; left?: boolean } = {},
): SieclePupil {
  return {
    eleveId,
    name: name(family, given, o),
    birthDate: o.birth,
    division: o.division,
    ine: o.ine,
    left: o.left ?? false,
    groups: [],
    options: [],
    provenance: prov,
  };
}

export function guardian(personneId: string, family: string, given: string, o: NameOpts = {}): SiecleGuardian {
  return { personneId, name: name(family, given, o), provenance: prov };
}

export function glink(eleveId: string, personneId: string, legalRank: 1 | 2 = 1): GuardianLink {
  return { eleveId, personneId, legal: true, legalRank, provenance: prov };
}

export function staff(id: string, family: string, given: string, o: NameOpts & { birth?: string; teacher?: boolean } = {}): StsPerson {
  return {
    id,
    type: 'epp',
    name: name(family, given, o),
    birthDate: o.birth,
    function: o.teacher === false ? 'DIR' : 'ENS',
    teacher: o.teacher ?? true,
    principalOf: [],
    disciplines: [],
    provenance: prov,
  };
}

/** `DUPONT Léa (4A)` → a child reference as the PRONOTE reader makes it. */
export function childRef(raw: string): PronoteChildRef {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(raw);
  const namePart = (m ? m[1]! : raw).trim();
  const words = namePart.split(/\s+/);
  const fam: string[] = [];
  while (words.length > 1 && words[0] === words[0]!.toUpperCase()) fam.push(words.shift()!);
  const ref: PronoteChildRef = { family: fam.join(' '), given: words.join(' '), raw };
  if (m) ref.division = m[2]!.trim();
  return ref;
}

export function prow(
  pronoteId: string,
  profile: PronoteRow['profile'],
  family: string,
  given: string,
  o: NameOpts & { birth?: string; division?: string; ine?: string; children?: string[] } = {},
): PronoteRow {
  return {
    pronoteId,
    profile,
    name: name(family, given, o),
    birthDate: o.birth,
    division: o.division,
    ine: o.ine,
    children: (o.children ?? []).map(childRef),
    provenance: prov,
  };
}

export function account(
  login: string,
  profile: EntAccount['profile'],
  family: string,
  given: string,
  o: NameOpts & { joinKey?: string; division?: string; birth?: string; uid?: string; guardianUids?: string[]; pronoteId?: string } = {},
): EntAccount {
  return {
    login,
    uid: o.uid,
    profile,
    name: name(family, given, o),
    division: o.division,
    passwordChanged: false,
    joinKey: o.joinKey,
    guardianUids: o.guardianUids ?? [],
    pronoteId: o.pronoteId,
    birthDate: o.birth,
    provenance: prov,
  };
}

export function dataset(parts: Partial<SchoolDataset>): SchoolDataset {
  return { ...emptyDataset({ uai: '0310040A', schoolYear: 2025 }), ...parts };
}
