/**
 * What kind of article this is: a problem (symptoms, cause, resolution), a how-to, information, or an index of
 * other articles, bugs, fixes or files (release notes, readmes, fix lists). A card shows fix fields only for
 * problems. Decided from the title, the sections, the `Issue type` footer and the keywords, strongest first.
 */
import type { ArticleKind } from '../model.js';

export interface KindClues {
  title: string;
  /** Canonical section keys in article order (SYMPTOMS, CAUSE, RESOLUTION, SUMMARY, ...). */
  sections: readonly string[];
  /** The footer's `Issue type` (kbbug, kbhowto, kbinfo...), lower case, when printed. */
  issueType?: string;
  keywords: readonly string[];
  /** The first words of the SUMMARY (or the body), collapsed. */
  opening: string;
  /** The first few thousand characters of the body, collapsed: where an update's announcement says what it corrects. */
  lead?: string;
}

/** Titles of release notes, readmes, fix and bug lists, driver and file libraries, multi-part documents. */
const INDEX_TITLE =
  /release notes|\bread ?me\b|readme\.|driver library|\blist of ([\w.]+ ){0,5}(articles|bugs|fixes|hotfixes|files|updates|problems|issues|known|changes|fixed|drivers)\b|\b(kb|knowledge base) articles\b|\btop (\w+ )?issues\b|bugs? (fixed|list)|fix(es)? (list|included)|fixed in .*service pack|\bpart \d+ of \d+\b|corrections and comments|\bindex of\b|service pack \d+ (contents|readme)|^(contents|index)\b/i;
/** An article that says it is a list of files, contents or articles. */
const LISTING_OPENING = /\bthis article (lists|contains (a|the) (list|listing) of|provides a (list|listing) of)\b/i;
/** What a listing that is no index lists: "lists the steps necessary to ...", "lists the minimum system requirements". */
const NOT_LISTED = /^\s*(the |some |several |a few |various )?([\w-]+ ){0,3}?(steps?|tips|troubleshooting|techniques|(system )?requirements|settings|privileges|acronyms)\b/i;
/** "Directory Listing (2 of 2)", "Contents of the Plus_5.cab File". */
const LISTING_TITLE = /\b(directory|file) (listing|list)\b|^(contents|listing) of\b/i;
const HOWTO_TITLE = /^(HOW ?TO|HOWTO)\s*:|\bhow to\b|tips and tricks|^(SAMPLE|FILE)\s*:.*\bhow\b/i;
/** DOCFIX: is DOCERR's sibling (a documentation correction): information unless filed with SYMPTOMS. */
const INFO_TITLE = /^(INFO|FILE|SAMPLE|DOC|DOCERR|DOCFIX|PSS ID Number)\s*:/i;
/** Problem words of titles; older articles (SUMMARY and MORE INFORMATION only) are told by their title alone. */
const PROBLEM_TITLE = /^(PRB|BUG|FIX|ERR ?MSG)\s*:|\b(cannot|can't|can not|fails?|failure|does not|doesn't|do not|won't|will not|not work\w*|incompatible|stops?|stopped|hangs?|crash\w*|lost|loss|missing|incorrect\w*|wrong|corrupt\w*|unable|error(?! messages\b)|access violation|gpf|stop 0x|trap\w*|leaks?|unexpected\w*|truncated|problems?|slow\w*|not (displayed|started|found|responding))\b|\b(err ?msg|errors|halts?|conflicts? with|not compatible|(don't|isn't|aren't|may not) \w+|flash(es|ing)|frozen|freezes|loses|erratic|not (updated|copied|saved|printed|recognized|created|calculated|reflected|visible|shown|removed|deleted|installed|registered|detected|applied|sent|received|delivered|replicated|loaded|accepted|retained|preserved|refreshed|cleared|converted|imported|exported)|disables|dimmed|has no effect|stripped|non-?existent|invalid)\b/i;

/**
 * "Mail Remote MSRMTCN.DLL Version 3.2.4013 Update", "Schedule+ Schdupd.exe Update Available": a file update's
 * announcement (SUMMARY and MORE INFORMATION only)... that is a problem article when it says what problems the
 * update corrects: the reader who meets one of them is sent to it. Not a service pack, rollup or list of fixes
 * (an index).
 */
const UPDATE_TITLE = /\bUpdate\b/;
const NOT_ONE_UPDATE = /service pack|service release|rollup|\bfixes\b|\blist\b/i;
const UPDATE_CORRECTS = /\b(replacement|update|updated)\b[\s\S]{0,300}?\b(correct|resolv|fix)(s|es|ing) the following (problems?|issues?|bugs?)\b/i;

/**
 * An opening that announces a procedure: "describes how to", "the following steps", "discusses the supported steps
 * to rename a Microsoft Exchange Server", "outlines the steps to create ...".
 */
const OPENING_HOWTO = /\b(describes|explains|shows) how to\b|\blists the steps\b|\bthe following steps\b/i;
const OPENING_STEPS = /\b(describes|discusses|outlines|provides|gives|contains) (the |a )?(supported |necessary |required |recommended )?(steps|procedures?) (necessary |required |needed )?(to|for)\b|\bthe (additional )?(steps|procedures?) described in this article\b/i;
/** "The following is a quick method for verifying ...", "The following are recommended recovery options for ...". */
const OPENING_METHODS = /\bthe following (is|are) (a |the |some |several )?(quick |simple |recommended |supported |suggested )?(methods?|procedures?|ways?|recovery options) (for|to)\b/i;

