/**
 * A fix stated outside any RESOLUTION or WORKAROUND section (issue 8): "To correct the WIN.INI file: 1. ...",
 * "Reinstalling Encarta corrects this problem", "To resolve this problem, ..." said in CAUSE, SYMPTOMS or MORE
 * INFORMATION. fix.ts reads only the fix sections (or, with none at all, the body for its own wordings) and leaves
 * such an article `unknown`. Only for a problem article with neither section whose fix is unknown: the section from
 * the corrective sentence on is read as the RESOLUTION would be (same kinds and precedence, steps counted), so
 * "To correct this problem, upgrade to ..." is an upgrade and "To work around this problem, ..." a workaround.
 * Never a release said to carry the fix ("This problem was corrected in ..."): passive, it is no instruction.
 * A change said as a condition ("If you change the logging level to none, these events will not be logged") is one too.
 * So for an article whose fix is still to come (not-yet) with neither section: the way around its other sections
 * state leads, the fix to come `also`.
 * The wording: rules/fix-elsewhere.txt.
 */
import type { ArticleKind, Fix } from '../model.js';
import { loadRuleLists } from '../trace/rule-lists.js';
import { classifyFix } from './fix.js';
import { splitSentences } from './text.js';

type RemedyList = 'to-remedy' | 'remedies' | 'trouble' | 'if-change' | 'goes-away';

/** The wording lists, read and checked once, when this module loads. */
const W = loadRuleLists<RemedyList>('fix-elsewhere.txt', { lists: ['to-remedy', 'remedies', 'trouble', 'if-change', 'goes-away'] });

/**
 * A sentence that tells the reader how to remove the problem: led by "To <verb> ...," / "...:", or "You can <verb>
 * this problem", or with an action as the subject of "<verb>s this problem" ("Reinstalling X corrects this problem",
 * "According to AST, obtaining a BIOS upgrade corrects this problem"), or "the problem can be corrected by <doing>".
 */
const REMEDY = new RegExp(
  [
    String.raw`^\(?to ${W.alt('to-remedy')} (?:(?:this|that|these|the|your|an?) )?[^,:;]{0,100}[,:]`,
    String.raw`\byou (?:can|may|must|should|need to) ${W.alt('to-remedy')} (?:this|the|these) ${W.alt('trouble')}\b`,
    String.raw`^(?:[^,]{0,40}, )?(?!according\b)\w+ing\b[^;]{0,150}?\b${W.alt('remedies')} (?:this|the|these) ${W.alt('trouble')}\b`,
    String.raw`\b(?:this|the|these) ${W.alt('trouble')} (?:can|may) be (?:corrected|resolved|fixed|remedied) by \w+ing\b`,
    // "If you change the logging level to none, these events will not be logged."
    String.raw`^if you ${W.alt('if-change')} [^,;]{1,100}, (?:this|the|these|those|such) (?:${W.alt('trouble')}|events?|messages?|warnings?) ${W.alt('goes-away')}\b`,
  ].join('|'),
  'i',
);

/**
 * A newer BIOS or driver from its maker ("Upgrading to Phoenix BIOS version 2.73 or later corrects this problem",
 * "contact Emerson for a BIOS upgrade", "upgrade to driver version 30.3.86"): an update, as fix.ts reads a newer
 * driver fetched from its vendor. fix.ts's phrasings of it ask for "latest"/"updated"; these remedies say "upgrade".
 */
const VENDOR_UPDATE = /\b(?:upgrad\w*|contact)\b[^.]{0,80}\b(?:BIOS|ROM|firmware|drivers?)\b|\b(?:BIOS|ROM|firmware|driver) (?:upgrade|update)\b/i;

/** Where a remedy is not looked for: the fix sections (read by fix.ts) and the pointers to other articles. */
const NOT_READ = new Set(['RESOLUTION', 'WORKAROUND', 'STATUS', 'REFERENCES']);

export interface ElsewhereSection {
  key: string;
  /** Whitespace collapsed, cited titles out: where the fix's kind is read. */
  prose: string;
  /** Whitespace collapsed, as printed: where its numbered steps are counted. */
  printed: string;
}

/** The first corrective sentence outside the fix sections, with the rest of its section (prose and printed). */
export function remedyElsewhere(sections: readonly ElsewhereSection[]): { lead: string; prose: string; printed: string } | undefined {
  for (const section of sections) {
    if (NOT_READ.has(section.key)) continue;
    const lead = splitSentences(section.prose).find((s) => REMEDY.test(s));
    if (!lead) continue;
    const key = lead.slice(0, 40);
    const printedAt = section.printed.indexOf(key);
    return { lead, prose: section.prose.slice(section.prose.indexOf(key)), printed: printedAt === -1 ? '' : section.printed.slice(printedAt) };
  }
  return undefined;
}

/**
 * The article's fix, or, for a problem article with no RESOLUTION or WORKAROUND whose fix was left unknown, the fix
 * its other sections state (read as its RESOLUTION).
 */
export function withFixStatedElsewhere(fix: Fix, articleKind: ArticleKind, sections: readonly ElsewhereSection[], body: string): Fix {
  // A fix still to come ("We are researching this problem") leaves the reader to go around the problem meanwhile: what
  // another section has them do is the article's answer (as a WORKAROUND's would be), the fix to come `also`.
  // (A fix to come is said of a confirmed problem, whatever kind the article's layout reads as.)
  const open = (fix.kind === 'unknown' && articleKind === 'problem') || fix.kind === 'not-yet';
  if (!open || sections.some((s) => s.key === 'RESOLUTION' || s.key === 'WORKAROUND')) return fix;
  const remedy = remedyElsewhere(sections);
  if (!remedy) return fix;
  const read = classifyFix({ prose: remedy.prose, resolution: remedy.prose, workaround: '', body, stepsText: { resolution: remedy.printed || remedy.prose, workaround: '' } });
  if (read.kind === 'unknown' || read.kind === fix.kind) return fix;
  const found = read.kind === 'configuration' && VENDOR_UPDATE.test(remedy.lead) ? { ...read, kind: 'update' as const } : read;
  if (fix.kind === 'unknown') return found;
  const also = [...(found.also ?? []).filter((k) => k !== fix.kind), fix.kind];
  return { ...found, also, carriers: found.carriers?.length ? found.carriers : (fix.carriers ?? []) };
}
