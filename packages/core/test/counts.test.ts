import { describe, expect, it } from 'vitest';
import { countFile } from '../src/model/counts.js';
import { readFile } from '../src/formats/read.js';
import { generateSchool } from '../src/sample/index.js';

describe('countFile', () => {
  it('counts what a nomenclatures file holds (subjects, MEF), not « nothing »', () => {
    const school = generateSchool({ pupils: 40 });
    const nomenclature = school.files.find((f) => f.name === 'Nomenclature.xml')!;
    const [parsed] = readFile(nomenclature.name, nomenclature.bytes);
    expect(parsed!.kind).toBe('siecle-nomenclature');
    const c = countFile(parsed!);
    expect(c.subjects).toBe(parsed!.data.subjects!.length);
    expect(c.mefs).toBe(parsed!.data.mefs!.length);
    expect(c.subjects).toBeGreaterThan(0);
    expect(c.mefs).toBeGreaterThan(0);
  });
});
