/**
 * Typed, French errors. Every refusal names the file, the position or record, what was wrong
 * and what to do. The app and the CLI show `message` + `hint` as they are.
 */

export type RaccordErrorCode =
  | 'empty-file'
  | 'too-large'
  | 'not-xml'
  | 'truncated'
  | 'malformed-xml'
  | 'encoding-mismatch'
  | 'doctype-refused'
  | 'unknown-layout'
  | 'wrong-portal'
  | 'encrypted'
  | 'wrong-school'
  | 'wrong-year'
  | 'mixed-year'
  | 'zip-invalid'
  | 'zip-empty'
  | 'missing-column'
  /** A PRONOTE list whose profile (pupils, teachers, staff, guardians) the admin must name. */
  | 'pronote-profile-unknown';

export interface RaccordErrorInfo {
  code: RaccordErrorCode;
  /** What was wrong, in French, naming the file and the position or record. */
  message: string;
  /** What to do, in French. */
  hint: string;
  file?: string;
  position?: string;
}

export class RaccordError extends Error implements RaccordErrorInfo {
  readonly code: RaccordErrorCode;
  readonly hint: string;
  readonly file?: string;
  readonly position?: string;

  constructor(info: RaccordErrorInfo) {
    super(info.message);
    this.name = 'RaccordError';
    this.code = info.code;
    this.hint = info.hint;
    this.file = info.file;
    this.position = info.position;
  }

  toInfo(): RaccordErrorInfo {
    const info: RaccordErrorInfo = { code: this.code, message: this.message, hint: this.hint };
    if (this.file !== undefined) info.file = this.file;
    if (this.position !== undefined) info.position = this.position;
    return info;
  }
}

export function isRaccordError(e: unknown): e is RaccordError {
  return e instanceof RaccordError;
}

/** Turns anything thrown while reading a file into a French error info. */
export function toErrorInfo(e: unknown, file: string): RaccordErrorInfo {
  if (isRaccordError(e)) return e.toInfo();
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'malformed-xml',
    file,
    message: `Le fichier « ${file} » n'a pas pu être lu : ${detail}`,
    hint: "Vérifiez qu'il s'agit bien d'un export non modifié, puis exportez-le à nouveau depuis le portail d'origine.",
  };
}

/** Human-readable size in French (« 12,4 Mo »). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} o`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace('.', ',')} Ko`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}
