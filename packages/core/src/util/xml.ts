/**
 * XML plumbing shared by the SIECLE and STS parsers: root detection, refusal of DOCTYPE/entity
 * declarations (no entity expansion, no external fetch), truncation detection, and a tree of
 * plain objects (xml-tree.ts), every value a trimmed string.
 *
 * The common subset SIECLE and STS-web write is scanned by xml-fast.ts; everything else, and every
 * error, is saxes' — measured 4–6× faster than fast-xml-parser on a 4 Mo ElevesSansAdresses.xml
 * (≈120 ms against 400–780 ms), and it checks well-formedness, with line and column.
 */
import { SaxesParser } from 'saxes';
import { RaccordError } from './errors.js';
import { fastXmlTree } from './xml-fast.js';
import { XmlTreeBuilder, type XmlNode } from './xml-tree.js';

export type { XmlNode } from './xml-tree.js';

export interface XmlProlog {
  /** Root element name, e.g. `BEE_ELEVES`. */
  root: string;
  /** Offset of the root's `<` in the text. */
  rootOffset: number;
}

/** Reads past the declaration, comments and processing instructions to the root element. */
export function readProlog(text: string, file: string): XmlProlog {
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) {
      throw new RaccordError({
        code: 'empty-file',
        file,
        message: `Le fichier « ${file} » ne contient aucun élément XML.`,
        hint: "Vérifiez que le téléchargement s'est terminé, puis exportez le fichier à nouveau.",
      });
    }
    if (text[i] !== '<') {
      throw new RaccordError({
        code: 'not-xml',
        file,
        message: `Le fichier « ${file} » n'est pas un fichier XML (il commence par « ${text.slice(i, i + 20).replace(/\s+/g, ' ')} »).`,
        hint: "Choisissez l'export XML du portail (SIECLE : Exportations > En XML ; STS-web : Exports > Emploi du temps), ou un export CSV de l'ENT ou de PRONOTE.",
      });
    }
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!', i)) {
      throw new RaccordError({
        code: 'doctype-refused',
        file,
        position: `caractère ${i + 1}`,
        message: `Le fichier « ${file} » contient une déclaration DOCTYPE ou ENTITY. Raccord la refuse : elle peut servir à lire des fichiers du poste ou à saturer la mémoire, et aucun export SIECLE ou STS-web n'en contient.`,
        hint: "Utilisez le fichier tel que le portail l'a produit, sans le faire passer par un autre outil. S'il vient bien du portail, signalez-le.",
      });
    }
    const m = /^<([A-Za-z_][\w.-]*)/.exec(text.slice(i, i + 200));
    if (!m) break;
    return { root: m[1]!, rootOffset: i };
  }
  throw new RaccordError({
    code: 'malformed-xml',
    file,
    message: `Le début du fichier « ${file} » n'est pas du XML valide.`,
    hint: 'Exportez le fichier à nouveau depuis le portail.',
  });
}

/** A DOCTYPE or ENTITY declaration anywhere (an internal subset can hide after a comment). */
function refuseDeclarations(text: string, file: string): void {
  const at = text.search(/<!(DOCTYPE|ENTITY)/i);
  if (at >= 0) {
    throw new RaccordError({
      code: 'doctype-refused',
      file,
      position: `caractère ${at + 1}`,
      message: `Le fichier « ${file} » contient une déclaration DOCTYPE ou ENTITY. Raccord la refuse : elle peut servir à lire des fichiers du poste ou à saturer la mémoire, et aucun export SIECLE ou STS-web n'en contient.`,
      hint: "Utilisez le fichier tel que le portail l'a produit, sans le faire passer par un autre outil.",
    });
  }
}

