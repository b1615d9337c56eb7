/** The sample-school generator: determinism, real bytes, well-formed files, group names, and a truth that matches the files. */
import { parseXml } from '../src/util/xml.js';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOY_NAMES, FAMILY_NAMES, GIRL_NAMES, MAN_NAMES, STREETS, WOMAN_NAMES } from '../src/sample/data.js';
import { canEncode } from '../src/sample/encoding.js';
import {
  ANOMALY_CODES, generateAcademyBatch, generateSchool, sampleDatesFor, type SampleSchool, type TruthSubject,
} from '../src/sample/index.js';

const file = (s: SampleSchool, name: string): Uint8Array => {
  const f = s.files.find((x) => x.name === name);
  if (!f) throw new Error(`no file ${name}`);
  return f.bytes;
};
const latin9 = (b: Uint8Array): string => new TextDecoder('iso-8859-15').decode(b);
const cp1252 = (b: Uint8Array): string => new TextDecoder('windows-1252').decode(b);
const startsWith = (b: Uint8Array, prefix: number[]): boolean => prefix.every((v, i) => b[i] === v);
const all = (text: string, re: RegExp): string[] => [...text.matchAll(re)].map((m) => m[1] as string);
const rows = (text: string, sep: string): string[][] => text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').map((l) => l.split(sep));

/** Every identifier the files contain, by subject source and kind, read back from the bytes. */
function idsInFiles(s: SampleSchool): Record<string, Set<string>> {
  const eleves = latin9(file(s, 'ElevesSansAdresses.xml'));
  const resp = latin9(file(s, 'ResponsablesAvecAdresses.xml'));
  const structures = latin9(file(s, 'Structures.xml'));
  const sts = latin9(file(s, 'sts_emp_0310040A_2025.xml'));
  const ent = rows(cp1252(file(s, 'ENT-Identifiants-0310040A.A.csv')), ';').slice(1);
  const pronote = [
    ...rows(cp1252(file(s, 'PRONOTE-eleves.csv')), ';').slice(1).map((r) => r[4]),
    ...rows(new TextDecoder('utf-8').decode(file(s, 'PRONOTE-professeurs.csv')), ';').slice(1).map((r) => r[4]),
    ...rows(new TextDecoder('utf-16le').decode(file(s, 'PRONOTE-responsables.txt')), '\t').slice(1).map((r) => r[3]),
  ];
  return {
    'siecle:pupil': new Set(all(eleves, /<ELEVE ELEVE_ID="(\d+)"/g)),
    'siecle:guardian': new Set(all(resp, /<PERSONNE PERSONNE_ID="(\d+)"/g)),
    'siecle:group': new Set([...all(structures, /CODE_STRUCTURE="([^"]+)"/g), ...all(eleves, /<CODE_STRUCTURE>([^<]+)</g)].map(unescape)),
    'sts:staff': new Set(all(sts, /<INDIVIDU ID="(\d+)"/g)),
    'sts:group': new Set(all(sts, /<(?:GROUPE|DIVISION) CODE="([^"]+)"/g).map(unescape)),
    'ent:account': new Set(ent.map((r) => r[6] as string)),
    'pronote:row': new Set(pronote as string[]),
  };
}
const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let school: SampleSchool;
let clean: SampleSchool;
beforeAll(() => {
  school = generateSchool();
  clean = generateSchool({ anomalies: false, pupils: 600 });
});

describe('generateSchool', () => {
  it('is deterministic: same options give byte-identical files and truth; another seed differs', () => {
    const a = generateSchool({ pupils: 400, seed: 7 });
    const b = generateSchool({ pupils: 400, seed: 7 });
    expect(a.files.map((f) => f.name)).toEqual(b.files.map((f) => f.name));
    a.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b.files[i]!.bytes)), f.name).toBe(true));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    const c = generateSchool({ pupils: 400, seed: 8 });
    expect(Buffer.from(file(c, 'ElevesSansAdresses.xml')).equals(Buffer.from(file(a, 'ElevesSansAdresses.xml')))).toBe(false);
  });

  it('writes the promised files', () => {
    expect(school.files.map((f) => f.name)).toEqual([
      'ElevesSansAdresses.xml', 'ExportXML_ElevesSansAdresses.zip', 'ResponsablesAvecAdresses.xml', 'Nomenclature.xml', 'Structures.xml',
      'Communs.xml', 'sts_emp_0310040A_2025.xml', 'PRONOTE-eleves.csv', 'PRONOTE-professeurs.csv', 'PRONOTE-responsables.txt',
      'ENT-Identifiants-0310040A.A.csv', 'EDT_To_KOSMOS_0310040A.xml',
    ]);
    expect(school.truth.files.map((f) => f.name)).toEqual(school.files.map((f) => f.name));
  });

  it('has the expected size: ~2,500 pupils, ~180 staff, ~140 teachers', () => {
    const c = school.truth.people.counts;
    expect(c.pupilsCurrent).toBeGreaterThan(2450);
    expect(c.pupilsCurrent).toBeLessThanOrEqual(2500);
    expect(c.staff).toBeGreaterThanOrEqual(180);
    expect(c.staff).toBeLessThan(186);
    expect(c.teachers).toBeGreaterThan(130);
    expect(c.teachers).toBeLessThan(155);
    expect(c.divisions).toBeGreaterThan(60);
    const eleves = latin9(file(school, 'ElevesSansAdresses.xml'));
    expect(all(eleves, /<ELEVE ELEVE_ID="(\d+)"/g).length).toBe(c.pupilRecords);
  });
});

