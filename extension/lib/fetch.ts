/**
 * The only network access of the content scripts: the portal page's own origin, with the admin's
 * own session (cookies), for that portal's own data (an export file, the directory JSON). Any
 * other origin is refused here, before a request exists.
 */

export class CrossOriginRefused extends Error {
  constructor(url: string) {
    super(`Raccord ne contacte que l'origine de la page (refusé : ${url}).`);
  }
}

export async function fetchSameOrigin(url: string, pageOrigin: string, init: RequestInit = {}): Promise<Response> {
  const target = new URL(url, pageOrigin);
  if (target.origin !== pageOrigin) throw new CrossOriginRefused(target.href);
  const res = await fetch(target.href, { ...init, credentials: 'include', redirect: 'error', cache: 'no-store' });
  if (!res.ok) throw new Error(`Le portail a répondu ${res.status}.`);
  return res;
}

/** `attachment; filename="x.csv"` / `filename*=UTF-8''x.csv` → `x.csv`. */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name ? name.split(/[\\/]/).pop() : undefined;
}
