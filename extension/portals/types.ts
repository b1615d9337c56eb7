/**
 * The contract of a portal adapter: one folder per portal under portals/, holding ALL the
 * selectors and labels of that portal. Features (features/) never touch a portal's DOM directly:
 * they ask the adapter what the page is and where things are.
 */

export type PortalId = 'kosmos' | 'entng' | 'siecle' | 'sts';

/** What a page is, as far as Raccord cares. */
export type PageKind =
  | 'user-list' // ENT directory list (Kosmos results table, ENT NG lct-list)
  | 'user-record' // ENT user record (Kosmos fiche, ENT NG details)
  | 'exports' // a page with export downloads (Kosmos identifiers files, SIECLE/STS exports, ENT NG export)
  | 'pupil-list' // SIECLE « Fiches élèves - Recherche et MAJ »
  | 'groups'; // STS-web structure: divisions and groups

export interface PageInfo {
  portal: PortalId;
  kinds: PageKind[];
}

/** A download the admin can send to Raccord. */
export interface ExportLink {
  /** The element the admin would click (the « Envoyer à Raccord » button goes right after it). */
  anchor: HTMLElement;
  /** Absolute URL of the file, on the page's own origin. */
  url: string;
  fileName: string;
}

/** Who the record on screen is, as the page shows it. */
export interface RecordIdentity {
  family?: string;
  given?: string;
  login?: string;
  profile?: string;
  /** ISO date. */
  birthDate?: string;
  /** « NOM Prénom » as a header shows it, when the page has no separate fields. */
  displayName?: string;
}

/** One place on a record page where a PRONOTE ID lives (Kosmos: one row per school). */
export interface PronoteSlot {
  /** UAI of the school this slot belongs to; undefined for a field the admin designated. */
  uai?: string;
  schoolLabel: string;
  /** The value currently shown ('' when none). */
  current: string;
  /** The control that opens the editor (« Modifier la valeur »), if the input is not there yet. */
  editControl?: HTMLElement;
  /** Finds the input, once the editor is open. */
  input(): HTMLInputElement | HTMLTextAreaElement | null;
}

export interface RecordPage {
  identity: RecordIdentity;
  slots: PronoteSlot[];
}

/** A list row the highlight feature may mark, with the keys to look its flags up by. */
export interface MarkTarget {
  /** The cell (or element) the mark is appended to. */
  cell: HTMLElement;
  /**
   * SIECLE: the row's birth date (ISO), cheap to read; the name keys « NOM PRENOM|date » are
   * computed only when the plan flags someone born that day (long lists stay fast).
   */
  birthIso?: string;
  siecleKeys?: () => string[];
  login?: string;
  nameKey?: string;
  groupCode?: string;
}

export interface PortalAdapter {
  id: PortalId;
  /** French name, for the admin. */
  label: string;
  /** What this page is; null when it is not a page of this portal Raccord knows. */
  detect(doc: Document, url: URL): PageKind[] | null;
  exportLinks?(doc: Document, url: URL): ExportLink[];
  record?(doc: Document, url: URL): RecordPage | null;
  listRows?(doc: Document, url: URL): MarkTarget[];
}
