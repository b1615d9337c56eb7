/**
 * A PRONOTE list with no profile column, told apart by its names once every file is read
 * (issue 11, item 1): real bytes (Windows-1252, TAB, as PRONOTE writes them) next to real
 * SIECLE and STS-web files.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import { declarePronoteList, decidePronoteLists } from '../../src/formats/pronote-list-kind.js';
import type { ParsedFile, PronoteProfile } from '../../src/model/types.js';
import { assembleDataset } from '../../src/model/dataset.js';
import { readInputs } from '../../src/cli/main.js';
import { reconcileDetailed } from '../../src/reconcile.js';
import { generateSchool } from '../../src/sample/index.js';
import { cp1252, latin9 } from '../helpers/bytes.js';
import { bee } from './siecle-helpers.js';
import { withUnlabelledTeachers } from '../helpers/unlabelled-list.js';

const FAMILIES = ['MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'ROBERT', 'RICHARD', 'PETIT', 'DURAND', 'LEROY', 'MOREAU', 'SIMON', 'LAURENT', 'LEFÈVRE', 'MICHEL', 'GARCIA', 'DAVID', 'BERTRAND', 'ROUX', 'VINCENT', 'FOURNIER'];
const GIVENS = ['Hélène', 'Paul', 'Chloé', 'Louis', 'Inès', 'Hugo', 'Léa', 'Jules', 'Emma', 'Noé'];

/** n distinct people, starting at `from` in the name grid (so that two sets do not overlap). */
function people(n: number, from: number): { family: string; given: string }[] {
  return Array.from({ length: n }, (_, i) => ({ family: FAMILIES[(from + i) % FAMILIES.length]!, given: GIVENS[Math.floor((from + i) / FAMILIES.length) % GIVENS.length]! }));
}

const TEACHERS = people(40, 0);
const STAFF = people(6, 40);
const PUPILS = people(60, 60);
const GUARDIANS = people(50, 120);

function stsFile(): ParsedFile {
  const individu = (p: { family: string; given: string }, i: number, fonction: string) =>
    `<INDIVIDU ID="${i}" TYPE="epp"><NOM_USAGE>${p.family}</NOM_USAGE><NOM_PATRONYMIQUE>${p.family}</NOM_PATRONYMIQUE><PRENOM>${p.given}</PRENOM><FONCTION>${fonction}</FONCTION></INDIVIDU>`;
  const xml = `<?xml version="1.0" encoding="ISO-8859-15"?>
<STS_EDT><PARAMETRES><UAJ CODE="0330001A"/><ANNEE_SCOLAIRE ANNEE="2025"/><HORODATAGE>12/09/2025 08:30:12</HORODATAGE></PARAMETRES>
<DONNEES><INDIVIDUS>${TEACHERS.map((p, i) => individu(p, 100 + i, 'ENS')).join('')}${STAFF.map((p, i) => individu(p, 500 + i, 'EDU')).join('')}</INDIVIDUS></DONNEES></STS_EDT>`;
  return readFile('sts_emp_0330001A_2025.xml', latin9(xml))[0]!;
}

function elevesFile(): ParsedFile {
  const eleves = PUPILS.map((p, i) => `<ELEVE ELEVE_ID="${1000 + i}"><ID_NATIONAL>0701234${String(i).padStart(3, '0')}A</ID_NATIONAL><NOM_DE_FAMILLE>${p.family}</NOM_DE_FAMILLE><PRENOM>${p.given}</PRENOM><DATE_NAISS>03/07/2012</DATE_NAISS></ELEVE>`).join('');
  const structs = PUPILS.map((_, i) => `<STRUCTURES_ELEVE ELEVE_ID="${1000 + i}"><STRUCTURE><CODE_STRUCTURE>5A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>`).join('');
  return readFile('ElevesSansAdresses.xml', latin9(bee('BEE_ELEVES', `<ELEVES>${eleves}</ELEVES><STRUCTURES>${structs}</STRUCTURES>`)))[0]!;
}

