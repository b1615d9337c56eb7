import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/formats/read.js';
import type { ParsedFile } from '../../src/model/types.js';
import { latin9 } from '../helpers/bytes.js';

const PROLOGUE = '<?xml version="1.0" encoding="ISO-8859-15"?>\n';

const PARAMETRES = `<PARAMETRES>
  <UAJ CODE="0750001a"><ACADEMIE><CODE>01</CODE></ACADEMIE><DENOM_PRINC>COLLEGE</DENOM_PRINC><DENOM_COMPL>JULES FERRY</DENOM_COMPL></UAJ>
  <ANNEE_SCOLAIRE ANNEE="2025"><DATE_DEBUT>2025-09-01</DATE_DEBUT><DATE_FIN>2026-08-31</DATE_FIN></ANNEE_SCOLAIRE>
  <HORODATAGE>12/09/2025 08:30:12</HORODATAGE>
</PARAMETRES>`;

const NOMENCLATURES = `<NOMENCLATURES>
  <MATIERES>
    <MATIERE CODE="030201"><CODE_GESTION>AGL1  </CODE_GESTION><LIBELLE_COURT>ANGLAIS LV1</LIBELLE_COURT><LIBELLE_LONG>ANGLAIS LV1</LIBELLE_LONG><LIBELLE_EDITION>Anglais LV1</LIBELLE_EDITION></MATIERE>
    <MATIERE CODE="061300"><CODE_GESTION>MATHS</CODE_GESTION><LIBELLE_COURT>MATHEMATIQUES</LIBELLE_COURT><LIBELLE_EDITION>Mathématiques</LIBELLE_EDITION></MATIERE>
  </MATIERES>
  <MEFS>
    <MEF CODE="10310019110"><FORMATION>3EME</FORMATION><LIBELLE_LONG>3EME</LIBELLE_LONG></MEF>
  </MEFS>
</NOMENCLATURES>`;

interface Sts {
  prologue?: string;
  parametres?: string;
  individus?: string;
  suppleants?: string;
  divisions?: string;
  groupes?: string;
}

function sts(o: Sts = {}): string {
  return `${o.prologue ?? PROLOGUE}<STS_EDT>
${o.parametres ?? PARAMETRES}
${NOMENCLATURES}
<DONNEES>
  <INDIVIDUS>${o.individus ?? ''}</INDIVIDUS>
  ${o.suppleants ?? ''}
  <STRUCTURE>
    <DIVISIONS>${o.divisions ?? ''}</DIVISIONS>
    <GROUPES>${o.groupes ?? ''}</GROUPES>
  </STRUCTURE>
</DONNEES>
</STS_EDT>
`;
}

const TEACHER = `<INDIVIDU ID="4189" TYPE="epp">
  <SEXE>2</SEXE><CIVILITE>2</CIVILITE><NOM_USAGE>MARTIN</NOM_USAGE><NOM_PATRONYMIQUE>DURAND</NOM_PATRONYMIQUE>
  <PRENOM>Hélène</PRENOM><DATE_NAISSANCE>1980-04-23</DATE_NAISSANCE><GRADE>CERT CE</GRADE><FONCTION>ENS</FONCTION>
  <PROFS_PRINC><PROF_PRINC><CODE_STRUCTURE>3 B</CODE_STRUCTURE><DATE_FIN>2026-08-31</DATE_FIN></PROF_PRINC></PROFS_PRINC>
  <DISCIPLINES><DISCIPLINE CODE="L0422"><LIBELLE_COURT>ANGLAIS</LIBELLE_COURT><NB_HEURES>18</NB_HEURES></DISCIPLINE></DISCIPLINES>
</INDIVIDU>`;

const HEAD = `<INDIVIDU ID="12" TYPE="dir">
  <SEXE>1</SEXE><CIVILITE>1</CIVILITE><NOM_USAGE>LEFÈVRE</NOM_USAGE><NOM_PATRONYMIQUE>LEFÈVRE</NOM_PATRONYMIQUE>
  <PRENOM>Paul</PRENOM><DATE_NAISSANCE>1970-01-02</DATE_NAISSANCE><GRADE>PERDIR</GRADE><FONCTION>DIR</FONCTION>
</INDIVIDU>`;

const DIVISIONS = `<DIVISION CODE="3 B">
  <LIBELLE_LONG>3EME B</LIBELLE_LONG><EFFECTIF_PREVU>28</EFFECTIF_PREVU>
  <MEFS_APPARTENANCE><MEF_APPARTENANCE CODE="10310019110"><EFFECTIF_PREVU>28</EFFECTIF_PREVU></MEF_APPARTENANCE></MEFS_APPARTENANCE>
  <SERVICES>
    <SERVICE CODE_MATIERE="030201" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="4189" TYPE="epp"/></ENSEIGNANTS></SERVICE>
  </SERVICES>
</DIVISION>
<DIVISION CODE="0601"><LIBELLE_LONG/></DIVISION>`;

