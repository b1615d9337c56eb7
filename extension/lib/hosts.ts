/**
 * Portal hosts. Known hosts come from SACoche's host tables (anchors.md §1.1: the Open ENT NG
 * instances and the Kosmos CAS servers); hosts differ per academy and region, so the admin adds
 * theirs. An enabled host is an ORIGIN (scheme, host, port); the browser grants it as a match
 * pattern. Nothing runs on a host the admin did not enable.
 */
import type { PortalId } from '../portals/types';

export interface KnownHost {
  origin: string;
  label: string;
  family: PortalId | 'dev';
  /** Where the entry comes from, shown to the admin. */
  source: string;
}

const SACOCHE = 'table des serveurs CAS de SACoche';

export const KNOWN_HOSTS: readonly KnownHost[] = [
  { origin: 'https://ent.iledefrance.fr', label: 'monlycée.net (Île-de-France)', family: 'entng', source: SACOCHE },
  { origin: 'https://enthdf.fr', label: 'ENT Hauts-de-France', family: 'entng', source: SACOCHE },
  { origin: 'https://mon.lyceeconnecte.fr', label: 'Lycée connecté (Nouvelle-Aquitaine)', family: 'entng', source: SACOCHE },
  { origin: 'https://ent.l-educdenormandie.fr', label: "l'Educ de Normandie", family: 'entng', source: SACOCHE },
  { origin: 'https://ent.parisclassenumerique.fr', label: 'Paris Classe Numérique', family: 'entng', source: SACOCHE },
  { origin: 'https://ent77.seine-et-marne.fr', label: 'ENT 77 (Seine-et-Marne)', family: 'entng', source: SACOCHE },
  { origin: 'https://ent04.fr', label: 'ENT 04 (Alpes-de-Haute-Provence)', family: 'entng', source: SACOCHE },
  { origin: 'https://moncollege-ent.essonne.fr', label: 'Mon collège (Essonne)', family: 'entng', source: SACOCHE },
  { origin: 'https://cas.e-lyco.fr', label: 'e-lyco (Pays de la Loire)', family: 'kosmos', source: SACOCHE },
  { origin: 'https://cas.entmip.fr', label: 'ENT Midi-Pyrénées', family: 'kosmos', source: SACOCHE },
  { origin: 'https://cas.ecollege.haute-garonne.fr', label: 'eCollège 31 (Haute-Garonne)', family: 'kosmos', source: SACOCHE },
  { origin: 'https://cas.cybercolleges42.fr', label: 'Cybercollèges 42 (Loire)', family: 'kosmos', source: SACOCHE },
  { origin: 'http://localhost:4180', label: 'Portails de démonstration (répliques de test)', family: 'dev', source: 'développement' },
];

/**
 * `https://ent.example.fr/admin` → `https://ent.example.fr`. Only http(s) origins; http only for
 * localhost and 127.0.0.1 (a portal with personal data is never plain http elsewhere).
 */
export function parseHostOrigin(raw: string): string | undefined {
  let input = raw.trim();
  if (!input) return undefined;
  if (!/^[a-z]+:\/\//i.test(input)) input = `https://${input}`;
  try {
    const u = new URL(input);
    if (u.protocol === 'https:') return u.origin;
    if (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1')) return u.origin;
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * The match pattern the browser grants and injects for an origin. Chrome honours ports in match
 * patterns (checked: a pattern for :4190 does not inject on :4191); Firefox does not accept them,
 * so there the port is dropped and the content scripts check the exact origin themselves.
 */
export function matchPattern(origin: string, firefox: boolean): string {
  const u = new URL(origin);
  const host = firefox ? u.hostname : u.host;
  return `${u.protocol}//${host}/*`;
}
