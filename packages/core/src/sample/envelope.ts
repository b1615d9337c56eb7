// The encrypted Index Education envelope EXPORT_INDEX_EDUCATION (formats.md §4.1): random bytes where the
// ciphertext and key blob would be, a real SHA-256 of that "ciphertext". Nobody can (or should) read it.

import { addDays } from './dates.js';
import { ByteSink, base64, sha256 } from './encoding.js';
import type { World } from './model.js';
import { Rng } from './prng.js';

export function writeEnvelope(w: World): Uint8Array {
  const o = w.o;
  const rng = Rng.of(o.seed, 'envelope');
  const ciphertext = rng.bytes(16 * Math.min(262144, 64 + w.pupils.length));
  const key = rng.bytes(256); // RSA-2048 block: AES key + IV + MD5, encrypted for the partner
  const when = `${addDays(o.pronoteDate, -1)}T18:${String(rng.int(60)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}`;
  return new ByteSink('utf-8').write([
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<EXPORT_INDEX_EDUCATION>',
    '<VERSION>1.0</VERSION>',
    '<LOGICIEL>EDT</LOGICIEL>',
    `<CLES><PARTENAIRE NOM="KOSMOS">${base64(key)}</PARTENAIRE></CLES>`,
    `<CONTENU CompresseAvantChiffrement="true">${base64(ciphertext)}</CONTENU>`,
    `<VERIFICATION>${base64(sha256(ciphertext))}</VERIFICATION>`,
    `<DATEHEURE>${when}</DATEHEURE>`,
    `<UAI>${o.uai}</UAI>`,
    `<NOMETABLISSEMENT>LYCEE POLYVALENT ${o.schoolShort}</NOMETABLISSEMENT>`,
    `<CODEPOSTALVILLE>31000 ${o.city}</CODEPOSTALVILLE>`,
    '</EXPORT_INDEX_EDUCATION>',
    '',
  ].join('\r\n')).bytes();
}
