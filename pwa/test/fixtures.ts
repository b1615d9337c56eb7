import type { ParsedFile, PronoteProfile } from '@raccord/core';

let n = 0;

/** A small parsed file of the given kind (data trimmed to what the store looks at). */
export function parsedFile(kind: ParsedFile['kind'], extra: Partial<ParsedFile> = {}): ParsedFile {
  n += 1;
  return {
    path: `${kind}-${n}.xml`,
    kind,
    uai: '0310040A',
    schoolYear: 2025,
    exportDate: '2025-09-12',
    byteLength: 100,
    data: {},
    warnings: [],
    error: null,
    ...extra,
  };
}

export function pronoteList(profiles: PronoteProfile[], extra: Partial<ParsedFile> = {}): ParsedFile {
  return parsedFile('pronote-ids', {
    data: {
      pronoteRows: profiles.map((profile, i) => ({
        pronoteId: `PN${i}${profile}`,
        profile,
        name: { family: 'DUPONT', given: 'Léa' },
        children: [],
        provenance: { file: 'x', position: i + 2 },
      })),
    },
    ...extra,
  });
}

/** A fresh database name per test, so tests never share state. */
export function dbName(): string {
  return `raccord-test-${Math.random().toString(36).slice(2)}`;
}
