// Name normalisation shared by the generator and its truth.

const MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Memoises a string function for short inputs (names repeat a lot; String.normalize is slow). */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    if (s.length > 48) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size > 50_000) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

/** Removes diacritics but keeps case and ligatures (é → e, Œ stays). */
export const stripAccents = memo((s) => (NON_ASCII.test(s) ? s.normalize('NFD').replace(MARKS, '').normalize('NFC') : s));

/** Accent- and case-folded, ligatures expanded: "Cœur" → "COEUR". */
export const fold = memo((s) => stripAccents(s).replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE').toUpperCase());

/** Matching key: folded, only letters and digits ("de la Fontaine" → "DELAFONTAINE", "N'Diaye" → "NDIAYE"). */
export const normName = memo((s) => fold(s).replace(/[^A-Z0-9]/g, ''));

/** Login part: lower-case ASCII letters and hyphens ("Jean-Baptiste" → "jean-baptiste", "de la Fontaine" → "delafontaine"). */
export const slug = memo((s) => fold(s).toLowerCase().replace(/[^a-z-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, ''));

export function hasAccent(s: string): boolean {
  return stripAccents(s) !== s;
}

/** STS-web rule for group names: at most 8 characters, only letters, digits, space, '-' and '_'. */
export function isValidGroupName(code: string): boolean {
  return code.length > 0 && code.length <= 8 && /^[A-Za-z0-9 _-]+$/.test(code);
}

/** The name EDT gives STS-web for a group: characters STS refuses stripped, cut to 8. */
export function stsGroupCode(code: string): string {
  return code.replace(/[^A-Za-z0-9 _-]/g, '').slice(0, 8).trim();
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** `<NAME>value</NAME>`, or '' when the value is empty (optional SIECLE/STS elements are left out). */
export function el(name: string, value: string): string {
  return value === '' ? '' : `<${name}>${xmlEscape(value)}</${name}>`;
}
