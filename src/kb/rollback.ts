/**
 * Warnings about going back (survey §5): rollback floors ("restore an earlier version of Store.exe ... only if it is
 * version 5.5.2652.68 or later"), one-way database upgrades, fixes that cannot be uninstalled, service packs to
 * reapply, older files put back. "Back up first" and setup mechanics (how to uninstall) are not warnings.
 * Consecutive warning sentences form one warning.
 */
import type { Rollback } from '../model.js';
import { splitSentences } from './text.js';

/** What cannot be removed must be software, not a message, a key or a counter (survey W4). */
const SOFTWARE = /service pack|hotfix|\bfix\b|update|upgrade|patch|\bSP\d|version|runtime|DirectX|LAN Manager|Internet Explorer/i;

const WARNING_PATTERNS: readonly RegExp[] = [
  // Going back to an older file: the floor ("only if it is version 5.5.2652.68 or later").
  /(restore|reinstall|revert to|roll ?back to|go back to|downgrade to|install) (an?|the) (earlier|older|previous|original) (version|drivers?|files?|dlls?|copy)|only if it is version|\brestor\w* .{0,60}(earlier|older) than version|cannot be restored to (an?|any|the) (earlier|older|previous) version/i,
  // An old binary onto a database the fix upgraded.
  // (A database or file format, not software: "software that will be automatically upgraded in the future" warns of nothing.)
  /\b(databases?|stores?|format)\b[^.]{0,80}automatically (upgraded|converted)|automatically (upgraded|converted) to (a |the )?new (format|version)|(database|databases) (is|are|will be) (upgraded|converted)|one-way (upgrade|conversion)/i,
  // Having to reapply a service pack or fix after adding components or reinstalling.
  // "If a service pack has been applied, you will need to reapply it after ...".
  /\b(service pack|hotfix|\bSP ?\d)\b[^.]{0,80}\b(need|have|must|necessary) to re-?(apply|install) (it|them)\b/i,
  // (Not "before reapplying a hotfix": an install order. Not "you must reapply those changes": settings, not software.)
  /(?<!\bbefore )\b(re-?apply|re-?install|re-?run)\w* (the |your |any |all )?(latest |same |appropriate )?([\w.]+ ){0,4}?(service packs?|SP ?\d|hotfix(es)?|fix(es)?|updates?)\b|\b(must|necessary to) (re-?install|re-?apply) (?!(th(ose|ese|is|at|em|e) )?(changes?|settings?|modifications?|steps?|customizations?)\b)/i,
  // Older files put back by other software or a repair.
  // (A file name has dots: "has overwritten the Oleaut32.dll file with an earlier version".)
  /(replac|overwr)\w* ([\w.]+ ){0,6}(with|by) (an? )?(older|earlier) |\breplac\w* (the )?[\w.]+ (file )?(installed|updated) by (the |a )?(service pack|hotfix|update|fix)\b[^.]{0,40}\bwith (the |an? )?(original|previous|older|earlier)\b|\b(older|earlier) (versions? of )?(the )?(files?|dlls?|dynamic-link librar\w*) .{0,80}?(replac|overwr|restor)|do not (repair|restore|reinstall|expand) .{0,60}(\.dll|\.exe|\.sys|\bfiles?\b|drivers?)/i,
  /installed more than once/i,
  // Told to take the older file when setup asks: "... is older than the file currently installed ..., install the older version".
  /\b(is|are) older than\b[^.]{0,100}\b(install|copy|use|keep) the (older|earlier) (version|file|copy)/i,
  // An older release installed over a newer one: "Do not install version 1 of X after you install version 2".
  /\bdo not (re-?)?install (an? )?(older|earlier|previous) versions?\b|\bdo not install version [\d.]+\b.{0,80}\bafter (you )?(install|upgrad)/i,
];

/** "cannot be uninstalled", "not designed to be removed", "not possible to revert". */
const NO_WAY_BACK = /(can ?not|can't|unable to|no way to|not possible to|impossible to|not designed to) (be )?(uninstall|remov|revert|roll ?back|downgrad|go back|return to)/i;

/** Cheap pre-check: every warning pattern contains one of these words. */
const CUES = /restore|earlier|older|previous|original|upgraded|converted|one-way|uninstall|remov|revert|roll ?back|downgrad|go back|return to|re-?apply|re-?install|re-?run|reinstall|necessary|replac|overwr|do not|more than once/i;

const FILE_NAME = /\b([A-Za-z][\w$-]{0,40}\.(exe|dll|sys|ocx|drv|cpl|edb|mdb|com|vxd|tlb))\b/i;
const FLOOR = /\b(\d+(?:\.\d+){1,4}) or (later|newer|higher)\b/i;
const EARLIER_THAN = /\b(?:earlier|older) than version (\d+(?:\.\d+){1,4})/i;

/** How to run setup or a hotfix ("Type ... at a command prompt to reinstall the hotfix") is mechanics, not a warning. */
const MECHANICS = /command prompt|\btype "|\bhotfix (\/|-)\w|\$NtUninstall/i;

/** Said not to be needed ("you do not need to re-apply any service packs"), or setup putting the newer file in place. */
const NOT_A_WARNING = /\b(do not|don't|does not|doesn't|no) need to re-?(apply|install)|not (necessary|required) to re-?(apply|install)|\bwith the newer (version|file)/i;

function isWarning(sentence: string): boolean {
  if (MECHANICS.test(sentence) || NOT_A_WARNING.test(sentence)) return false;
  // Restoring a previous file is a warning only when said as a limit ("only if", "do not", "or later"), not as an option.
  const [older, ...others] = WARNING_PATTERNS;
  if (older?.test(sentence) && /\b(not|only|cannot|can't|never|fails?|unable|must|later|newer|warning|caution|important)\b|\b(may|can|will|might) cause (problems|errors)\b/i.test(sentence)) return true;
  if (others.some((p) => p.test(sentence))) return true;
  const blocked = NO_WAY_BACK.exec(sentence);
  // The thing that cannot be removed is named just before the verb: a pack, a fix, a runtime, not a message.
  return blocked !== null && SOFTWARE.test(sentence.slice(Math.max(0, blocked.index - 40), blocked.index));
}

function warningFrom(sentences: readonly string[]): Rollback {
  const text = sentences.join(' ');
  const floorSentence = sentences.find((s) => WARNING_PATTERNS[0]?.test(s)) ?? text;
  const file = FILE_NAME.exec(floorSentence)?.[1] ?? FILE_NAME.exec(text)?.[1];
  const minVersion = FLOOR.exec(floorSentence)?.[1] ?? EARLIER_THAN.exec(text)?.[1];
  return { text, ...(file ? { file } : {}), ...(minVersion ? { minVersion } : {}) };
}

/** Rollback warnings in one section's collapsed prose, in reading order. */
export function findRollbackWarnings(prose: string): Rollback[] {
  if (!CUES.test(prose)) return [];
  const warnings: Rollback[] = [];
  let run: string[] = [];
  for (const sentence of splitSentences(prose)) {
    if (isWarning(sentence)) {
      run.push(sentence);
      continue;
    }
    if (run.length > 0) warnings.push(warningFrom(run));
    run = [];
  }
  if (run.length > 0) warnings.push(warningFrom(run));
  return warnings;
}
