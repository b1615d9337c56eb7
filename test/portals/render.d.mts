export declare const PORTALS_DIR: string;
/** The HTML of a replica page by its URL path (query included: `?variante=…`), or null when there is no such page. */
export declare function renderPage(urlPathAndQuery: string): string | null;
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
export type KosmosRecordVariantId = 'tableau' | 'spans' | 'dl' | 'aria' | 'cellule' | 'titre';
/** The markups of the Kosmos user record (same people, same labels). */
export declare const KOSMOS_RECORD_VARIANTS: readonly { id: KosmosRecordVariantId; template: string; label: string; loginInUrl?: boolean; slotsAsList?: boolean }[];
/** A record that says nobody's name, with its « Modifier la valeur » rows (?variante=anonyme). */
export declare const KOSMOS_ANONYMOUS_RECORD: { id: 'anonyme'; template: string; label: string };
/** The replica URL path of the record of users.json's `slug` in one markup variant. */
export declare function kosmosRecordPath(slug: string, variant?: KosmosRecordVariantId): string;
/** The list screens' markup variants, by page path. */
export declare const LIST_VARIANTS: Record<string, readonly { id: string; label: string }[]>;
/** The full Kosmos record page of any account (layout included), in one markup variant. */
export declare function renderKosmosRecord(user: KosmosUser, variant?: KosmosRecordVariantId): string;
export type EntngVariantId = 'ode' | 'tableau' | 'cellules' | 'aria';
/** The Open ENT NG console's markup variants (list and record; `?variante=…`). */
export declare const ENTNG_VARIANTS: readonly { id: EntngVariantId; label: string }[];
/** The replica URL path of an Open ENT NG console page in one markup variant (`ode`: no query). */
export declare function entngPath(pathname: string, variant?: EntngVariantId): string;
/** A page's HTML re-rendered in one of its list variants (LIST_VARIANTS); unchanged for an unknown one. */
export declare function applyListVariant(html: string, pagePath: string, variantId: string): string;
