/**
 * Warnings about going back: rollback floors ("restore an earlier version of Store.exe ... only if it is
 * version 5.5.2652.68 or later"), one-way database upgrades, fixes that cannot be uninstalled, backups to
 * take first, and the uninstall mechanism (survey §5). Consecutive warning sentences form one warning.
 */
import type { Rollback } from '../model.js';
import { splitSentences } from './text.js';

/** What a "cannot go back" sentence must be about to count: a fix, a pack, an upgrade, a version. */
const ABOUT_A_FIX = /service pack|hotfix|\bfix\b|update|upgrade|patch|\bSP\d|(previous|earlier|older) version/i;

const WARNING_PATTERNS: readonly RegExp[] = [
  /(restore|reinstall|revert to|roll ?back to|go back to|downgrade to) an? (earlier|older|previous) version|only if it is version|\brestor\w* .{0,60}(earlier|older) than version/i,
  /automatically (upgraded|converted)|(database|databases) (is|are|will be) (upgraded|converted)|one-way (upgrade|conversion)/i,
  /\bback ?up\b.{0,120}\bbefore (you )?(apply|install|upgrad|run)/i,
  /\$NtUninstall|hotfix (\/r|-y)\b/i,
];

/** "cannot be uninstalled", "not possible to revert" (only about a fix or version, survey W4). */
const NO_WAY_BACK = /(can ?not|can't|unable to|no way to|not possible to|impossible to) (be )?(uninstall|remov|revert|roll ?back|downgrad|go back|return to)/i;

/** Cheap pre-check: every warning pattern contains one of these words. */
const CUES = /restore|earlier|older|upgraded|converted|one-way|uninstall|remov|revert|roll ?back|downgrad|go back|return to|back ?up|NtUninstall|hotfix/i;

const FILE_NAME = /\b([A-Za-z][\w$-]{0,40}\.(exe|dll|sys|ocx|drv|cpl|edb|mdb|com|vxd|tlb))\b/i;
const FLOOR = /\b(\d+(?:\.\d+){1,4}) or (later|newer|higher)\b/i;
const EARLIER_THAN = /\b(?:earlier|older) than version (\d+(?:\.\d+){1,4})/i;

function isWarning(sentence: string): boolean {
  return WARNING_PATTERNS.some((p) => p.test(sentence)) || (NO_WAY_BACK.test(sentence) && ABOUT_A_FIX.test(sentence));
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
