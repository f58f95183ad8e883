/**
 * Warnings about going back (survey §5): rollback floors ("restore an earlier version of Store.exe ... only if it is
 * version 5.5.2652.68 or later"), one-way database upgrades, fixes that cannot be uninstalled, service packs to
 * reapply, older files put back. "Back up first" and setup mechanics (how to uninstall) are not warnings.
 * Consecutive warning sentences form one warning.
 */
import type { Rollback } from '../model.js';
import { splitSentences } from './text.js';

/** What cannot be removed must be software, not a message, a key or a counter (survey W4). */
const SOFTWARE = /service pack|binar(y|ies)|hotfix|\bfix\b|update|upgrade|patch|\bSP\d|version|runtime|DirectX|LAN Manager|Internet Explorer/i;

const WARNING_PATTERNS: readonly RegExp[] = [
  // Going back to an older file: the floor ("only if it is version 5.5.2652.68 or later").
  /\b(not be able to|cannot|can ?not|can't|unable to) (use [^.]{0,50}? to )?(restore|return to|go back to) your (earlier|older|previous)\b|(restore|reinstall|revert to|roll ?back to|go back to|downgrade to|install) (an?|the) (earlier|older|previous|original) (version|drivers?|files?|dlls?|copy)|only if it is version|\brestor\w* .{0,60}(earlier|older) than version|cannot be restored to (an?|any|the) (earlier|older|previous) version/i,
  // An old binary onto a database the fix upgraded.
  // (A database or file format, not software: "software that will be automatically upgraded in the future" warns of nothing.
  // Nor a conversion told as a step: "After the DHCP database is converted successfully, the service restarts".)
  /\b(databases?|stores?|format)\b[^.]{0,80}automatically (upgraded|converted)|(automatically|databases? (is|are|will be)) (upgraded|converted) to (a |the )?new (format|version)|one-way (upgrade|conversion)/i,
  // Older files put back by other software or a repair.
  // (A file name has dots: "has overwritten the Oleaut32.dll file with an earlier version".)
  /(replac|overwr)\w* ([\w.]+ ){0,6}(with|by) (an? )?(older|earlier) |\breplac\w* (the )?[\w.]+ (file )?(installed|updated) by (the |a )?(service pack|hotfix|update|fix)\b[^.]{0,40}\bwith (the |an? )?(original|previous|older|earlier)\b|\b(older|earlier) (versions? of )?(the )?(files?|dlls?|dynamic-link librar\w*) .{0,80}?(replac|overwr|restor)|do not (repair|restore|reinstall|expand) .{0,60}(\.dll|\.exe|\.sys|\b(system|program|older|earlier|original|previous) files?\b|drivers?)|\bdo not (restore|reinstall|copy) (any |the )?(older|earlier|previous) (versions?|files?|copies)\b/i,
  /installed more than once/i,
  // Older files that no longer work once the fix changed what they read: "previous versions of these files cannot
  // access Windows NT system security information".
  /\b(previous|older|earlier) versions? of (these|those|the) (files?|dlls?|drivers?|binaries)\b[^.]{0,40}?\b(cannot|can ?not|can't|will not|won't|are unable to|no longer) (access|read|work|run|load|start|function|be used)\b/i,
  // Other software putting an older copy back: "Some older applications install an old version of the ... runtimes",
  // "the Bookshelf installation program installs an earlier version of SPUSH.VBX", "When you install older versions of
  // database software ..., the existing Odbc32.dll file may be overwritten", "the replacement .DLL file may be an older version".
  // (Said of a program, not a reader's choice: "To install an earlier version of Word, ..." is a how-to. "May be" older,
  // not "is": "The replacement file is an older version than your current file" is setup's prompt, and "does not replace
  // the file because ... is an older version" setup keeping the newer one.)
  /\b(programs?|applications?|software|setup|installation program|installer|products?)\b[^.]{0,60}\binstalls? (an? )?(old|older|earlier|previous) (versions?|copy|copies) of\b|\binstall\w* (an? )?(old|older|earlier) versions? of\b.{0,120}\b(overwr|replac)|\breplac\w*\b.{0,60}\b(may|might|could) be (an? )?(older|earlier) (versions?|copy|copies)\b/i,
  // Uninstalling does not put the originals back: "If you uninstall TAPI 2.1, some files may not be replaced with the
  // original versions"; "Failure to restore the original files may render ScanDisk unusable".
  /\b(uninstall|remov)\w*\b.{0,150}\bnot (be )?(replaced|restored) (with|to) (the |their )?(original|previous|earlier|older)\b|\bfailure to restore the (original|previous|earlier|older)\b/i,
  // Told to take the older file when setup asks: "... is older than the file currently installed ..., install the older version".
  /\b(is|are) older than\b[^.]{0,100}\b(install|copy|use|keep) the (older|earlier) (version|file|copy)/i,
  // An older release installed over a newer one: "Do not install version 1 of X after you install version 2".
  /\bdo not (re-?)?install (an? )?(older|earlier|previous) versions?\b|\bdo not install version [\d.]+\b.{0,80}\bafter (you )?(install|upgrad)/i,
];

/** Packs and fixes to put back; told as a symptom ("If you reinstall SP3, you may see ...") they warn of nothing. */
const REAPPLY_PATTERNS: readonly RegExp[] = [
  // Having to reapply a service pack or fix after adding components or reinstalling.
  // "If a service pack has been applied, you will need to reapply it after ...".
  /\b(service pack|hotfix|\bSP ?\d)\b[^.]{0,80}\b(need|have|must|necessary) to re-?(apply|install) (it|them)\b/i,
  // (Not "before reapplying a hotfix": an install order. Not "you must reapply those changes": settings, not software.)
  // (Not "each time Exchange is reinstalled or a service pack is applied": words joined by "or" name two events.)
  /(?<!\bbefore )\b(re-?apply|re-?install|re-?run)\w* (the |your |any |all )?(latest |same |appropriate |most recent |current )?((or|and) (the )?(latest|current|most recent) )?((?!(or|and|if|when|before|after) )[\w.]+ ){0,4}?(service packs?|SP ?\d|hotfix(es)?|fix(es)?|updates?)\b/i,
  // Said of the pack: "If SQL Server is reinstalled, Service Pack 5 must be reapplied as well".
  /\b(service packs?|SP ?\d\w*|hotfix(es)?|fix(es)?|updates?|patch(es)?)\b[^.]{0,40}?\b(must|needs? to|should|has to|have to|will need to|will have to) be re-?(applied|installed)/i,
];

/** "cannot be uninstalled", "not designed to be removed", "not possible to revert". */
const NO_WAY_BACK = /(can ?not|can't|unable to|no way to|not possible to|impossible to|not designed to) (be )?(uninstall|remov|revert|roll ?back|downgrad|go back|return to)/i;

/** A pack or fix as the object of "remove" / "revert": "Service Pack 6", "the hotfix", "SP4". */
const PACK_OBJECT = /^\w* (the |this |that )?(service pack|SP ?\d|hotfix|security fix|fix|patch)\b/i;

/** A product release named by its number: "MS-DOS 6.22", "Windows 95". */
const RELEASE = /^ (the )?([A-Z][\w+-]* ){1,3}\d+(\.\d+)*\b/;

/** Cheap pre-check: every warning pattern contains one of these words. */
const CUES = /restore|\bold |earlier|older|previous|original|upgraded|converted|one-way|uninstall|remov|revert|roll ?back|downgrad|go back|return to|re-?appl|re-?install|re-?run|reinstall|necessary|replac|overwr|do not|more than once/i;

const FILE_NAME = /\b([A-Za-z][\w$-]{0,40}\.(exe|dll|sys|ocx|drv|cpl|edb|mdb|com|vxd|tlb))\b/i;
const FLOOR = /\b(\d+(?:\.\d+){1,4}) or (later|newer|higher)\b/i;
const EARLIER_THAN = /\b(?:earlier|older) than version (\d+(?:\.\d+){1,4})/i;

/** How to run setup or a hotfix ("Type ... at a command prompt to reinstall the hotfix") is mechanics, not a warning. */
const MECHANICS = /command prompt|\btype "|\bhotfix (\/|-)\w|\$NtUninstall/i;

/** Said not to be needed ("you do not need to re-apply any service packs"), or setup putting the newer file in place. */
const NOT_A_WARNING = /\bwithout (your )?having to re-?(apply|install)|\b(do not|don't|does not|doesn't|no) need to re-?(apply|install)|not (necessary|required) to re-?(apply|install)|\bwith the newer (version|file)/i;

/** "Back up WIN.INI so that you can restore the original file": the restore is what the backup is for, not a limit. */
const BACKUP_ADVICE = /\b(back ?up|backup)\b.{0,120}?\b(so (that )?you can|in case you need to) restore\b/i;

/** A symptom told, not a warning given: "If you reinstall SP3, you may see the following error". */
const SYMPTOM = /\byou (may|might|will|can) (receive|see|get|be prompted|notice)\b|\bthe following (error )?message\b|\b(behaviou?r|problem|error|issue|this) (can |may |might |will )?(occurs?|be caused)\b|\bcaused by\b|\beach time\b|\bwhen you (attempt|try) to\b|\bif you (attempt|try) to\b/i;
const OBLIGATION = /\b(must|need|needs|should|necessary|required|be sure|remember|make sure|recommend\w*)\b/i;
/** A cause that is the pack not put back ("... and did not reapply the service pack") still tells it must be. */
const NOT_PUT_BACK = /\b(not|without) (then )?re-?(apply|install)\w*/i;

/**
 * "You must reinstall X": a warning when X is a fix or a runtime ("you must reinstall ODBC 3.0"), or when something
 * older was put over it; not when X is a program, Windows or licenses ("you must reinstall all Windows-based programs").
 */
const MUST_REINSTALL = /\b(must|necessary to) (re-?install|re-?apply) (?!(th(ose|ese|is|at|em|e) )?(changes?|settings?|modifications?|steps?|customizations?)\b)/i;
const FIX_OBJECT = /^([\w.&-]+ ){0,6}?(service packs?|SP ?\d|hotfix(es)?|fix(es)?|updates?|patch(es)?|runtime|drivers?|DirectX|ODBC|MDAC|versions?|[A-Za-z][\w-]* \d+(\.\d+)+)\b/i;
const OLDER_PUT_BACK = /\b(older|earlier|previous)\b[^.]{0,60}\b(overwr|replac|install)|\b(overwr|replac)\w*[^.]{0,60}\b(older|earlier|previous)\b/i;

/**
 * Running the pack again to take it off ("rerun the Service Pack Update utility and uninstall the Service Pack"), or a
 * rebuild that swaps one install for another ("remove Exchange 5.5 from ServerA and reinstall 4.0 Service Pack 4",
 * "uninstall RRAS and reinstall the update on a different server"): steps of going back or moving, not a pack that
 * something took away and that must be put back.
 */
const UNDOING = /\bre-?run\w* [^.]{0,60}\b(and|to) (then )?(uninstall|remove)\b|\b(remove|uninstall)\b([^.,]|\.(?=\d)){0,60},? and (then )?re-?install (?!the (latest|current|most recent)\b)((?!\band\b)[^.,]|\.(?=\d)){0,50}\b(service pack|\bSP ?\d|hotfix|update|fix)\b/i;

/** "Microsoft does not recommend that it be uninstalled": a fix not to be taken off. */
// (Said of the software, not "-n Do not create uninstall directory" nor "if you don't need to be able to uninstall".)
const DO_NOT_UNINSTALL = /\bnot recommend\w*( that)? (it|they|this [\w-]+|the [\w-]+) be (uninstalled|removed)\b|\b(should|must) not be uninstalled\b|(?<!\bif you )\b(do not|don't|never) uninstall (?!(directory|folder)\b)/i;

/**
 * An article about the pack's own installation going wrong ("Exchange Server 5.5 SP1 Installation Stops", "Directory
 * Does Not Start After Service Pack Upgrade"): running that pack again is retrying the install, not reapplying a pack
 * that something took away, so it warns of nothing.
 */
const PACK_INSTALL_TITLE = /(service pack|\bSP ?\d\w*|hotfix)( \d[\w.]*)?( \([^)]*\))? (installation|setup|upgrade|install|update)\b/i;

function isWarning(sentence: string, retried: boolean): boolean {
  if (MECHANICS.test(sentence) || NOT_A_WARNING.test(sentence)) return false;
  // Restoring a previous file is a warning only when said as a limit ("only if", "do not", "or later"), not as an option.
  const [older, ...others] = WARNING_PATTERNS;
  if (older?.test(sentence) && !BACKUP_ADVICE.test(sentence) && /\b(not|only|cannot|can't|never|fails?|unable|must|later|newer|warning|caution|important)\b|\b(may|can|will|might) cause (problems|errors)\b/i.test(sentence)) return true;
  if (others.some((p) => p.test(sentence))) return true;
  const symptom = SYMPTOM.test(sentence) && !OBLIGATION.test(sentence) && !NOT_PUT_BACK.test(sentence);
  if (symptom) return false;
  const reapplying = !retried && !UNDOING.test(sentence);
  if (reapplying && REAPPLY_PATTERNS.some((p) => p.test(sentence))) return true;
  const must = reapplying ? MUST_REINSTALL.exec(sentence) : null;
  if (must) {
    const object = sentence.slice(must.index + must[0].length);
    // "you must re-apply it": the pack is named before.
    const named = FIX_OBJECT.test(object) || (/^(it|them)\b/i.test(object) && SOFTWARE.test(sentence.slice(0, must.index)));
    if (named || OLDER_PUT_BACK.test(sentence)) return true;
  }
  if (DO_NOT_UNINSTALL.test(sentence) && SOFTWARE.test(sentence)) return true;
  const blocked = NO_WAY_BACK.exec(sentence);
  if (blocked === null) return false;
  const after = sentence.slice(blocked.index + blocked[0].length, blocked.index + blocked[0].length + 60);
  // "unable to remove and reassign your server certificate": an active verb names what it takes off after it; when
  // that is no software, the software said before it ("After you upgrade ...") is not what cannot be removed.
  const objectAfter = /(remov|uninstall)$/i.test(blocked[0]) && !/\bbe $/i.test(blocked[0].replace(/\w+$/, '')) && /^\w*( and \w+)? (?!(it|them|this|these|that|those)\b)(the |your |a |an |any )?[a-z]/i.test(after);
  // The thing that cannot be removed is named just before the verb: a pack, a fix, a runtime, not a message.
  if (!objectAfter && SOFTWARE.test(sentence.slice(Math.max(0, blocked.index - 40), blocked.index))) return true;
  // Or after it: "you can't uninstall SP4", "you cannot uninstall MS-DOS 6.22", "there is no way to uninstall the hotfix";
  // another verb only with the pack itself as its object ("you cannot remove Service Pack 6", not "cannot remove older
  // versions if you renamed them" nor "cannot remove ... OAB Version 2 folders").
  if (/uninstall$/i.test(blocked[0])) return SOFTWARE.test(after) || RELEASE.test(after);
  return objectAfter && PACK_OBJECT.test(after);
}

function warningFrom(sentences: readonly string[]): Rollback {
  const text = sentences.join(' ');
  const floorSentence = sentences.find((s) => WARNING_PATTERNS[0]?.test(s)) ?? text;
  const file = FILE_NAME.exec(floorSentence)?.[1] ?? FILE_NAME.exec(text)?.[1];
  const minVersion = FLOOR.exec(floorSentence)?.[1] ?? EARLIER_THAN.exec(text)?.[1];
  return { text, ...(file ? { file } : {}), ...(minVersion ? { minVersion } : {}) };
}

/**
 * A warning that names no file takes the one the next sentence names when that sentence points back to it ("... then
 * reapply SNA Server 3.0 SP1. This will reapply the SNAREG.DLL file."): the file is the warning's, said after it.
 */
function withFileFromNext(warning: Rollback, next: string): Rollback {
  if (warning.file !== undefined || !/^(This|These|It|That)\b/.test(next)) return warning;
  const file = FILE_NAME.exec(next)?.[1];
  return file ? { ...warning, file } : warning;
}

/** Rollback warnings in one section's collapsed prose, in reading order; `title` is the article's. */
export function findRollbackWarnings(prose: string, title = ''): Rollback[] {
  if (!CUES.test(prose)) return [];
  const retried = PACK_INSTALL_TITLE.test(title);
  const warnings: Rollback[] = [];
  let run: string[] = [];
  for (const sentence of splitSentences(prose)) {
    if (isWarning(sentence, retried)) {
      run.push(sentence);
      continue;
    }
    if (run.length > 0) warnings.push(withFileFromNext(warningFrom(run), sentence));
    run = [];
  }
  if (run.length > 0) warnings.push(warningFrom(run));
  // A readme prints the same note in each of its parts; the card counts warnings, not copies.
  const seen = new Set<string>();
  return warnings.filter((w) => !seen.has(w.text) && seen.add(w.text));
}