function responsablesFile(): ParsedFile {
  const personnes = GUARDIANS.map((p, i) => `<PERSONNE PERSONNE_ID="${5000 + i}"><NOM_DE_FAMILLE>${p.family}</NOM_DE_FAMILLE><PRENOM>${p.given}</PRENOM></PERSONNE>`).join('');
  const resp = GUARDIANS.map((_, i) => `<RESPONSABLE_ELEVE><ELEVE_ID>${1000 + (i % PUPILS.length)}</ELEVE_ID><PERSONNE_ID>${5000 + i}</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>`).join('');
  return readFile('ResponsablesAvecAdresses.xml', latin9(bee('BEE_RESPONSABLES', `<PERSONNES>${personnes}</PERSONNES><RESPONSABLES>${resp}</RESPONSABLES>`)))[0]!;
}

/** A PRONOTE list as PRONOTE exports it when only name and ID are displayed: Windows-1252, TAB, no profile column. */
function pronoteList(name: string, rows: { family: string; given: string }[]): ParsedFile {
  const text = `Nom\tPrénom\tIdentifiant PRONOTE\r\n${rows.map((p, i) => `${p.family}\t${p.given}\tPN${String(i).padStart(6, '0')}`).join('\r\n')}\r\n`;
  return readFile(name, cp1252(text))[0]!;
}

const references = () => [stsFile(), elevesFile(), responsablesFile()];
const list = (files: ParsedFile[], name: string) => files.find((f) => f.path === name)!;

