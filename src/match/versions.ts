/**
 * "Is the fix installed?": the file versions a person reports, compared numerically with
 * the versions the candidate's fix installs, and with the article's rollback floor.
 */
import { compareVersions, parseVersion } from '../trace/version.js';
import type { Clue, Signature, VersionCheck } from '../model.js';

function baseName(name: string): string {
  const slash = Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/'));
  return name.slice(slash + 1).toLowerCase();
}

function sameFile(a: string, b: string): boolean {
  const x = baseName(a);
  const y = baseName(b);
  if (x === y) return true;
  // "store" and "store.exe" name the same file.
  const stem = (s: string): string => s.replace(/\.[a-z0-9]{1,4}$/, '');
  return stem(x) === stem(y);
}

/** Same product line: the first two components agree (5.5.x vs 5.5.y). */
function sameFamily(a: string, b: string): boolean {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  return pa !== undefined && pb !== undefined && pa[0] === pb[0] && pa[1] === pb[1];
}

function rollbackFloor(sig: Signature, file: string): string | undefined {
  let floor: string | undefined;
  for (const r of sig.rollback) {
    if (!r.minVersion || (r.file !== undefined && !sameFile(r.file, file))) continue;
    if (floor === undefined || compareVersions(r.minVersion, floor) > 0) floor = r.minVersion;
  }
  return floor;
}

/**
 * One check per reported version and fixed file: a version reported with a file name is
 * compared with that file's row; one reported without a name ("we're on 5.5.2650.21")
 * with the files whose version is of the same family.
 */
export function checkVersions(sig: Signature, clues: Clue[]): VersionCheck[] {
  const fixed = new Map<string, { file: string; version: string }>();
  for (const row of sig.files) {
    if (!row.version) continue;
    const name = baseName(row.name);
    const seen = fixed.get(name);
    if (!seen || compareVersions(row.version, seen.version) > 0) fixed.set(name, { file: row.name, version: row.version });
  }
  const checks: VersionCheck[] = [];
  for (const clue of clues) {
    if (clue.kind !== 'file-version') continue;
    for (const { file, version } of fixed.values()) {
      const applies = clue.file !== undefined ? sameFile(clue.file, file) : sameFamily(clue.version, version);
      if (!applies) continue;
      const floor = rollbackFloor(sig, file);
      checks.push({
        file,
        reported: clue.version,
        fixed: version,
        installed: compareVersions(clue.version, version) >= 0,
        ...(floor !== undefined ? { rollbackFloor: floor, rollbackAllowed: compareVersions(clue.version, floor) >= 0 } : {}),
      });
    }
  }
  return checks;
}
