/** Dates: the model keeps ISO `YYYY-MM-DD`; sources write `dd/mm/yyyy` (SIECLE, PRONOTE) or ISO (STS). */

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Accepts `dd/mm/yyyy` (also `-` or `.` separators), `yyyy-mm-dd`, `ddmmyyyy`, with an optional
 * time part. Returns ISO `YYYY-MM-DD`, or undefined when empty or not a real date.
 */
export function toIsoDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  return undefined;
}

/** `dd/mm/yyyy HH:MM:SS` (SIECLE HORODATAGE) → `YYYY-MM-DDTHH:MM:SS` (local Paris time, no zone). */
export function toIsoDateTime(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(raw.trim());
  if (m) {
    const date = toIsoDate(`${m[1]}/${m[2]}/${m[3]}`);
    if (!date) return undefined;
    return `${date}T${m[4]!.padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`;
  }
  const isoM = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)/.exec(raw.trim());
  if (isoM) return `${isoM[1]}T${isoM[2]!.length === 5 ? `${isoM[2]}:00` : isoM[2]}`;
  return toIsoDate(raw);
}

/** `2025-09-12` → `12/09/2025`, for French display. */
export function frDate(isoDate: string | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}
