/** Dataset assembly: one school, one year; the same export given twice counts once. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../src/formats/read.js';
import { assembleDataset } from '../src/model/dataset.js';
import { displayFamily } from '../src/model/types.js';
import { latin9 } from './helpers/bytes.js';

const sts = (uai: string, year: number, who = 'MARTIN') => latin9(`<?xml version="1.0" encoding="ISO-8859-15"?>
<STS_EDT><PARAMETRES><UAJ CODE="${uai}"/><ANNEE_SCOLAIRE ANNEE="${year}"/></PARAMETRES>
<DONNEES><INDIVIDUS><INDIVIDU ID="1" TYPE="epp"><NOM_USAGE>${who}</NOM_USAGE><PRENOM>Léa</PRENOM><FONCTION>ENS</FONCTION></INDIVIDU></INDIVIDUS>
<STRUCTURE><DIVISIONS/><GROUPES/></STRUCTURE></DONNEES></STS_EDT>`);

describe('assembleDataset', () => {
  it('refuses a file of another school, naming both UAIs', () => {
    const files = [...readFile('a.xml', sts('0310040A', 2025)), ...readFile('b.xml', sts('0310040A', 2025, 'DURAND')), ...readFile('c.xml', sts('0750001B', 2025, 'PETIT'))];
    const ds = assembleDataset(files);
    expect(ds.school.uai).toBe('0310040A');
    const c = files.find((f) => f.path === 'c.xml')!;
    expect(c.error?.code).toBe('wrong-school');
    expect(c.error?.message).toContain('0750001B');
    expect(c.error?.message).toContain('0310040A');
    expect(ds.staff.map((s) => displayFamily(s.name))).not.toContain('PETIT');
  });

  it('refuses a file of another year (mixed), or of the year the admin did not choose (wrong)', () => {
    const files = [...readFile('a.xml', sts('0310040A', 2025)), ...readFile('b.xml', sts('0310040A', 2024, 'OLD'))];
    assembleDataset(files, { uai: '0310040A', schoolYear: 2025 });
    expect(files[1]!.error?.code).toBe('wrong-year');
    expect(files[1]!.error?.message).toContain('2024-2025');
    const mixed = [...readFile('a.xml', sts('0310040A', 2025)), ...readFile('a2.xml', sts('0310040A', 2025, 'B')), ...readFile('b.xml', sts('0310040A', 2024, 'OLD'))];
    assembleDataset(mixed);
    expect(mixed[2]!.error?.code).toBe('mixed-year');
  });

  it('reads the same export once when given as XML and as ZIP, and keeps one whole-school export per kind', () => {
    const xml = sts('0310040A', 2025);
    const files = [...readFile('sts.xml', xml), ...readFile('sts.zip', zipSync({ 'sts.xml': xml }))];
    const ds = assembleDataset(files);
    expect(ds.staff).toHaveLength(1);
    expect(files[1]!.warnings.map((w) => w.code)).toContain('file.duplicate');
    const two = [...readFile('old.xml', sts('0310040A', 2025, 'ANCIEN')), ...readFile('new.xml', sts('0310040A', 2025, 'NOUVEAU'))];
    const ds2 = assembleDataset(two);
    expect(ds2.staff.map((s) => displayFamily(s.name))).toEqual(['NOUVEAU']);
    expect(two[0]!.warnings.map((w) => w.code)).toContain('file.superseded');
  });
});
