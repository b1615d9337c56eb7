/**
 * The bridge between the app (PWA) and the extension. Versioned, origin-checked, pure data.
 *
 * Transport: the extension's content script runs on the app's own origin (configured by the
 * admin, default http://localhost:4173) and relays `window.postMessage` ↔ extension runtime
 * messages. Both sides accept a message only when `event.source === window` and
 * `event.origin` is the app origin; the extension's background also checks the sender's
 * origin. Nothing is sent to any other origin.
 *
 *   app → extension : hello, publish-plan (the assignment plan, flags, people index), forget
 *   extension → app : hello, captured-files (exports captured on the portals), ack
 *
 * Handshake (loop-free): the extension's relay listens from document_start and says `hello` when
 * it starts; the app says `hello` when it starts listening, and answers an extension `hello` that
 * is not itself a reply (`reply` absent) with its own `hello`. The extension answers every app
 * `hello` with `hello` + `reply: true`, then posts the captured files waiting for the app.
 * Captured files are delivered at least once: the app acknowledges them with `files-received`
 * (names), the extension then forgets them (else they are wiped after an hour); the app may
 * de-duplicate by `name` + `capturedAt`.
 * The extension acknowledges `publish-plan`, `forget` and `files-received` with `ack`.
 */

export const BRIDGE_VERSION = 1;
export const APP_SOURCE = 'raccord-app';
export const EXTENSION_SOURCE = 'raccord-extension';
export const DEFAULT_APP_ORIGIN = 'http://localhost:4173';

/** One person the extension can search, copy and autofill for. */
export interface BridgePerson {
  /** refKey of the SIECLE/STS person, or `ent:account:<login>` when the account matched nobody. */
  key: string;
  profile: 'pupil' | 'guardian' | 'teacher' | 'staff' | 'other';
  family: string;
  given: string;
  birthDate?: string;
  division?: string;
  entLogins: string[];
  /** The expected PRONOTE ID: set only for certain or admin-confirmed links. */
  pronoteId?: string;
  decision?: 'certain' | 'probable' | 'ambiguous';
  confirmedByAdmin?: boolean;
  /** What the ENT currently carries, when known. */
  currentPronoteId?: string;
  evidence: string[];
  /** For ambiguous people: the candidates, never filled automatically. */
  candidates?: { pronoteId: string; label: string }[];
  /**
   * The same key on every record of one person entered twice in SIECLE (a duplicate guardian or
   * pupil: two PERSONNE_IDs or ELEVE_IDs, two ENT accounts, one PRONOTE row). Core's
   * `pronote.shared-id` says each of these accounts gets the same PRONOTE ID (seed 001, 5/5), so
   * one ID on several people of one group is the fix, not a plan error. Absent for everyone else.
   */
  sameAs?: string;
  /**
   * Why the plan has (or has not) an ID for this person, as the matcher said (`AssignmentStatus`):
   * tells « absent de PRONOTE » (`no-pronote-row`) from a probable link left to confirm (`linked`).
   * Absent from plans of older versions of the app.
   */
  pronoteStatus?: 'linked' | 'ambiguous' | 'chosen' | 'no-pronote-row' | 'no-pronote-list' | 'no-owner' | 'ambiguous-owner';
  /** The ID each ENT account of the person carries today, by login (a login missing here carries none). */
  currentByLogin?: Record<string, string>;
}

/** A mark the extension shows next to a record in a portal's list. */
export interface BridgeFlag {
  /** Finding code, e.g. `siecle.pupil-incomplete`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Short French reason shown on hover/focus. */
  reason: string;
}

export interface BridgePlan {
  version: typeof BRIDGE_VERSION;
  generatedAt: string;
  school: { uai: string; name?: string; schoolYear?: number };
  people: BridgePerson[];
  /** Flags keyed for each portal's lists. Names are `normalizeName(family + ' ' + given)`. */
  flags: {
    /** SIECLE lists: by normalised « NOM Prénom » + birth date ISO, e.g. `DUPONT LEA|2009-05-01`. */
    siecle: Record<string, BridgeFlag[]>;
    /** ENT directory: by login, and by normalised « NOM PRENOM » for lists that show no login. */
    entByLogin: Record<string, BridgeFlag[]>;
    entByName: Record<string, BridgeFlag[]>;
    /** STS-web: by group or division code. */
    stsGroups: Record<string, BridgeFlag[]>;
  };
}

export interface CapturedFile {
  name: string;
  /** The file's bytes. Structured clone carries ArrayBuffers through postMessage. */
  bytes: ArrayBuffer;
  capturedAt: string;
  /** Host of the portal it came from (for the admin's information). */
  portalHost: string;
}

export type AppToExtension =
  | { source: typeof APP_SOURCE; version: number; type: 'hello' }
  | { source: typeof APP_SOURCE; version: number; type: 'publish-plan'; plan: BridgePlan; keepDays: number }
  | { source: typeof APP_SOURCE; version: number; type: 'forget' }
  | { source: typeof APP_SOURCE; version: number; type: 'files-received'; names: string[] };

export type ExtensionToApp =
  | { source: typeof EXTENSION_SOURCE; version: number; type: 'hello'; extensionVersion: string; planDate?: string; reply?: true }
  | { source: typeof EXTENSION_SOURCE; version: number; type: 'captured-files'; files: CapturedFile[] }
  | { source: typeof EXTENSION_SOURCE; version: number; type: 'ack'; of: AppToExtension['type'] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A message from the app, of a version we speak. */
export function isAppMessage(v: unknown): v is AppToExtension {
  return isObject(v) && v.source === APP_SOURCE && v.version === BRIDGE_VERSION && typeof v.type === 'string';
}

/** A message from the extension, of a version we speak. */
export function isExtensionMessage(v: unknown): v is ExtensionToApp {
  return isObject(v) && v.source === EXTENSION_SOURCE && v.version === BRIDGE_VERSION && typeof v.type === 'string';
}

/** `http://localhost:4173/` → `http://localhost:4173`; invalid → undefined. */
export function normalizeOrigin(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}