describe('encodings', () => {
  it('SIECLE and STS files are real ISO-8859-15 bytes (œ = 0xBD, é = 0xE9), not UTF-8', () => {
    for (const name of ['ElevesSansAdresses.xml', 'ResponsablesAvecAdresses.xml', 'sts_emp_0310040A_2025.xml']) {
      const b = file(school, name);
      expect(latin9(b.subarray(0, 44))).toBe('<?xml version="1.0" encoding="ISO-8859-15"?>');
      expect(b.includes(0xbd), `${name}: œ`).toBe(true);
      expect(b.includes(0xe9), `${name}: é`).toBe(true);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
    }
    expect(latin9(file(school, 'ElevesSansAdresses.xml'))).toMatch(/Cœur|Lœuillet|Cœurdevey/);
    expect(latin9(file(school, 'ResponsablesAvecAdresses.xml'))).toContain('Sacré-Cœur');
  });

  it('PRONOTE pupils and the ENT list are Windows-1252 without BOM; teachers UTF-8 with BOM; guardians UTF-16 LE with BOM and TABs', () => {
    const eleves = file(school, 'PRONOTE-eleves.csv');
    expect(startsWith(eleves, [0x4e, 0x6f, 0x6d, 0x3b, 0x50, 0x72, 0xe9])).toBe(true); // "Nom;Pré"
    expect(cp1252(eleves).split('\r\n')[0]).toBe('Nom;Prénom;Né(e) le;Classe;Identifiant PRONOTE;INE');
    const ent = file(school, 'ENT-Identifiants-0310040A.A.csv');
    expect(cp1252(ent).split('\r\n')[0]).toBe('RNE;UID;Classe;Profil;Prénom;Nom;Login;Mot de passe;Clé de jointure;UID Père;UID Mère;UID Tuteur1;UID Tuteur2;Identifiant PRONOTE');
    expect(ent.includes(0xe9)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(ent)).toThrow();
    const profs = file(school, 'PRONOTE-professeurs.csv');
    expect(startsWith(profs, [0xef, 0xbb, 0xbf])).toBe(true);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(profs)).toContain('Prénom');
    const resp = file(school, 'PRONOTE-responsables.txt');
    expect(startsWith(resp, [0xff, 0xfe])).toBe(true);
    const text = new TextDecoder('utf-16le').decode(resp);
    expect(text.split('\r\n')[0]).toBe('Civ.\tNom\tPrénom\tIdentifiant PRONOTE\tÉlèves');
    expect(text).toMatch(/\t[A-ZÀ-ÖØ-ÞŒ' -]+ [^\t(]+ \([0-9A-Z]+\)(, |\r\n)/);
  });

  it('CSV files use CRLF only and a constant number of fields', () => {
    for (const [name, sep, decode] of [
      ['PRONOTE-eleves.csv', ';', cp1252], ['ENT-Identifiants-0310040A.A.csv', ';', cp1252],
      ['PRONOTE-professeurs.csv', ';', (b: Uint8Array) => new TextDecoder().decode(b)],
      ['PRONOTE-responsables.txt', '\t', (b: Uint8Array) => new TextDecoder('utf-16le').decode(b)],
    ] as const) {
      const text = decode(file(school, name));
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const r = rows(text, sep);
      expect(new Set(r.map((x) => x.length)).size, name).toBe(1);
    }
  });

  it('every name of the reference lists exists in both ISO-8859-15 and Windows-1252', () => {
    for (const s of [...FAMILY_NAMES, ...BOY_NAMES, ...GIRL_NAMES, ...MAN_NAMES, ...WOMAN_NAMES, ...STREETS]) {
      expect(canEncode(s, 'iso-8859-15') && canEncode(s, 'windows-1252'), s).toBe(true);
    }
  });
});

describe('file contents', () => {
  it('every XML file is well-formed with its closing root tag', () => {
    const roots: Record<string, string> = {
      'ElevesSansAdresses.xml': 'BEE_ELEVES', 'ResponsablesAvecAdresses.xml': 'BEE_RESPONSABLES', 'Nomenclature.xml': 'BEE_NOMENCLATURES',
      'Structures.xml': 'BEE_STRUCTURES', 'Communs.xml': 'BEE_COMMUN', 'sts_emp_0310040A_2025.xml': 'STS_EDT', 'EDT_To_KOSMOS_0310040A.xml': 'EXPORT_INDEX_EDUCATION',
    };
    for (const [name, root] of Object.entries(roots)) {
      const text = latin9(file(school, name));
      expect(parseXml(text, name, []).root, name).toBe(root);
      expect(text.trimEnd().endsWith(`</${root}>`), name).toBe(true);
    }
  });

  it('the zip holds exactly ElevesSansAdresses.xml, byte for byte', () => {
    const entries = unzipSync(file(school, 'ExportXML_ElevesSansAdresses.zip'));
    expect(Object.keys(entries)).toEqual(['ElevesSansAdresses.xml']);
    expect(Buffer.from(entries['ElevesSansAdresses.xml']!).equals(Buffer.from(file(school, 'ElevesSansAdresses.xml')))).toBe(true);
  });

  it('the Index Education envelope carries its clear fields and a base64 payload', () => {
    const text = new TextDecoder().decode(file(school, 'EDT_To_KOSMOS_0310040A.xml'));
    expect(text).toMatch(/<CLES><PARTENAIRE NOM="KOSMOS">[A-Za-z0-9+/=]+<\/PARTENAIRE><\/CLES>/);
    expect(text).toMatch(/<CONTENU CompresseAvantChiffrement="true">[A-Za-z0-9+/=]{1000,}<\/CONTENU>/);
    expect(text).toContain('<UAI>0310040A</UAI>');
  });

  it('STS group names follow the rule; SIECLE-only and invalid groups are exactly those of the truth', () => {
    const valid = /^[A-Za-z0-9 _-]{1,8}$/;
    const sts = latin9(file(school, 'sts_emp_0310040A_2025.xml'));
    const stsGroups = all(sts, /<GROUPE CODE="([^"]+)"/g).map(unescape);
    expect(stsGroups.length).toBeGreaterThan(100);
    for (const g of stsGroups) expect(g, g).toMatch(valid);
    expect(stsGroups).toEqual(expect.arrayContaining(['2ESP1']));
    expect(stsGroups.some((g) => g.includes(' '))).toBe(true);
    expect(stsGroups.some((g) => g.includes('_'))).toBe(true);
    expect(stsGroups.some((g) => g.includes('-'))).toBe(true);
    const siecle = all(latin9(file(school, 'Structures.xml')), /<GROUPE CODE_STRUCTURE="([^"]+)"/g).map(unescape);
    // STS-web's rule holds SIECLE codes only where STS-web holds the group renamed by EDT (cut, stripped).
    const stsForm = (g: string) => g.replace(/[^A-Za-z0-9 _-]/g, '').slice(0, 8).trim();
    const invalid = siecle.filter((g) => !valid.test(g) && stsGroups.includes(stsForm(g))).sort();
    expect(siecle.filter((g) => !valid.test(g) && !stsGroups.includes(stsForm(g)))).toEqual(['1SPE HGGSP GROUPE 2']);
    const truthInvalid = school.truth.anomalies.filter((a) => a.code === 'groups.invalid-name').map((a) => a.subjects[0]!.id).sort();
    expect(invalid).toEqual(truthInvalid);
    expect(invalid).toContain('1ARA1STMG');
    const unknown = siecle.filter((g) => !stsGroups.includes(g)).sort();
    expect(unknown).toEqual(school.truth.anomalies.filter((a) => a.code === 'groups.unknown-group').map((a) => a.subjects[0]!.id).sort());
    const cleanSts = all(latin9(file(clean, 'sts_emp_0310040A_2025.xml')), /<GROUPE CODE="([^"]+)"/g).map(unescape).sort();
    const cleanSiecle = all(latin9(file(clean, 'Structures.xml')), /<GROUPE CODE_STRUCTURE="([^"]+)"/g).map(unescape).sort();
    expect(cleanSiecle).toEqual(cleanSts);
    for (const g of cleanSiecle) expect(g).toMatch(valid);
  });

  it('STS division codes are SIECLE CODE_STRUCTURE values; PRONOTE IDs are 16 upper-case alphanumerics, unique', () => {
    const stsDivs = all(latin9(file(school, 'sts_emp_0310040A_2025.xml')), /<DIVISION CODE="([^"]+)"/g);
    const siecleDivs = all(latin9(file(school, 'Structures.xml')), /<DIVISION CODE_STRUCTURE="([^"]+)"/g);
    expect(stsDivs).toEqual(siecleDivs);
    expect(stsDivs).toEqual(expect.arrayContaining(['2NDE1', '1G1', '1STMG1', 'TG1', 'TSTMG1']));
    const ids = [...idsInFiles(school)['pronote:row']!];
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9]{16}$/);
    const total = Object.values(school.truth.people.counts.pronoteRows).reduce((a, b) => a + b, 0);
    expect(ids.length).toBe(total);
  });
});