/**
 * A title that names an action ("Changing the Number of Packages Read by Audit16") whose article says how to do it:
 * a sentence opening with the title's verb, "To change the number of months displayed, do the following:". The
 * verb is the title's first word when it is a gerund, less its -ing (and a doubled consonant: Setting, Running).
 * Not a bare first word: "Add Printer Wizard Offers More Printer Selections" names a wizard, not an action.
 */
const TITLE_GERUND = /^([A-Z][a-z]{2,})ing\b/;
function titleActionStem(bare: string): string | undefined {
  const verb = TITLE_GERUND.exec(bare.replace(/^[^:]{1,24}:\s*/, ''))?.[1];
  const stem = verb?.replace(/([bdgmnprt])\1$/, '$1');
  return stem !== undefined && stem.length >= 3 ? stem.toLowerCase() : undefined;
}
/** A procedure announced in the body: "To use the ImageWriter, ... This is done as follows: 1. ...". */
const PROCEDURE = /\b(follow these steps|do the following|(perform|complete|use) the following (steps|procedure)|(is|are|can be) done as follows|use this procedure|the procedure below)\b/i;
/** The article does the title's action: "To <verb> ..., <how>" at a sentence start. */
function doesTitleAction(stem: string, lead: string): boolean {
  const at = new RegExp(`(?:^|[.:!?] )To ${stem}[a-z]* [^.,]{0,160},`).exec(lead);
  return at !== null;
}

/**
 * "Microsoft has confirmed this to be a problem in QBasic ..." (a STATUS or MORE INFORMATION of an older article
 * filed with SUMMARY only): a problem users meet, whatever the title's words.
 */
const CONFIRMED_PROBLEM = /\bMicrosoft (has )?confirm(ed|s) (that )?(this|these|it) (to be|is|are|as) (a |an )?(problem|bug)s?\b/i;
/** Errata ("... Corrections and Comments") about one topic ("The following topic is covered:"). */
const ONE_TOPIC = /\bthe following topic is covered\b/i;

/** Problem articles have one of these sections. */
const PROBLEM_SECTIONS = new Set(['SYMPTOMS', 'CAUSE', 'RESOLUTION', 'WORKAROUND']);

export function classifyArticleKind(clues: KindClues): ArticleKind {
  const { title, sections, issueType, keywords } = clues;
  const bare = title.replace(/^[A-Z0-9 ]{2,12}:\s*(?=[A-Z])/, (prefix) => (/^(HOW ?TO|HOWTO|INFO|FILE|SAMPLE|PRB|BUG|FIX|DOC|DOCERR|DOCFIX)\b/i.test(prefix) ? prefix : ''));
  const problemSections = sections.some((s) => PROBLEM_SECTIONS.has(s));
  const issue = issueType?.toLowerCase() ?? '';
  const words = new Set(keywords.map((k) => k.toLowerCase()));
  const lead = clues.lead ?? clues.opening;
  // An errata article about one topic, filed with a WORKAROUND or RESOLUTION, is that topic's problem.
  const oneProblem = problemSections && ONE_TOPIC.test(lead);
  if (INDEX_TITLE.test(title) && !sections.includes('SYMPTOMS') && !oneProblem) return 'index';
  // A listing filed under SYMPTOMS is still a listing: "This article lists the directory contents of the CD-ROM."
  // ...but a list of steps, tips, requirements or settings is a how-to or information, and "File List Very Slowly" a problem.
  const listed = LISTING_OPENING.exec(clues.opening.slice(0, 200));
  const notAnIndex = listed !== null && NOT_LISTED.test(clues.opening.slice(listed.index + listed[0].length, listed.index + listed[0].length + 80));
  const bug = /^kb(bug|prb|fix|errmsg)$/.test(issue);
  if ((listed && !notAnIndex) || (LISTING_TITLE.test(bare) && !PROBLEM_TITLE.test(bare) && !bug)) return 'index';
  if (problemSections && sections.includes('SYMPTOMS')) return 'problem';
  if (UPDATE_TITLE.test(bare) && !NOT_ONE_UPDATE.test(bare) && !HOWTO_TITLE.test(title) && UPDATE_CORRECTS.test(clues.lead ?? '')) return 'problem';
  // A kbhowto footer on "Err Msg: Event IDs 9297 and 3161" or "... Stops with Event ID 183" files a problem as a how-to.
  const problemTitle = PROBLEM_TITLE.test(bare) && !HOWTO_TITLE.test(title);
  if (/^(HOW ?TO|HOWTO)\s*:/i.test(bare) || (issue === 'kbhowto' && !problemSections && !problemTitle)) return 'howto';
  if (INFO_TITLE.test(bare)) return 'info';
  if (problemSections || /^kb(bug|prb|fix|errmsg)$/.test(issue)) return 'problem';
  // A confirmed problem is a problem, unless the footer files it as information or the title says how to.
  if (CONFIRMED_PROBLEM.test(lead) && issue !== 'kbinfo' && !HOWTO_TITLE.test(title)) return 'problem';
  const stem = titleActionStem(bare);
  if (!PROBLEM_TITLE.test(bare) && (OPENING_METHODS.test(clues.opening) || (stem !== undefined && (doesTitleAction(stem, lead) || PROCEDURE.test(lead))))) return 'howto';
  // (The steps of a problem's title are its fix: "LVMD.386 and LMOUSE.DRV Not Installed ... This article describes the
  // procedure for installing these drivers.")
  if (HOWTO_TITLE.test(title) || OPENING_HOWTO.test(clues.opening) || (OPENING_STEPS.test(clues.opening) && !PROBLEM_TITLE.test(bare))) return 'howto';
  if (PROBLEM_TITLE.test(bare)) return 'problem';
  if (words.has('kbhowto')) return 'howto';
  return 'info';
}
