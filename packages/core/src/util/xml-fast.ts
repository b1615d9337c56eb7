/**
 * A fast path for the XML that SIECLE and STS-web actually write: ASCII element and attribute
 * names, quoted attribute values without entities or line breaks, text with the five predefined
 * entities and character references, CDATA and comments. Measured on a cold 4.4 Mo
 * ElevesSansAdresses.xml: 30–38 ms, against 86–136 ms for saxes, which reads one character at a
 * time in JavaScript where this lets the regular-expression engine scan.
 *
 * It is strict and never the judge: anything outside that subset, or not well-formed, makes it
 * give up (undefined), and saxes reads the file and says what is wrong. A differential test holds
 * it to saxes' trees on valid files and on thousands of damaged ones.
 */
import { XmlTreeBuilder, type XmlNode } from './xml-tree.js';

const S = '[ \\t\\r\\n]';
const NAME = '[A-Za-z_][A-Za-z0-9_.\\-]*';
/**
 * Any character but `extra` and those XML 1.0 forbids (controls, U+FFFE/FFFF) — and surrogates:
 * a text with characters beyond U+FFFF is left to saxes, which checks their pairing.
 */
const charBut = (extra: string) => `[^${extra}\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF]`;

/**
 * One token where the previous one ended; the blanks before a tag are captured apart (they are
 * text, kept only between two pieces of text: everything is trimmed in the end).
 * 1 blanks, 2 name, 3 text: a whole `<NAME>text</NAME>` (most SIECLE elements);
 * 4 blanks, 5 name, 6 attributes, 7 `/` of an empty element: a start tag;
 * 8 blanks, 9 name: an end tag; 10 text; 11 entity; 12 CDATA content; a comment captures nothing.
 * A forbidden character matches no token: the fast path gives up there.
 */
const TOKEN = new RegExp(
  `(${S}*)<(${NAME})>(${charBut('<&')}*)</\\2>` +
    `|(${S}*)<(${NAME})((?:${S}+${NAME}${S}*=${S}*(?:"${charBut('"<&\\t\\r\\n')}*"|'${charBut("'<&\\t\\r\\n")}*'))*)${S}*(/?)>` +
    `|(${S}*)</(${NAME})${S}*>` +
    `|(${charBut('<&')}+)` +
    '|&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);' +
    `|<!\\[CDATA\\[(${charBut('')}*?)\\]\\]>` +
    `|<!--(?:${charBut('-')}|-(?!-))*-->`,
  'y',
);

const ATTRIBUTE = new RegExp(`(${NAME})${S}*=${S}*(?:"([^"]*)"|'([^']*)')`, 'g');

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function entity(ref: string): string | undefined {
  if (ref[0] !== '#') return PREDEFINED[ref];
  const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

/** Line ends as XML reads them: CR LF and a lone CR are LF. */
function lineEnds(t: string): string {
  return t.indexOf('\r') >= 0 ? t.replace(/\r\n?/g, '\n') : t;
}

function blank(t: string): boolean {
  return /^[ \t\r\n]*$/.test(t);
}

/** null when an attribute is given twice (saxes says so). */
function attributes(s: string): Record<string, string> | null {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(s); m; m = ATTRIBUTE.exec(s)) {
    const name = m[1]!;
    if (name in out) return null;
    out[name] = m[2] ?? m[3] ?? '';
  }
  return out;
}

/** The tree of `body` (from the root element on), or undefined when saxes must read it. */
export function fastXmlTree(body: string, arrays: ReadonlySet<string>): XmlNode | undefined {
  const tree = new XmlTreeBuilder(arrays);
  const open: string[] = [];
  let rootClosed = false;
  TOKEN.lastIndex = 0;
  const blanks = (ws: string | undefined) => {
    if (ws && tree.currentText !== '') tree.text(lineEnds(ws));
  };
  while (TOKEN.lastIndex < body.length) {
    const m = TOKEN.exec(body);
    if (!m) return undefined;
    // Indexing, not destructuring: cold code pays the iterator protocol on every token.
    if (m[2] !== undefined) {
      if (!open.length) return undefined;
      const text = m[3]!;
      if (text.indexOf(']]>') >= 0) return undefined;
      blanks(m[1]);
      tree.leaf(m[2], lineEnds(text));
    } else if (m[5] !== undefined) {
      if (rootClosed) return undefined;
      const list = m[6] ? attributes(m[6]) : undefined;
      if (list === null) return undefined;
      blanks(m[4]);
      tree.open(list);
      if (m[7]) {
        tree.close(m[5]);
        if (!open.length) rootClosed = true;
      } else open.push(m[5]);
    } else if (m[9] !== undefined) {
      if (open.pop() !== m[9]) return undefined;
      blanks(m[8]);
      tree.close(m[9]);
      if (!open.length) rootClosed = true;
    } else if (m[10] !== undefined) {
      const text = m[10];
      if (!open.length) {
        if (!blank(text)) return undefined;
      } else {
        if (text.indexOf(']]>') >= 0) return undefined;
        tree.text(lineEnds(text));
      }
    } else if (m[11] !== undefined) {
      const c = open.length ? entity(m[11]) : undefined;
      if (c === undefined) return undefined;
      tree.text(c);
    } else if (m[12] !== undefined) {
      if (!open.length) return undefined;
      tree.text(lineEnds(m[12]));
    }
  }
  return rootClosed && !open.length ? tree.top : undefined;
}