const GROUPES = `<GROUPE CODE="3 AVSPRO">
  <LIBELLE_LONG>3 AVENIR PRO</LIBELLE_LONG>
  <DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE CODE="3 B"/><DIVISION_APPARTENANCE CODE="0601"/></DIVISIONS_APPARTENANCE>
  <MEFS_APPARTENANCE><MEF_APPARTENANCE CODE="10310019110"/></MEFS_APPARTENANCE>
  <SERVICES><SERVICE CODE_MATIERE="061300" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="4189" TYPE="epp"/></ENSEIGNANTS></SERVICE></SERVICES>
</GROUPE>`;

function read(xml: string, path = 'sts_emp_0750001A_2025.xml'): ParsedFile {
  const files = readFile(path, latin9(xml));
  expect(files).toHaveLength(1);
  return files[0]!;
}

function codes(f: ParsedFile): string[] {
  return f.warnings.map((w) => w.code);
}

describe('sts_emp (STS_EDT)', () => {
  it('reads a nominal export: parameters, nomenclatures, people, divisions, groups', () => {
    const f = read(sts({ individus: TEACHER + HEAD, divisions: DIVISIONS, groupes: GROUPES }));
    expect(f.error).toBeNull();
    expect(f.kind).toBe('sts-emp');
    expect(f.encoding).toBe('ISO-8859-15');
    expect(f.uai).toBe('0750001A');
    expect(f.schoolYear).toBe(2025);
    expect(f.exportDate).toBe('2025-09-12T08:30:12');
    expect(f.warnings).toEqual([]);
    expect(f.data.school).toEqual({
      uai: '0750001A', name: 'COLLEGE JULES FERRY', schoolYearStart: '2025-09-01', schoolYearEnd: '2026-08-31',
    });

    expect(f.data.subjects).toEqual([
      { code: '030201', shortCode: 'AGL1', shortLabel: 'ANGLAIS LV1', longLabel: 'ANGLAIS LV1' },
      { code: '061300', shortCode: 'MATHS', shortLabel: 'MATHEMATIQUES', longLabel: 'Mathématiques' },
    ]);
    expect(f.data.mefs).toEqual([{ code: '10310019110', formation: '3EME', longLabel: '3EME' }]);

    const [teacher, head] = f.data.staff!;
    expect(teacher).toEqual({
      id: '4189',
      type: 'epp',
      name: { family: 'DURAND', usage: 'MARTIN', given: 'Hélène' },
      sex: 'F',
      civility: 'Mme',
      birthDate: '1980-04-23',
      grade: 'CERT CE',
      function: 'ENS',
      teacher: true,
      principalOf: [{ division: '3 B', until: '2026-08-31' }],
      disciplines: [{ code: 'L0422', label: 'ANGLAIS', hours: '18' }],
      provenance: { file: 'sts_emp_0750001A_2025.xml', position: 1 },
    });
    expect(head!.teacher).toBe(false);
    expect(head!.function).toBe('DIR');
    expect(head!.name).toEqual({ family: 'LEFÈVRE', given: 'Paul' });
    expect(head!.provenance.position).toBe(2);

    expect(f.data.stsDivisions).toEqual([
      { code: '3 B', label: '3EME B', mefs: ['10310019110'], services: [{ subjectCode: '030201', modality: 'CG', teacherIds: ['4189'] }] },
      { code: '0601', mefs: [], services: [] },
    ]);
    expect(f.data.stsGroups).toEqual([
      {
        code: '3 AVSPRO',
        label: '3 AVENIR PRO',
        divisions: ['3 B', '0601'],
        mefs: ['10310019110'],
        services: [{ subjectCode: '061300', modality: 'CG', teacherIds: ['4189'] }],
      },
    ]);
  });

  it('keeps a local person with empty elements and no FONCTION, counted as a teacher', () => {
    const local = `<INDIVIDU ID="3506" TYPE="local">
      <SEXE/><CIVILITE>3</CIVILITE><NOM_USAGE>NOËL</NOM_USAGE><NOM_PATRONYMIQUE/><PRENOM>Zoé</PRENOM>
    </INDIVIDU>`;
    const f = read(sts({ individus: local }));
    expect(f.error).toBeNull();
    expect(f.warnings).toEqual([]);
    expect(f.data.staff).toEqual([
      {
        id: '3506',
        type: 'local',
        name: { family: 'NOËL', given: 'Zoé' },
        sex: 'F',
        civility: 'Mlle',
        teacher: true,
        principalOf: [],
        disciplines: [],
        provenance: { file: 'sts_emp_0750001A_2025.xml', position: 1 },
      },
    ]);
  });

  it('counts a person without FONCTION referenced by a service as a teacher, and warns', () => {
    const onLeave = `<INDIVIDU ID="777" TYPE="epp"><SEXE>1</SEXE><NOM_USAGE>BERNARD</NOM_USAGE><NOM_PATRONYMIQUE>BERNARD</NOM_PATRONYMIQUE><PRENOM>Luc</PRENOM></INDIVIDU>
      <INDIVIDU ID="778" TYPE="epp"><SEXE>1</SEXE><NOM_USAGE>PETIT</NOM_USAGE><PRENOM>Marc</PRENOM></INDIVIDU>`;
    const divisions = `<DIVISION CODE="5 A"><SERVICES><SERVICE CODE_MATIERE="061300" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="777" TYPE="epp"/></ENSEIGNANTS></SERVICE></SERVICES></DIVISION>`;
    const f = read(sts({ individus: onLeave, divisions }));
    expect(f.error).toBeNull();
    const [luc, marc] = f.data.staff!;
    expect(luc!.teacher).toBe(true);
    expect(luc!.function).toBeUndefined();
    expect(marc!.teacher).toBe(false);
    expect(codes(f)).toEqual(['sts.teacher-without-function']);
    const w = f.warnings[0]!;
    expect(w.position).toBe(1);
    expect(w.message).toContain('BERNARD Luc');
    expect(w.message).toContain('ID 777');
    expect(w.message).toContain('en congé ? présent dans des services sans fonction');
    expect(w.message).toContain('« 5 A »');
  });

  it('keeps an unknown ENSEIGNANT ID in the service and warns once, naming where it is used', () => {
    const service = (code: string) =>
      `<SERVICE CODE_MATIERE="${code}" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="4189" TYPE="epp"/><ENSEIGNANT ID="99999" TYPE="epp"/></ENSEIGNANTS></SERVICE>`;
    const divisions = `<DIVISION CODE="4 C"><SERVICES>${service('030201')}${service('061300')}</SERVICES></DIVISION>`;
    const f = read(sts({ individus: TEACHER, divisions }));
    expect(f.error).toBeNull();
    expect(f.data.stsDivisions![0]!.services.map((s) => s.teacherIds)).toEqual([['4189', '99999'], ['4189', '99999']]);
    expect(codes(f)).toEqual(['sts.unknown-teacher']);
    expect(f.warnings[0]!.message).toContain('99999');
    expect(f.warnings[0]!.message).toContain('« 4 C »');
    expect(f.warnings[0]!.message).toContain('1 autre service');
  });

  it('warns on a duplicate INDIVIDU ID and keeps the first record', () => {
    const dup = `<INDIVIDU ID="4189" TYPE="epp"><NOM_USAGE>AUTRE</NOM_USAGE><PRENOM>Anne</PRENOM><FONCTION>EDU</FONCTION></INDIVIDU>`;
    const f = read(sts({ individus: TEACHER + dup }));
    expect(f.data.staff).toHaveLength(1);
    expect(f.data.staff![0]!.name.family).toBe('DURAND');
    expect(codes(f)).toEqual(['sts.duplicate-person']);
    expect(f.warnings[0]!.position).toBe(2);
    expect(f.warnings[0]!.message).toContain('AUTRE Anne');
    expect(f.warnings[0]!.message).toContain('MARTIN Hélène');
  });

  it('reads SUPPLEANTS as substitute staff', () => {
    const suppleants = `<SUPPLEANTS><SUPPLEANT ID="5001" TYPE="eppsup">
      <SEXE>1</SEXE><CIVILITE>1</CIVILITE><NOM_USAGE>ROUX</NOM_USAGE><NOM_PATRONYMIQUE>ROUX</NOM_PATRONYMIQUE><PRENOM>Jean</PRENOM>
      <DATE_NAISSANCE>1990-06-15</DATE_NAISSANCE><FONCTION>ENS</FONCTION><SERVICES_SUPPLEANTS/>
    </SUPPLEANT></SUPPLEANTS>`;
    const f = read(sts({ individus: TEACHER, suppleants }));
    expect(f.error).toBeNull();
    expect(f.warnings).toEqual([]);
    expect(f.data.staff).toHaveLength(2);
    const sub = f.data.staff![1]!;
    expect(sub).toMatchObject({ id: '5001', type: 'eppsup', substitute: true, teacher: true, birthDate: '1990-06-15' });
    expect(sub.provenance.position).toBe(1);
    expect(f.data.staff![0]!.substitute).toBeUndefined();
  });

  it('refuses a file made by a private timetable vendor (APPLICATION_SOURCE)', () => {
    const parametres = PARAMETRES.replace('</PARAMETRES>', '<APPLICATION_SOURCE>UnDoTable 9</APPLICATION_SOURCE></PARAMETRES>');
    const f = read(sts({ parametres, individus: TEACHER }));
    expect(f.kind).toBe('sts-emp');
    expect(f.error?.code).toBe('wrong-portal');
    expect(f.error?.message).toContain('UnDoTable 9');
    expect(f.error?.message).toContain('pas par STS-web');
    expect(f.error?.hint).toContain('Mise à jour > Exports > Emploi du temps');
    expect(f.data).toEqual({});
  });

  it('reads a file that starts with <STS_EDT> without an XML declaration', () => {
    const f = read(sts({ prologue: '', individus: TEACHER, divisions: DIVISIONS }));
    expect(f.error).toBeNull();
    expect(f.kind).toBe('sts-emp');
    expect(f.uai).toBe('0750001A');
    expect(f.data.staff![0]!.name.given).toBe('Hélène');
  });

  it('decodes ISO-8859-15 accents and œ from real bytes, and keeps division codes as strings', () => {
    const person = `<INDIVIDU ID="1" TYPE="epp"><SEXE>2</SEXE><NOM_USAGE>LŒUILLET</NOM_USAGE><NOM_PATRONYMIQUE>CŒURDEROY</NOM_PATRONYMIQUE><PRENOM>Maëlle-Bénédicte</PRENOM><FONCTION>ens</FONCTION></INDIVIDU>`;
    const divisions = `<DIVISION CODE="0601"><LIBELLE_LONG>6ÈME 1 – sœurs</LIBELLE_LONG></DIVISION><DIVISION CODE="3 B 2"/>`.replace('–', '-');
    const bytes = latin9(sts({ individus: person, divisions }));
    // œ is 0xBD in ISO-8859-15 (it does not exist in ISO-8859-1).
    expect(bytes.includes(0xbd)).toBe(true);
    const f = readFile('sts.xml', bytes)[0]!;
    expect(f.error).toBeNull();
    expect(f.data.staff![0]!.name).toEqual({ family: 'CŒURDEROY', usage: 'LŒUILLET', given: 'Maëlle-Bénédicte' });
    expect(f.data.staff![0]!.teacher).toBe(true);
    expect(f.data.stsDivisions!.map((d) => d.code)).toEqual(['0601', '3 B 2']);
    expect(f.data.stsDivisions![0]!.label).toBe('6ÈME 1 - sœurs');
  });

  it('reports a truncated file', () => {
    const full = sts({ individus: TEACHER + HEAD, divisions: DIVISIONS });
    const f = read(full.slice(0, full.indexOf('<STRUCTURE>') + 40));
    expect(f.error?.code).toBe('truncated');
    expect(f.error?.message).toContain('</STS_EDT>');
    expect(f.data).toEqual({});
  });

  it('warns when PARAMETRES lacks the UAI and the year', () => {
    const f = read(sts({ parametres: '<PARAMETRES><UAJ/><ANNEE_SCOLAIRE/></PARAMETRES>' }));
    expect(f.error).toBeNull();
    expect(f.uai).toBeUndefined();
    expect(f.schoolYear).toBeUndefined();
    expect(codes(f)).toEqual(['sts.missing-uai', 'sts.missing-year']);
  });

  it('reads a large export completely (speed is measured by npm run bench)', () => {
    const n = 3000;
    const people: string[] = [];
    const divisions: string[] = [];
    for (let i = 0; i < n; i++) {
      people.push(`<INDIVIDU ID="${i}" TYPE="epp"><SEXE>1</SEXE><NOM_USAGE>NOM${i}</NOM_USAGE><PRENOM>P</PRENOM><FONCTION>ENS</FONCTION></INDIVIDU>`);
    }
    for (let d = 0; d < 300; d++) {
      const services = Array.from({ length: 20 }, (_, s) =>
        `<SERVICE CODE_MATIERE="0${s}0100" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="${(d * 20 + s) % n}" TYPE="epp"/></ENSEIGNANTS></SERVICE>`).join('');
      divisions.push(`<DIVISION CODE="D ${d}"><SERVICES>${services}</SERVICES></DIVISION>`);
    }
    const xml = sts({ individus: people.join('\n'), divisions: divisions.join('\n') });
    const f = read(xml);
    expect(f.error).toBeNull();
    expect(f.data.staff).toHaveLength(n);
    expect(f.data.stsDivisions).toHaveLength(300);
    expect(f.warnings).toEqual([]);
  });
});