describe('ground truth', () => {
  const check = (s: SampleSchool): void => {
    const ids = idsInFiles(s);
    const exists = (sub: TruthSubject): boolean => ids[`${sub.source}:${sub.kind}`]?.has(sub.id) ?? false;
    for (const a of s.truth.anomalies) for (const sub of a.subjects) expect(exists(sub), `${a.code} ${sub.source}:${sub.kind}:${sub.id}`).toBe(true);
    for (const t of s.truth.traps) for (const sub of t.subjects) expect(exists(sub), `${t.code} ${sub.source}:${sub.kind}:${sub.id}`).toBe(true);

    // One assignment per ENT row; its person is the row's join key; `current` is what the row carries.
    const ent = rows(cp1252(file(s, `ENT-Identifiants-${s.truth.school.uai}.A.csv`)), ';').slice(1);
    expect(Object.keys(s.truth.assignments).sort()).toEqual(ent.map((r) => r[6]!).sort());
    const uids = new Set(ent.map((r) => r[1]!));
    for (const r of ent) {
      const a = s.truth.assignments[r[6]!]!;
      expect(a.person.id).toBe(r[8]);
      expect(a.person.source).toBe(r[3] === 'Enseignant' || r[3] === 'Personnel' ? 'sts' : 'siecle');
      expect(a.current ?? '').toBe(r[13]);
      if (a.pronoteId) expect(ids['pronote:row']!.has(a.pronoteId)).toBe(true);
      if (a.pronoteId === null) expect(a.trap).toBeDefined();
      for (const u of r.slice(9, 13)) if (u) expect(uids.has(u), `guardian UID ${u}`).toBe(true);
    }
    // The cross-reference points at real records, rows and logins, and each PRONOTE row belongs to one person.
    const seen = new Set<string>();
    for (const p of s.truth.people.list) {
      for (const id of p.siecle) expect(ids[p.kind === 'pupil' ? 'siecle:pupil' : 'siecle:guardian']!.has(id)).toBe(true);
      if (p.sts) expect(ids['sts:staff']!.has(p.sts)).toBe(true);
      for (const l of p.ent) expect(s.truth.assignments[l]).toBeDefined();
      if (p.pronote) {
        expect(ids['pronote:row']!.has(p.pronote)).toBe(true);
        expect(seen.has(p.pronote)).toBe(false);
        seen.add(p.pronote);
      }
    }
    expect(seen.size).toBe(ids['pronote:row']!.size);
  };

  it('every subject, assignment and cross-reference of the default school exists in the files', () => check(school));

  it('the default school has every anomaly code, with realistic counts', () => {
    const counts = school.truth.people.counts.anomalies;
    for (const code of ANOMALY_CODES) expect(counts[code] ?? 0, code).toBeGreaterThan(0);
    expect(counts['siecle.pupil-incomplete']).toBeGreaterThan(20);
    expect(counts['ent.account-orphan']).toBeGreaterThan(20);
    const traps = school.truth.people.counts.traps;
    for (const t of ['twin', 'same-name-same-birthdate', 'homonym', 'same-name-guardian', 'near-name-different-person', 'name-variant', 'usage-name', 'homonym-indistinguishable', 'near-name-other-class', 'guardian-in-charge']) {
      expect(traps[t as keyof typeof traps] ?? 0, t).toBeGreaterThan(0);
    }
    const assignments = Object.values(school.truth.assignments);
    expect(assignments.some((a) => a.current?.startsWith('{SHA}'))).toBe(false);
    expect(cp1252(file(school, 'ENT-Identifiants-0310040A.A.csv'))).toContain(';{SHA}');
    // Both accounts of a duplicate guardian expect the one PRONOTE ID.
    const shared = school.truth.anomalies.filter((a) => a.code === 'pronote.shared-id');
    for (const a of shared) {
      const row = a.subjects.find((x) => x.source === 'pronote')!.id;
      const logins = a.subjects.filter((x) => x.source === 'ent').map((x) => x.id);
      expect(logins.length).toBe(2);
      for (const l of logins) expect(school.truth.assignments[l]!.pronoteId).toBe(row);
    }
    const ambiguous = assignments.filter((a) => a.trap === 'homonym-indistinguishable');
    expect(ambiguous.length).toBeGreaterThanOrEqual(2);
    for (const a of ambiguous) expect(a.pronoteId === null && typeof a.hidden === 'string').toBe(true);
  });

  it('plants « personnes en charge » with an ENT account and a PRONOTE row, hand-made accounts of two namesakes, cousins in two classes', () => {
    const xml = latin9(file(school, 'ResponsablesAvecAdresses.xml'));
    const ent = cp1252(file(school, 'ENT-Identifiants-0310040A.A.csv'));
    const inCharge = school.truth.people.list.filter((p) => p.kind === 'guardian' && p.status === 'in-charge');
    expect(inCharge.length).toBeGreaterThanOrEqual(5);
    for (const p of inCharge) {
      expect(p.ent.length, p.name).toBe(1);
      expect(p.pronote, p.name).not.toBeNull();
      expect(school.truth.assignments[p.ent[0]!]!.pronoteId).toBe(p.pronote);
      // Linked by NIVEAU_RESPONSABILITE 2 in SIECLE, and by its PERSONNE_ID as the ENT's join key.
      expect(xml).toMatch(new RegExp(`<PERSONNE_ID>${p.siecle[0]}</PERSONNE_ID>\\s*<NIVEAU_RESPONSABILITE>2</NIVEAU_RESPONSABILITE>`));
      expect(ent).toContain(`;${p.siecle[0]};`);
    }
    const manual = school.truth.anomalies.filter((a) => a.code === 'match.ambiguous' && a.note.includes('no join key'));
    expect(manual).toHaveLength(1);
    const logins = manual[0]!.subjects.filter((x) => x.source === 'ent').map((x) => x.id);
    expect(logins).toHaveLength(2);
    for (const l of logins) expect(school.truth.assignments[l]).toMatchObject({ pronoteId: null, trap: 'homonym-indistinguishable' });
    const cousins = Object.values(school.truth.assignments).filter((a) => a.trap === 'near-name-other-class');
    expect(cousins.length).toBeGreaterThanOrEqual(2);
    for (const a of cousins) expect(a.pronoteId).not.toBeNull();
  });

  it('a clean school has no anomaly, every account already carries its ID, and nobody is missing anywhere', () => {
    check(clean);
    expect(clean.truth.anomalies).toEqual([]);
    for (const a of Object.values(clean.truth.assignments)) {
      expect(a.current).toBe(a.pronoteId);
      if (a.pronoteId === null) expect(a.trap).toBe('personnel-no-idpn');
    }
    expect(clean.truth.people.counts.pupilsCurrent).toBe(600);
    expect(cp1252(file(clean, 'ENT-Identifiants-0310040A.A.csv'))).not.toContain('{SHA}');
    for (const p of clean.truth.people.list) {
      // « Personnes en charge » are present too: the sample's ENT makes their accounts, PRONOTE lists them.
      const present = p.status === 'current' || p.status === 'in-charge';
      if (!present) expect(p.ent).toEqual([]);
      else if (p.kind !== 'staff' || p.flags?.includes('teacher')) expect(p.pronote, p.name).not.toBeNull();
      if (present) expect(p.ent.length, p.name).toBe(1);
    }
    expect(clean.truth.people.list.filter((p) => p.status === 'in-charge').length).toBeGreaterThan(0);
  });

  it('a clean and a messy school share the same base people', () => {
    const messy = generateSchool({ pupils: 600 });
    const names = (s: SampleSchool): string[] => s.truth.people.list.filter((p) => p.kind === 'pupil').map((p) => p.siecle[0]!).slice(0, 200);
    expect(names(messy)).toEqual(names(clean));
  });
});