describe('PRONOTE list kind from its content', () => {
  it('reads the reference files the test relies on', () => {
    const [sts, eleves, resp] = references();
    expect(sts!.error).toBeNull();
    expect(sts!.data.staff!.filter((s) => s.teacher)).toHaveLength(40);
    expect(eleves!.data.pupils).toHaveLength(60);
    expect(resp!.error).toBeNull();
    expect(resp!.data.guardians).toHaveLength(50);
  });

  it('tells an unlabelled teachers list from its names, with the figure, and the teachers get their rows', () => {
    // 38 teachers of STS-web and 2 names nobody knows: 38 of 40 = 95 %.
    const rows = [...TEACHERS.slice(0, 38), { family: 'INCONNU', given: 'Zoé' }, { family: 'ABSENT', given: 'Yves' }];
    const raw = pronoteList('liste.txt', rows);
    expect(raw.error?.code).toBe('pronote-profile-unknown');
    expect(raw.data.pronoteRows).toHaveLength(40);

    const files = decidePronoteLists([...references(), raw]);
    const f = list(files, 'liste.txt');
    expect(f.error).toBeNull();
    expect(f.pronoteList).toMatchObject({ decidedBy: 'content', profile: 'teacher', content: { rows: 40, found: { teacher: 38, staff: 0, pupil: 0, guardian: 0 } } });
    expect(f.data.pronoteRows!.every((r) => r.profile === 'teacher')).toBe(true);
    const w = f.warnings.find((x) => x.code === 'pronote-profile-from-content')!;
    expect(w.message).toContain('38 des 40 noms sont des professeurs de STS-web');
    expect(w.message).toContain('lue comme la liste des professeurs');
    // The input is left as it was (pure), and the dataset gets the 40 rows as teachers.
    expect(raw.error?.code).toBe('pronote-profile-unknown');
    const ds = assembleDataset(files);
    expect(ds.pronoteRows.filter((r) => r.profile === 'teacher')).toHaveLength(40);
  });

  it('tells each kind: pupils, guardians, other staff', () => {
    const cases: [string, { family: string; given: string }[], PronoteProfile][] = [
      ['a.txt', PUPILS.slice(0, 50), 'pupil'],
      ['b.txt', GUARDIANS.slice(0, 45), 'guardian'],
      ['c.txt', STAFF, 'staff'],
    ];
    const files = decidePronoteLists([...references(), ...cases.map(([n, rows]) => pronoteList(n, rows))]);
    for (const [name, , profile] of cases) expect(list(files, name).pronoteList).toMatchObject({ decidedBy: 'content', profile });
  });

  it('lets the content win over a file name that says otherwise, and says so', () => {
    const files = decidePronoteLists([...references(), pronoteList('pronote_eleves.txt', TEACHERS)]);
    const f = list(files, 'pronote_eleves.txt');
    expect(f.pronoteList).toMatchObject({ decidedBy: 'content', profile: 'teacher', fileNameProfile: 'pupil' });
    expect(f.warnings.map((w) => w.code)).toEqual(['pronote-profile-from-content']);
    expect(f.warnings[0]!.message).toMatch(/le nom du fichier évoque plutôt les élèves/);
  });

  it('falls back to the file name when the content is not clear, and keeps the figures', () => {
    // Half teachers, half pupils: no clear majority.
    const files = decidePronoteLists([...references(), pronoteList('pronote_professeurs.txt', [...TEACHERS.slice(0, 20), ...PUPILS.slice(0, 20)])]);
    const f = list(files, 'pronote_professeurs.txt');
    expect(f.error).toBeNull();
    expect(f.pronoteList).toMatchObject({ decidedBy: 'file-name', profile: 'teacher', content: { rows: 40, found: { teacher: 20, pupil: 20 } } });
    expect(f.warnings.map((w) => w.code)).toContain('pronote-profile-from-file-name');
  });

  it('keeps a list « à indiquer » when neither content nor file name decide, saying what the names showed', () => {
    const files = decidePronoteLists([...references(), pronoteList('liste.txt', [...TEACHERS.slice(0, 20), ...PUPILS.slice(0, 20)])]);
    const f = list(files, 'liste.txt');
    expect(f.error?.code).toBe('pronote-profile-unknown');
    expect(f.error?.message).toMatch(/20 des 40 noms sont des (professeurs de STS-web|élèves de SIECLE)/);
    expect(f.error?.message).toContain('Liste à indiquer');
  });

  it('does not decide below the majority, nor without the people to compare with', () => {
    // 30 of 40 teachers = 75 % < 80 %.
    const rows = [...TEACHERS.slice(0, 30), ...people(10, 180)];
    const sts = stsFile();
    const weak = decidePronoteLists([sts, pronoteList('liste.txt', rows)]);
    expect(list(weak, 'liste.txt').error?.code).toBe('pronote-profile-unknown');
    // No SIECLE/STS file given: nothing to compare with.
    const alone = decidePronoteLists([pronoteList('liste.txt', TEACHERS)]);
    expect(list(alone, 'liste.txt').error?.code).toBe('pronote-profile-unknown');
  });

  it('never overrides a profile column nor the admin\'s declaration', () => {
    const text = `Nom\tPrénom\tIdentifiant PRONOTE\r\n${TEACHERS.map((p, i) => `${p.family}\t${p.given}\tPN${i}`).join('\r\n')}\r\n`;
    const declared = readFile('liste.txt', cp1252(text), { tableHints: { pronoteProfile: 'staff' } })[0]!;
    const withColumn = readFile('profils.txt', cp1252(`Nom\tPrénom\tIdentifiant PRONOTE\tProfil\r\n${TEACHERS.map((p, i) => `${p.family}\t${p.given}\tPN${i}\tPersonnel`).join('\r\n')}\r\n`))[0]!;
    const files = decidePronoteLists([stsFile(), declared, withColumn]);
    expect(list(files, 'liste.txt').pronoteList).toEqual({ decidedBy: 'admin', profile: 'staff' });
    expect(list(files, 'liste.txt').data.pronoteRows![0]!.profile).toBe('staff');
    expect(list(files, 'profils.txt').pronoteList).toEqual({ decidedBy: 'column' });
    expect(list(files, 'profils.txt').data.pronoteRows![0]!.profile).toBe('staff');
  });

  it('takes the admin\'s declaration on a list already read (a zip entry), as before reading, never over a column', () => {
    const undecided = pronoteList('liste.txt', people(5, 180));
    expect(undecided.error?.code).toBe('pronote-profile-unknown');
    const declared = declarePronoteList(undecided, 'guardian');
    expect(declared.error).toBeNull();
    expect(declared.pronoteList).toEqual({ decidedBy: 'admin', profile: 'guardian' });
    expect(declared.data.pronoteRows!.map((r) => r.profile)).toEqual(Array(5).fill('guardian'));
    // The same bytes declared before reading give the same file.
    const before = readFile('liste.txt', cp1252(`Nom\tPrénom\tIdentifiant PRONOTE\r\n${people(5, 180).map((p, i) => `${p.family}\t${p.given}\tPN${String(i).padStart(6, '0')}`).join('\r\n')}\r\n`), { tableHints: { pronoteProfile: 'guardian' } })[0]!;
    expect(declared.pronoteList).toEqual(before.pronoteList);
    expect(declared.data.pronoteRows).toEqual(before.data.pronoteRows);
    // Over the file name: its warning goes; under a profile column: nothing changes.
    const byName = pronoteList('eleves.txt', people(5, 180));
    expect(byName.pronoteList?.decidedBy).toBe('file-name');
    const overName = declarePronoteList(byName, 'teacher');
    expect(overName.pronoteList).toEqual({ decidedBy: 'admin', profile: 'teacher', fileNameProfile: 'pupil' });
    expect(overName.warnings.map((w) => w.code)).not.toContain('pronote-profile-from-file-name');
    const withColumn = readFile('profils.txt', cp1252(`Nom\tPrénom\tIdentifiant PRONOTE\tProfil\r\nMARTIN\tPaul\tPN1\tÉlève\r\n`))[0]!;
    expect(declarePronoteList(withColumn, 'teacher')).toBe(withColumn);
  });

  it('words the figure for one name too', () => {
    const one = decidePronoteLists([stsFile(), pronoteList('liste.txt', TEACHERS.slice(0, 1))]);
    expect(list(one, 'liste.txt').warnings[0]!.message).toContain("son seul nom est celui d'un professeur de STS-web, lue comme la liste des professeurs");
    const weak = decidePronoteLists([stsFile(), pronoteList('liste.txt', [TEACHERS[0]!, ...people(3, 180)])]);
    expect(list(weak, 'liste.txt').error!.message).toContain("1 des 4 noms est celui d'un professeur de STS-web");
  });

  it('matches a compound given name on its first word', () => {
    const files = decidePronoteLists([stsFile(), pronoteList('liste.txt', TEACHERS.map((p) => ({ family: p.family, given: `${p.given} Marie` })))]);
    expect(list(files, 'liste.txt').pronoteList).toMatchObject({ decidedBy: 'content', profile: 'teacher', content: { found: { teacher: 40 } } });
  });
});

describe('an unlabelled teachers list in a whole school', () => {
  it('gives the teachers the same certain PRONOTE IDs as the list with its « Profil » column', () => {
    const school = generateSchool({ pupils: 300, seed: 5 });
    const certainTeachers = (files: { name: string; bytes: Uint8Array }[]) => {
      const ds = assembleDataset(readInputs(files.map((f) => ({ path: f.name, bytes: f.bytes })), {}));
      const { result } = reconcileDetailed(ds, { today: school.truth.school.exportDate });
      return result.assignments.filter((a) => a.decision === 'certain' && a.person?.kind === 'staff').map((a) => `${a.entLogin}=${a.pronoteId}`).sort();
    };
    const before = certainTeachers(school.files);
    const after = certainTeachers(withUnlabelledTeachers(school.files));
    expect(before.length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });
});
