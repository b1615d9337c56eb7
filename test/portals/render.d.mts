export declare const PORTALS_DIR: string;
/** The HTML of a replica page by its URL path, or null when there is no such page. */
export declare function renderPage(urlPath: string): string | null;
/** A Kosmos user record, as in kosmos/users.json. */
export interface KosmosUser {
  nom: string;
  prenom: string;
  profil: string;
  login: string;
  naissance?: string;
  etat: string;
  etablissements: [label: string, uai: string, value: string][];
}
/** The full Kosmos record page of any account (layout included). */
export declare function renderKosmosRecord(user: KosmosUser): string;