/** The file must end with `</ROOT>` (possibly followed by blanks or comments), or it was cut. */
export function assertComplete(text: string, root: string, file: string): void {
  let end = text.length;
  for (;;) {
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    if (text.endsWith('-->', end)) {
      const start = text.lastIndexOf('<!--', end);
      if (start < 0) break;
      end = start;
      continue;
    }
    break;
  }
  const tail = text.slice(Math.max(0, end - root.length - 10), end);
  if (!new RegExp(`</${root}\\s*>$`).test(tail) && !/\/>$/.test(tail.trimEnd())) {
    const lines = text.slice(0, end).split('\n').length;
    throw new RaccordError({
      code: 'truncated',
      file,
      position: `ligne ${lines}`,
      message: `Le fichier « ${file} » est incomplet : il s'arrête à la ligne ${lines} sans la balise de fin </${root}>. Le téléchargement a probablement été interrompu.`,
      hint: "Téléchargez l'export à nouveau depuis le portail et vérifiez qu'il est complet avant de l'importer.",
    });
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** saxes' events → the plain-object tree; throws saxes' own error on malformed XML (exported for the fast path's differential test). */
export function saxesTree(body: string, arrays: ReadonlySet<string>, position: boolean): XmlNode {
  const tree = new XmlTreeBuilder(arrays);
  const parser = new SaxesParser({ position });
  parser.on('opentag', (tag) => tree.open(tag.attributes as Record<string, string>));
  parser.on('text', (t) => tree.text(t));
  parser.on('cdata', (t) => tree.text(t));
  parser.on('closetag', (tag) => tree.close(tag.name));
  parser.write(body).close();
  return tree.top;
}

/** saxes' English reasons, in the admin's words; any other reason is not shown (never English in the UI). */
const SAXES_REASONS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unclosed tag: (.+)$/, (m) => `la balise « ${m[1]} » n'est jamais fermée`],
  [/^unmatched closing tag: (.+?)\.?$/, (m) => `la balise fermante « ${m[1]} » ne correspond à aucune balise ouverte`],
  [/^unexpected close tag\.$/, () => 'une balise fermante ne correspond pas à la balise ouverte'],
  [/^disallowed character in (closing tag|tag name|attribute name)\.?$/, () => 'un caractère interdit dans le nom d\'une balise'],
  [/^disallowed character\.$/, () => 'un caractère interdit'],
  [/^text data outside of root node\.$/, () => 'du texte après la fin du document'],
  [/^documents may contain only one root\.$/, () => 'plusieurs éléments racines'],
  [/^unexpected end\.$/, () => 'le fichier s\'arrête au milieu'],
  [/^(unquoted attribute value|value must be quoted|attribute without value|value required)\.$/, () => 'une valeur d\'attribut sans guillemets'],
  [/^duplicate attribute: (.+?)\.$/, (m) => `l'attribut « ${m[1]} » est répété`],
  [/^malformed (character entity|name: .+)\.$/, () => 'un caractère spécial mal écrit (« & » doit s\'écrire « &amp; »)'],
  [/^malformed comment\.$/, () => 'un commentaire mal formé'],
];

export function frenchXmlReason(reason: string): string {
  for (const [re, say] of SAXES_REASONS) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return 'une structure que Raccord ne sait pas lire';
}

/** saxes' error, in French with the line in the whole file. */
function malformed(e: unknown, text: string, rootOffset: number, file: string): RaccordError {
  const detail = e instanceof Error ? e.message : String(e);
  // saxes says « line:column: what »; lines count from the root element we handed it.
  const m = /^(\d+):(\d+): (.*)$/.exec(detail);
  const line = m ? Number(m[1]) + lineAt(text, rootOffset) - 1 : undefined;
  return new RaccordError({
    code: 'malformed-xml',
    file,
    ...(line ? { position: `ligne ${line}` } : {}),
    message: `Le fichier « ${file} » contient du XML invalide${line ? ` à la ligne ${line}` : ''} (${frenchXmlReason(m ? m[3]! : detail)}).`,
    hint: "Le fichier a sans doute été modifié à la main ou endommagé. Exportez-le à nouveau depuis le portail, sans l'ouvrir avant de l'importer.",
  });
}

/**
 * Parses an XML document (already decoded) into plain objects: attributes under `@NAME`, children
 * by tag name, text under `#text` (or the element is its text when it has nothing else).
 * `arrayTags` are the element names that may repeat: they always come back as arrays, so
 * parsers never special-case one item.
 */
export function parseXml(text: string, file: string, arrayTags: readonly string[]): { root: string; doc: XmlNode } {
  const { root, rootOffset } = readProlog(text, file);
  refuseDeclarations(text, file);
  assertComplete(text, root, file);
  const arrays = new Set(arrayTags);
  const body = rootOffset ? text.slice(rootOffset) : text;
  let top = fastXmlTree(body, arrays);
  if (!top) {
    try {
      // saxes reads what the fast path does not, without line tracking (it counts lines on every
      // character); a file that fails is read again with it, only to say where.
      top = saxesTree(body, arrays, false);
    } catch (first) {
      try {
        saxesTree(body, arrays, true);
      } catch (e) {
        throw malformed(e, text, rootOffset, file);
      }
      throw first;
    }
  }
  const doc = top[root];
  return { root, doc: doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as XmlNode) : {} };
}

/** Always an array: undefined → [], one item → [item]. */
export function asArray<T = XmlNode>(v: unknown): T[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

/** A child element as a node ({} when absent or empty). */
export function child(node: XmlNode | undefined, name: string): XmlNode {
  const v = node?.[name];
  if (Array.isArray(v)) return (v[0] as XmlNode) ?? {};
  return v && typeof v === 'object' ? (v as XmlNode) : {};
}

/** Trimmed text of a child element or attribute (`@NAME`); undefined when absent or blank. */
export function text(node: XmlNode | undefined, name: string): string | undefined {
  let v = node?.[name];
  if (Array.isArray(v)) v = v[0];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') v = (v as XmlNode)['#text'];
  if (v === undefined || v === null) return undefined;
  // Defensive, as GEPI does: stray double quotes are never part of a SIECLE value.
  let s = String(v);
  if (s.indexOf('"') >= 0) s = s.replace(/"/g, '');
  s = s.trim();
  return s === '' ? undefined : s;
}
