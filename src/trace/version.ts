/**
 * Dotted numeric file versions as KB articles and pastes print them (5.5.2654.3, 4.00.962, 6.00.8764).
 * Used by the matcher and bot for "are we fixed?" checks: comparison is numeric per
 * component, so 4.0.1381.133 > 4.0.1381.33 and 4.00.962 == 4.0.962.
 */

/** The numeric components of a version, or undefined when `s` is not a dotted numeric version. */
export function parseVersion(s: string): number[] | undefined {
  const text = s.trim().replace(/^v(?:ersion)?\s*/i, '');
  // Resource-style versions print components with commas (5,0,2195,1234).
  const parts = text.split(text.includes('.') ? '.' : ',');
  if (parts.length < 1 || parts.length > 6) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    const p = part.trim();
    if (!/^\d{1,9}$/.test(p)) return undefined;
    out.push(Number(p));
  }
  return out;
}

/**
 * -1 when a < b, 0 when equal, 1 when a > b. Missing trailing components count as 0
 * (5.5 == 5.5.0). Throws a TypeError when either side is not a version.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa) throw new TypeError(`not a version: ${a}`);
  if (!pb) throw new TypeError(`not a version: ${b}`);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The canonical dotted form (commas become dots, spaces dropped), or undefined when not a version. */
export function normalizeVersion(s: string): string | undefined {
  const parts = parseVersion(s);
  if (!parts || parts.length < 2 || parts.length > 5) return undefined;
  return s.trim().replace(/^v(?:ersion)?\s*/i, '').split(/\s*[.,]\s*/).join('.');
}
