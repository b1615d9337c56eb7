import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { fastXmlTree } from '../src/util/xml-fast.js';
import { readProlog, saxesTree } from '../src/util/xml.js';
import { decodeXml } from '../src/util/encoding.js';
import { generateSchool } from '../src/sample/index.js';
import { Rng } from '../src/sample/prng.js';

const ARRAYS = new Set(['ELEVE', 'PERSONNE', 'A']);

/** saxes' verdict: its tree, or 'error'. */
function bySaxes(body: string): unknown {
  try {
    return saxesTree(body, ARRAYS, false);
  } catch {
    return 'error';
  }
}

/** A small document with every construct the fast path reads (and CR LF line ends). */
const BASE = [
  '<ROOT a="1" b=\'deux\' c="x>y">',
  '  <ELEVE ELEVE_ID="12"><NOM>D&apos;ARC &amp; fils</NOM><PRENOM>Zo&#233;&#x20AC;</PRENOM><VIDE/></ELEVE>',
  '  <!-- un commentaire - avec tiret -->',
  '  <ELEVE ELEVE_ID="13"><NOM><![CDATA[<b>N]]></NOM>\r\n<TXT>ligne 1\r\nligne 2\rligne 3</TXT></ELEVE>',
  '  <A>mixte <B>x</B> fin</A><A/>',
  '  <M> <B/>x<B/> <C>1</C> y </M>\t<CODE>12 </CODE>\n  <DATE_NAISS>01/02/2010</DATE_NAISS>',
  '</ROOT>\r\n',
].join('\r\n');

describe('fast XML path', () => {
  it('gives saxes’ tree on every XML file of a generated school, without handing any to saxes', () => {
    const school = generateSchool({ pupils: 120, seed: 7 });
    const files = school.files.flatMap((f) =>
      f.name.endsWith('.zip') ? Object.entries(unzipSync(f.bytes)).map(([name, bytes]) => ({ name, bytes })) : [f],
    );
    const xml = files.filter((f) => f.name.endsWith('.xml'));
    expect(xml.length).toBeGreaterThanOrEqual(6);
    for (const f of xml) {
      const { text } = decodeXml(f.bytes, f.name);
      const body = text.slice(readProlog(text, f.name).rootOffset);
      const fast = fastXmlTree(body, ARRAYS);
      expect(fast, f.name).toBeDefined();
      expect(fast).toEqual(saxesTree(body, ARRAYS, false));
    }
  });

  it('reads entities, CDATA, comments, quotes and CR LF as saxes does', () => {
    const fast = fastXmlTree(BASE, ARRAYS);
    expect(fast).toBeDefined();
    expect(fast).toEqual(saxesTree(BASE, ARRAYS, false));
    const root = fast!['ROOT'] as Record<string, unknown>;
    expect(root['@c']).toBe('x>y');
    const eleves = root['ELEVE'] as Record<string, unknown>[];
    expect(eleves[0]!['NOM']).toBe("D'ARC & fils");
    expect(eleves[0]!['PRENOM']).toBe('Zoé€');
    expect(eleves[1]!['TXT']).toBe('ligne 1\nligne 2\nligne 3');
    expect((root['M'] as Record<string, unknown>)['#text']).toBe('x  y');
  });

  it.each([
    ['mismatched tags', '<R><A>x</B></R>'],
    ['unclosed element', '<R><A>x</A>'],
    ['two roots', '<R/><S/>'],
    ['text after the root', '<R/>x'],
    ['undefined entity', '<R>&eacute;</R>'],
    ['bare ampersand', '<R>a & b</R>'],
    ['duplicate attribute', '<R a="1" a="2"/>'],
    ['attribute without quotes', '<R a=1/>'],
    ['no space between attributes', '<R a="1"b="2"/>'],
    ['control character', '<R>a\u0001b</R>'],
    [']]> in text', '<R>a]]>b</R>'],
    ['double hyphen in a comment', '<R><!-- a -- b --></R>'],
    ['character reference to a forbidden character', '<R>&#1;</R>'],
  ])('gives up on %s, and saxes refuses it', (_what, body) => {
    expect(fastXmlTree(body, ARRAYS)).toBeUndefined();
    expect(bySaxes(body)).toBe('error');
  });

  it('gives up on what it does not read (saxes reads it): an entity or a line break in an attribute, a non-ASCII name, a processing instruction, a surrogate', () => {
    for (const body of ['<R a="x &amp; y"/>', '<RÉ>x</RÉ>', '<R><?pi data?></R>', '<R a="x\ny"/>', '<R>Zoé 😀</R>', '<R>a\uD800b</R>']) {
      expect(fastXmlTree(body, ARRAYS), body).toBeUndefined();
      expect(bySaxes(body), body).not.toBe('error');
    }
  });

  it('never accepts a damaged document that saxes refuses, nor reads one differently (5,000 random damages)', () => {
    const rng = Rng.of('xml-fast-differential');
    const alphabet = ['<', '>', '/', '&', ';', '"', "'", '=', '!', '-', '[', ']', '\r', '\n', '\t', ' ', '\u0001', 'é', '#', 'x', 'A', '?'];
    let accepted = 0;
    let refusedBoth = 0;
    for (let i = 0; i < 5000; i++) {
      let doc = BASE;
      const edits = 1 + Math.floor(rng.next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rng.next() * doc.length);
        const ch = alphabet[Math.floor(rng.next() * alphabet.length)]!;
        const op = rng.next();
        doc = op < 0.4 ? doc.slice(0, at) + doc.slice(at + 1) : op < 0.7 ? doc.slice(0, at) + ch + doc.slice(at) : doc.slice(0, at) + ch + doc.slice(at + 1);
      }
      const fast = fastXmlTree(doc, ARRAYS);
      const sax = bySaxes(doc);
      if (fast === undefined) {
        if (sax === 'error') refusedBoth++;
        continue;
      }
      accepted++;
      expect(sax, JSON.stringify(doc)).toEqual(fast);
    }
    // Both outcomes are exercised: many damaged documents still parse, many do not.
    expect(accepted).toBeGreaterThan(500);
    expect(refusedBoth).toBeGreaterThan(500);
  });
});