describe('generateAcademyBatch', () => {
  it('makes several schools with their own valid UAI and file names', () => {
    const batch = generateAcademyBatch({ seed: 3, schools: 2, pupilsPerSchool: 120 });
    expect(batch.map((s) => s.uai)).toEqual(['0310040A', '0310047H']);
    expect(batch[1]!.files.some((f) => f.name === 'ENT-Identifiants-0310047H.A.csv')).toBe(true);
    expect(batch[1]!.truth.school.name).toBe('Lycée polyvalent Marie-Curie');
    expect(latin9(batch[1]!.files[0]!.bytes)).toContain('<UAJ>0310047H</UAJ>');
  });
});

describe('sampleDatesFor', () => {
  it('dates the exports three days ago, within the running school year', () => {
    expect(sampleDatesFor('2026-11-23')).toEqual({ schoolYear: 2026, exportDate: '2026-11-20' });
    expect(sampleDatesFor('2027-03-02')).toEqual({ schoolYear: 2026, exportDate: '2027-02-27' });
  });
  it('falls back to the last exports of the previous year in summer and early September', () => {
    expect(sampleDatesFor('2026-08-01')).toEqual({ schoolYear: 2025, exportDate: '2026-07-04' });
    expect(sampleDatesFor('2026-09-05')).toEqual({ schoolYear: 2025, exportDate: '2026-07-04' });
    expect(sampleDatesFor('2026-09-12')).toEqual({ schoolYear: 2026, exportDate: '2026-09-09' });
  });
  it('always gives options the generator accepts', () => {
    for (const today of ['2026-01-01', '2026-07-07', '2026-09-11', '2026-12-31']) {
      expect(() => generateSchool({ pupils: 30, ...sampleDatesFor(today) })).not.toThrow();
    }
  });
});
