/**
 * The plain-object tree both XML readers build (saxes, and the fast scanner of xml-fast.ts), so
 * that they cannot disagree on its shape: attributes under `@NAME`, children by tag name, text
 * under `#text`, or the element is its (trimmed) text when it has nothing else.
 */

/** An element: attributes under `@NAME`, children by tag name, text under `#text`. */
export type XmlNode = { [key: string]: unknown };

export class XmlTreeBuilder {
  readonly top: XmlNode = {};
  private readonly nodes: XmlNode[] = [this.top];
  private readonly texts: string[] = [''];
  /** Per open element: it has an attribute or a child (else it is its text). */
  private readonly filled: boolean[] = [true];

  /** `arrays`: the element names that always come back as arrays. */
  constructor(private readonly arrays: ReadonlySet<string>) {}

  open(attributes: Record<string, string> | undefined): void {
    const node: XmlNode = {};
    let filled = false;
    if (attributes) {
      for (const k in attributes) {
        node[`@${k}`] = attributes[k];
        filled = true;
      }
    }
    this.nodes.push(node);
    this.texts.push('');
    this.filled.push(filled);
  }

  text(t: string): void {
    this.texts[this.texts.length - 1] += t;
  }

  /** Text of the open element so far (the fast path keeps blanks only between texts). */
  get currentText(): string {
    return this.texts[this.texts.length - 1]!;
  }

  close(name: string): void {
    const node = this.nodes.pop()!;
    const body = this.texts.pop()!.trim();
    let value: unknown = body;
    if (this.filled.pop()) {
      value = node;
      if (body) node['#text'] = body;
    }
    this.attach(name, value);
  }

  /** `<name>text</name>`: the same as open, text, close. */
  leaf(name: string, text: string): void {
    this.attach(name, text.trim());
  }

  private attach(name: string, value: unknown): void {
    const at = this.nodes.length - 1;
    this.filled[at] = true;
    const parent = this.nodes[at]!;
    const prev = parent[name];
    if (prev === undefined) parent[name] = this.arrays.has(name) ? [value] : value;
    else if (Array.isArray(prev)) prev.push(value);
    else parent[name] = [prev, value];
  }
}
