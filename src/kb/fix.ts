/**
 * Fix availability from the RESOLUTION, STATUS and WORKAROUND text (survey §6). Each kind has its
 * phrasings (RULES); which of the kinds found is the main one follows the precedence below.
 * The service pack or product version the article names is captured whatever the kind.
 *
 * Precedence of the kinds found (checked against test/fixtures/golden/README.md's definitions):
 *  1. A released fix leads: service-pack > hotfix > update > upgrade (a pack that carries the hotfix is the fix
 *     to take once released; a download offered before a hotfix is the article's first answer and leads it).
 *     A release named inside the WORKAROUND section after its first sentence, in a sentence that does not say it
 *     fixes the problem ("1. Install the latest DCOM. You can download it from ..."), is a step of the workaround:
 *     the problem remains, so it is no fix. (Named in its first sentence, it is what the workaround is.)
 *  2. Then the RESOLUTION: a setting, registry change or steps it states make the problem go away
 *     (configuration)...
 *     - ...unless the RESOLUTION opens by saying it works around the problem ("To work around this problem:
 *       set ... in the registry"): then its settings go around it (workaround).
 *  3. A RESOLUTION outranks "by design", "a limitation" (none) said in STATUS: it removes the symptom the reader
 *     meets ("Delete the corrupted file"), the design is why it occurs (also: none). (Tried the other way, none
 *     over a RESOLUTION read as the fix by default: as many blind-sample articles lost as gained.)
 *  4. A fix still to come (not-yet: "researching this problem") or a confirmed bug no fix is named for leaves the
 *     problem in place: a RESOLUTION read as the fix by default goes around it (workaround), unless the
 *     RESOLUTION itself removes the problem: it says so ("To correct this problem", "... resolves the problem")
 *     or changes a setting (then configuration, also not-yet).
 *  5. Otherwise none (by design) over workaround over not-yet; nothing found is unknown. ("This is by design" said in
 *     CAUSE, in an article with no STATUS, is its status: article.ts adds it, see designStatus.)
 *  6. A release the article says "also" fixes the problem (rules/fix-carrier.txt [also-fixed]) follows whatever else
 *     it states, whatever its rank: "give Read privileges to the key ... This problem is also corrected by installing
 *     Service Pack 3" is a configuration, also service-pack.
 */
import type { Fix, FixKind } from '../model.js';
import { loadCarrierRules } from './carrier-rules.js';
import { splitSentences } from './text.js';

/** The carrier wording lists (rules/fix-carrier.txt), read and checked once, when this module loads. */
const CARRIER_WORDS = loadCarrierRules();
/** "Service Pack 3 did not fix this bug", "the readme erroneously lists this bug as being fixed": no carrier. */
const NOT_FIXED = new RegExp(String.raw`\b${CARRIER_WORDS.alt('not-fixed')}\b`, 'i');
/** "This problem was not reproducible in Microsoft Visual C++, 32-bit Edition, version 4.0": the release named next. */
const NOT_REPRODUCED_IN = new RegExp(String.raw`\b${CARRIER_WORDS.alt('not-reproduced')} (?:in|with) (?:the )?`, 'i');
/** "TLB Solomon recommends using Solomon III Accounting Software version 7.1": the release named next. */
const RECOMMENDS_RELEASE = new RegExp(String.raw`\b${CARRIER_WORDS.alt('recommends-release')} (?:the )?`, 'i');
/** "This problem is also corrected by installing Service Pack 3": a release the article offers besides its fix. */
const ALSO_FIXED = new RegExp(String.raw`\b${CARRIER_WORDS.alt('also-fixed')}\b`, 'i');
/** "a correction CD-ROM can be ordered", "Without the corrected CD-ROM, ...": corrected media to obtain, an update (not
 * "This updated CD-ROM is a dual-platform disc", an edition described). */
const REPLACEMENT_MEDIA = new RegExp(String.raw`\b${CARRIER_WORDS.alt('replacement-media')} (?:CD-ROMs?|CDs?|discs?|disks?|diskettes?)\b`, 'i');

/**
 * "To resolve this problem, update the system BIOS of the Compaq Deskpro", "Upgrade the firmware of the Seagate disk to
 * Revision 0022", "According to Adaptec, you must upgrade the BIOS to version 1.4": an instruction to bring a driver,
 * BIOS or firmware up to date (rules/fix-carrier.txt [updated-component]) is an update from its maker. Led by the
 * verb, after at most "To resolve this problem," / "According to X," and "you must"; not "If you upgrade the driver"
 * (a condition), nor "update the driver settings".
 */
const UPDATE_COMPONENT = new RegExp(
  String.raw`^(?:(?:to (?:resolve|correct|fix|prevent) (?:this|the) (?:problem|issue|behavior|error)|according to [^,]{1,40}),\s)?(?:you (?:must|should|can|need to|may need to) )?(?:update|upgrade) (?:the|your) (?:[\w./()-]+ ){0,6}?${CARRIER_WORDS.alt('updated-component')}\b(?! (?:settings?|setup|configuration|list)\b)`,
  'i',
);
/**
 * ...written as a sentence, not as the heading of one method among others ("Method 2: Update Your Video Driver",
 * "Update the Sound Driver for Your Sound Card ----"): "the"/"your" and the component written small (or as an acronym).
 */
function updatesComponent(sentence: string): boolean {
  const m = UPDATE_COMPONENT.exec(sentence);
  return m !== null && /\b[Uu]p(?:date|grade) (?:the|your) /.test(m[0]) && !/\b[A-Z][a-z]+$/.test(m[0]);
}

interface KindRule {
  kind: FixKind;
  matches(sentence: string): boolean;
}

/** A service pack that is not out yet ("the next service pack") carries nothing today. */
const FUTURE_PACK = /\b(next|upcoming|future|forthcoming)\b[^.]{0,60}service (pack|release)|\bwait for (and (apply|install) )?.{0,60}?service (pack|release)|service pack[^.]{0,40}\b(will (be|contain|include)|scheduled)/i;

/**
 * A pack as a condition of a step ("If SP4 is installed, you can use ..."), not as the fix; nor the release the reader
 * may already have ("NOTE: If you have installed Windows 95 Service Pack 1, password list files may be damaged ...").
 */
const CONDITION = /^if\b[^,]{0,100}\b(is|are) (installed|running)\b|\bor later, you can\b|^(?:note:\s*)?if you have (?:already )?(?:installed|applied)\b[^,]{0,100},/i;

/** Sentences about what causes or meets the problem, never what fixes it. */
const AFFECTED = /confirmed this to be a problem|problem (occurs|exists)|(after|when|if) (you )?(install|apply|upgrad|run)\w*|this (problem|behavior) (occurs|happens)/i;

/**
 * A download that carries a fix: a file, an update or a driver to fetch, or something "available for download".
 * Not any "download": "downloaded fonts", "download the address book" are what the problem is about.
 */
const DOWNLOAD_FIX =
  /\bdownload(ing)? (and install )?(the |an? |this |these |it |them )?((latest|new|newest|current|updated|following|appropriate|correct) )?(\w[\w-]*\.(exe|zip)\b|updates?\b|patch|fix|hotfix|(self-extracting |update |driver )?files?\b|drivers?\b|versions?\b|software\b|self-extracting|utility)|\b(can be|may be|is|are) downloaded\b|available (for|to) download|\bdownloaded (it )?from\b|\bdownload (it |them )?from\b|\bdownload and install\b/i;
/** "Download the IntelliPoint software version 3.1a": a named product's download (capitals: a name, not any words). */
const DOWNLOAD_NAMED = /\b[Dd]ownload(ing)? (the )?([A-Z][\w-]* ){1,3}(software|version|update|driver|files?)\b/;

/** "Upgrade to LAN Manager 2.2c or later", "recommends that customers upgrade to ...": an instruction, not "If you upgrade to" or "the upgrade to". */
const UPGRADE_TO = /(?:^|^- |\b(?:recommends?|should|must|need to|can|please|problem,|issue,)\s(?:[\w-]+\s){0,5}?)[Uu]pgrade to (the )?((Microsoft )?[A-Z][\w.+-]*( [A-Z][\w.+-]*){0,4}( version)? \d[\w.]*)/;

/** Ordered strongest first: the first kind found in a fix sentence is the article's. */
const RULES: readonly KindRule[] = [
  {
    kind: 'service-pack',
    matches: (s) =>
      !FUTURE_PACK.test(s) &&
      // "Apply your current service pack" (again, as a step of a reinstall) fixes nothing by itself.
      !/hotfix rollup|\byour (current|existing) [\w .]{0,40}service pack|before (you )?(install|apply)|even if (it|you|the service pack) (was|were|has|have|had) (already )?(been )?(applied|installed)|information (about|on|regarding) how to (obtain|install|get)/i.test(s) &&
      // "corrected in the latest Microsoft Exchange Service Packs" (one per version) is a pack fix too.
      ((/\bservice (pack|release)s?\b|\bSP\d\b|\bSR-?\d\b/i.test(s) &&
        /(corrected|fixed|resolved|addressed|included|contained) in|(has been|was) released to (fix|correct|resolve)|\b(fix|problem) is (now )?available in (the )?(latest )?|obtain the latest|(install|apply|obtain|upgrade to) (the )?(latest )?[\w .]{0,60}(service (pack|release)|SP\d)|\bby (installing|applying) (the )?[\w .]{0,60}(service (pack|release)|SP\d)|contains? (a |the )?fix/i.test(s) &&
        !/\b(re-?apply|re-?install|uninstall|remov)/i.test(s)) ||
        /S E R V P A C K/.test(s)),
  },
  {
    kind: 'hotfix',
    matches: (s) =>
      /supported (hot)?fix (that corrects this problem )?is (now )?available|(hot)?fix is available to correct|available as a hotfix|obtain the (hot)?fix\b|hotfix is (now )?available|Product Support Services to obtain the (hot)?fix|this hotfix has been posted|\b(apply|install) the (hot)?fix\b|immediately, contact (Microsoft )?(Product|Technical) Support|hotfix rollup/i.test(s),
  },
  {
    kind: 'update',
    matches: (s) =>
      !AFFECTED.test(s) &&
      // A Security Rollup Package is a download of security patches, not a hotfix from Support.
      (DOWNLOAD_FIX.test(s) || DOWNLOAD_NAMED.test(s) || updatesComponent(s) || /\bsecurity rollup package\b/i.test(s) || (REPLACEMENT_MEDIA.test(s) && /\b(order|obtain|available|request|contact|call|without|send|replace)\w*/i.test(s)) ||
        /\b(obtain|get|install|use) (the|a) (fixed|corrected|updated|newer) version\b/i.test(s) ||
        // "install the latest version of MDAC", "update the software and the firmware to the latest versions available from IBM"
        /^to (resolve|correct|fix) (this|the) (problem|issue), (install|obtain|download) the (latest|newest|most recent) version of\b|^to (resolve|correct|fix) (this|the) (problem|issue), update [\w ,]{0,60}\bto the (latest|newest|most recent) versions?\b/i.test(s) ||
        // "This has been corrected in an updated version of the Setup Wizard": a replacement build to fetch, not a release.
        /\b(corrected|fixed|resolved) (in|by) (an|the) (updated|new|newer|revised) (version|release|build) of\b/i.test(s) ||
        // "This bug was fixed with the Widget patch WID.DLL version 1310": a patch is a download, whatever its version.
        /\b(corrected|fixed|resolved) (with|by|in) (the |a |an )?([\w.-]+ ){0,3}patch\b/i.test(s) ||
        // "Contact Everex to obtain the latest BIOS update", "download the new BUSLOGIC.SYS driver": a newer driver or
        // BIOS from its maker.
        /\b(obtain|get|download|install|contact)\b[^.]{0,80}\b(latest|newest|new|newer|updated?) ([\w.-]+ ){0,3}(BIOS|ROM|firmware|drivers?)\b/i.test(s) ||
        // "The vendor ... provides an updated driver to correct this problem."
        /\bprovides? (an? |the )?(updated|newer|revised|corrected) ([\w.-]+ ){0,2}(drivers?|BIOS|firmware)\b/i.test(s) ||
        // "The problem is corrected by a new driver version 1.5 or later."
        /\b(corrected|fixed|resolved) (with|by|in) (a |an |the )?(new|newer|updated|revised) ([\w-]+ ){0,2}(driver|BIOS|firmware)\b/i.test(s) || /software update|updates? to [\w .,]{0,80} (is|are) available|\b(resolved|corrected|fixed) by (the following |an |the |this )?updated (files?|drivers?|versions?)\b|is available (from|on) (the )?(Microsoft|Windows Update)/i.test(s) ||
        (/updated ([\w-]+ ){0,3}(drivers?|versions? of|files?|BIOS|firmware|ROM)\b/i.test(s) && /\b(available|obtain|install the|contact)\b/i.test(s) && !/\bif you (already )?have an updated\b/i.test(s)) ||
        // A vendor's update fetched from its bulletin board or FTP server.
        /\b(available|obtain|download)\w* .{0,60}\b(FTP|BBS|bulletin board)/i.test(s) ||
        /ftp\.microsoft\.com|Software Library|Windows Update\b/.test(s)),
  },
  {
    kind: 'upgrade',
    matches: (s) =>
      !/confirmed this to be a problem|service (pack|release)|\bSP\d|\bSR-?\d/i.test(s) &&
      // "resolved with FORTRAN PowerStation maintenance release version 1.0a": a later release, named after "with" too.
      (/(corrected|fixed|resolved) (in|with) .{0,80}\bversions? \d/i.test(s) ||
        /upgrade to (version|the (latest|current|new) version)|no longer occurs in|does not occur in .{0,60}\d/i.test(s) ||
        // "This is not a problem in CodeView version 4.25": the release it does not occur in.
        /^this is not a problem (in|with) (the )?(Microsoft )?[A-Z][\w.+-]*( [A-Z][\w.+-]*){0,4}( version)? \d/i.test(s) ||
        // "This problem was corrected in later versions of Windows": a later release, none named.
        // (This problem, not "a bug that was corrected in later versions" said of something else.)
        /\b(this|the) (problem|bug|issue|behavior) (was|has been|is) (corrected|fixed|resolved)( and does not occur)? in (later|subsequent|newer|more recent) (versions|releases)\b|\b(this|the) (problem|bug|issue|behavior) (does not|no longer) occurs? in (later|subsequent|newer) (versions|releases)\b/i.test(s) ||
        UPGRADE_TO.test(s) ||
        // "Upgrade the workstation to Windows 3.1.": what is upgraded comes between.
        /^(you (can|should|must) )?upgrade (the|your|all|each) ([\w-]+ ){0,3}to (the )?(Microsoft )?[A-Z][\w.+-]*( [A-Z][\w.+-]*){0,4} \d/i.test(s) ||
        // "This problem has been fixed in Visual FoxPro 5.0 for Windows": a named product release, no pack.
        // ("... corrected in Microsoft Visual C++ .NET": .NET names the release as a number would.)
        // ("corrected with System 7.5.1", "fixed in Visual C++ for Windows 1.51", "resolved with Encarta 95": with, by, for.)
        /\b(has been|was|is) (first )?(fixed|corrected|resolved) (in|with|by) (the )?(Microsoft )?[A-Z][\w.+-]*( ([A-Z][\w.+-]*|for (the )?[A-Z][\w.+-]*)){0,4},? (\d|\.NET\b|'\d)/.test(s)),
  },
  {
    kind: 'configuration',
    matches: (s) =>
      (/^(to (resolve|correct|fix) this (problem|issue|behavior)|to prevent this)/i.test(s) && !/\b(contact|obtain|download|service pack|hotfix|upgrade)|\binstall (the )?(current|latest|newest|updated) version/i.test(s)) ||
      /\bregistry editor\b|\bHKEY_[A-Z_]+|\bregedt32|\bregedit\b/i.test(s) ||
      /\b(can|may) be (corrected|resolved|fixed|avoided|prevented) by \w+ing\b/i.test(s),
  },
  {
    kind: 'none',
    matches: (s) => /by (product )?design|can (safely )?be ignored|^ignore (the|this) (error|message|event|warning)|no action is (required|needed|necessary)|is not designed to be|is not a bug|product limitation|^this is an? ([\w-]+ ){0,3}limitation\b|\b(confirm(ed|s)?|acknowledges?) this to be an? ([\w-]+ )?limitation\b|is (caused by )?a limitation (of|in)\b|no fix (is|will be)|will not be fixed|not planned|expected behavior|^(this|the) behavior is (expected|intended)\b|\b(works|working|functions|functioning) as (designed|intended)\b/i.test(s),
  },
  {
    kind: 'workaround',
    // ("Use one of the following workarounds:", "There are two possible workarounds", "Here are two workarounds": a
    // RESOLUTION that names its ways as workarounds goes around the problem; 53 archive RESOLUTIONs so led were read as
    // configuration.)
    matches: (s) =>
      /to work ?around|as a work ?around|work ?around (this|the) (problem|issue|behavior)|\b(the following|one possible|a possible|another possible|one) workaround\b|\bworkarounds? (is|are|for this)\b|\b((one|any|either|any one) of the following|following|two|three|four|several|some)( possible)?( \w+)? workarounds\b/i.test(s),
  },
  {
    kind: 'not-yet',
    matches: (s) => /researching this (problem|issue)|fix (to|for) this (problem|issue) is in development|will post (new |more )?information|investigating this (problem|issue)|(is|are) (still )?(under|being) investigat|as it becomes available/i.test(s),
  },
];

const SUMMARY_LIMIT = 300;

function clip(sentence: string): string {
  return sentence.length <= SUMMARY_LIMIT ? sentence : `${sentence.slice(0, SUMMARY_LIMIT - 3).trimEnd()}...`;
}

/** Words that may belong to a product name read backwards from "Service Pack" / "version". */
function isNameWord(word: string): boolean {
  // "FORTRAN PowerStation maintenance release version 1.0a": the release's kind is part of its name.
  // ("Visual C++, 32-bit edition, version 4.1": the edition is part of it, written small or not.)
  return /^[A-Z0-9(]/.test(word) || /^(latest|next|newest|most|recent|version|for|maintenance|release|editions?)$/.test(word);
}

/** The product-name words before `words[at]` (at most 8), leading "the"/"for" dropped. */
function nameBefore(words: readonly string[], at: number, alternatives = false): string[] {
  const name: string[] = [];
  for (let i = at - 1; i >= 0 && name.length < 8; i--) {
    const word = words[i] ?? '';
    // "Windows NT Workstation or Server version 4.0": one release of two editions, named between capitals.
    if (alternatives && /^(and|or)$/.test(word) && /^[A-Z]/.test(name[0] ?? '') && /^[A-Z][\w.+-]*$/.test(words[i - 1] ?? '')) {
      name.unshift(word);
      continue;
    }
    // "Creative Writer for the Macintosh": "the" after "for" is part of the product's name.
    if (word === 'the' && words[i - 1] === 'for' && name.length > 0) {
      name.unshift(word);
      continue;
    }
    // "Windows NT Server 4.0, Terminal Server Edition": an edition's comma belongs to the product name.
    const editionComma = /^[A-Z0-9][\w.]*,$/.test(word) && name.some((w) => /^Edition,?$/.test(w));
    // "... Terminal Server Edition, Service Pack 5", "Office 97 for Windows, Service Release 2": the comma before the pack.
    const packComma = i === at - 1 && /^[A-Z][\w.]*,$/.test(word) && /^service$/i.test(words[at] ?? '');
    if (!isNameWord(word) || (/[.,;:]$/.test(word) && word !== 'U.S.' && !editionComma && !packComma)) break;
    name.unshift(word);
  }
  // Sentence openers are capitalised but name nothing: "If SP4 is installed", "When Service Pack 2 ...".
  while (name.length > 0 && /^(the|for|in|apply|install|obtain|use|get|download|if|when|after|before|once|although|because|note|with|without|on|since|until|unless)$/i.test(name[0] ?? '')) name.shift();
  return name;
}

function stripPunctuation(word: string): string {
  return word.replace(/[.,;:)]+$/, '');
}

/** "the next Exchange Server 5.5 service pack" → "next Exchange Server 5.5 service pack"; "... Service Pack 4." → "... Service Pack 4". */
export function servicePackNamed(sentence: string): string | undefined {
  if (!/service (pack|release)|\bSP\d/i.test(sentence)) return undefined;
  const words = sentence.split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    if (!/^service$/i.test(words[i] ?? '') || !/^(pack|release)/i.test(words[i + 1] ?? '')) continue;
    const name = nameBefore(words, i);
    name.push(words[i] ?? '', stripPunctuation(words[i + 1] ?? ''));
    const number = words[i + 2] ?? '';
    if (!/[.,;:]$/.test(words[i + 1] ?? '') && /^\d+[a-z]?[.,;:)]*$/.test(number)) name.push(stripPunctuation(number));
    else if (!/[.,;:]$/.test(words[i + 1] ?? '') && number === 'for') name.push('for', ...productAfter(words, i + 3));
    return name.join(' ');
  }
  const sp = /\bSP(\d)\b/.exec(sentence);
  return sp ? `Service Pack ${sp[1]}` : undefined;
}

/** "Service Pack for Windows NT version 3.51." → the product words after "for" (at most 8, up to a sentence mark). */
function productAfter(words: readonly string[], from: number): string[] {
  const product: string[] = [];
  for (let i = from; i < words.length && product.length < 8; i++) {
    const word = words[i] ?? '';
    if (!isNameWord(word) && !/^(and|or)$/.test(word)) break;
    product.push(stripPunctuation(word));
    if (/[.,;:)]$/.test(word)) break;
  }
  return product;
}

/** "corrected in Microsoft FoxPro version 2.6 for Windows" → "Microsoft FoxPro version 2.6". */
export function versionNamed(sentence: string): string | undefined {
  const words = sentence.split(' ');
  // "Upgrade the X version 3.51 clients to X version 4.0": the version upgraded to, not the one upgraded from.
  const upgrade = words.findIndex((w) => /^upgrad/i.test(w));
  const to = upgrade === -1 ? -1 : words.findIndex((w, k) => k > upgrade && w === 'to' && words.slice(k + 1).some((v) => /^versions?$/i.test(v)));
  for (let i = Math.max(0, to); i < words.length - 1; i++) {
    if (!/^versions?$/i.test(words[i] ?? '') || !/^\d/.test(words[i + 1] ?? '')) continue;
    // "Microsoft Visual C++, 32-bit Edition, version 6.0": commas join the product, its edition and its version.
    const joined = words.map((w, k) => (k < i && k >= i - 4 && /,$/.test(w) && /^(versions?|\d+-bit|Edition,?)$/i.test(words[k + 1] ?? '') ? stripPunctuation(w) : w));
    const name = nameBefore(joined, i, true);
    // "resolved in version 3.5.4096 of MMFCLEAN.EXE": the product comes after the version.
    const of = name.length === 0 && !/[.,;:]$/.test(words[i + 1] ?? '') && words[i + 2] === 'of' ? productAfter(words, i + (words[i + 3] === 'the' ? 4 : 3)) : [];
    if (of.length > 0 && /^[A-Z]/.test(of[0] ?? '')) return [...of, words[i] ?? '', stripPunctuation(words[i + 1] ?? '')].join(' ');
    // "version 070723(the latest patch is cumulative)": the version ends where the aside starts.
    return [...name, words[i] ?? '', stripPunctuation((words[i + 1] ?? '').replace(/\(.*$/, ''))].join(' ');
  }
  return undefined;
}

export interface FixText {
  /** Collapsed text of RESOLUTION, STATUS and WORKAROUND (or the whole body when none exists). */
  prose: string;
  /** Collapsed WORKAROUND section text, when the article has one. */
  workaround: string;
  /** Collapsed RESOLUTION section text, when the article has one: a resolution with no stronger kind is a configuration change. */
  resolution?: string;
  /** Collapsed body, where hotfix package names (Q305399i.exe) are looked for. */
  body?: string;
  /** RESOLUTION and WORKAROUND as printed (cited titles kept), where numbered steps are counted. */
  stepsText?: { resolution: string; workaround: string };
}

/** Every "... Service Pack N" / "... SPn" / "... Service Release N" named in a sentence, product words kept. */
export function servicePacksNamed(sentence: string): string[] {
  const out: string[] = [];
  const words = sentence.split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i] ?? '';
    const sp = /^SP(\d[a-z]?)[.,;:)]*$/.exec(word);
    if (sp) {
      const name = nameBefore(words, i);
      if (name.length > 0 && /^[A-Z]/.test(name[0] ?? '')) out.push([...name, `SP${sp[1]}`].join(' '));
      continue;
    }
    if (!/^service$/i.test(word) || !/^(pack|release)/i.test(words[i + 1] ?? '')) continue;
    const name = nameBefore(words, i);
    // "Windows 95 OEM Service Release version 2.1": the word "version" may come between the pack and its number.
    const versioned = /^version$/i.test(words[i + 2] ?? '') && /^\d+\.\d+[a-z]?[.,;:)]*$/.test(words[i + 3] ?? '');
    const next = versioned ? (words[i + 3] ?? '') : (words[i + 2] ?? '');
    const numbered = !/[.,;:]$/.test(words[i + 1] ?? '') && (versioned || /^\d+(\.0)?[a-z]?[.,;:)]*$/.test(next));
    // "the latest service pack for Exchange Server" names no pack; "SNA Server 3.0 U.S. Service Pack" does.
    const product = name.filter((w) => !/^(latest|next|newest|most|recent)$/i.test(w));
    // Only a numbered pack is named ("service pack 3" too): "the latest Windows NT 4.0 U.S. Service Pack" is whichever is current.
    if (!numbered) continue;
    const full = [...product, word, stripPunctuation(words[i + 1] ?? '')];
    // "Windows NT 4.0 Service Pack 4.0" is Service Pack 4.
    if (numbered) full.push(stripPunctuation(next).replace(/^(\d+)\.0(?=[a-z]?$)/, '$1'));
    // "Service Pack 4 for Visual Studio 6.0": the product comes after the pack.
    // ("U.S. Service Pack 2 for SQL Server 6.5": "U.S." is the language, not the product.)
    if (!versioned && product.every((w) => w === 'U.S.') && !/[.,;:]$/.test(next) && words[i + 3] === 'for') {
      const after = productAfter(words, i + 4);
      if (after.length > 0 && /^[A-Z]/.test(after[0] ?? '')) full.push('for', ...after);
    }
    out.push(full.join(' '));
  }
  return out;
}

/**
 * A product named as fixing the problem ("fixed in the Microsoft FrontPage 2000 Server Extensions") or the
 * download that does ("download the latest version of DirectX"); service packs are read by servicePacksNamed.
 */
function productsNamed(sentence: string): string[] {
  const out: string[] = [];
  const fixedIn = /\b(?:fixed|corrected|resolved) (in|with|by) (?:the )?((?:Microsoft )?[A-Z][\w.+-]*(?: (?:[A-Z][\w.+-]*|\d[\w.]*(?:-\w+)?|'\d+|\.NET|for(?: the)?|and|or|&))*)/.exec(sentence);
  const name = fixedIn?.[2]?.replace(/[.,;:]+$/, '').replace(/ (and|or|for|&)$/, '');
  // Fixed "with"/"by" a name needs its number: "fixed with the Widget patch ..." names the patch, not "Widget".
  const numbered = fixedIn?.[1] === 'in' ? /\d|[A-Z]\w+ [A-Z]/ : /\d|\.NET/;
  // "corrected in Visual SourceSafe patch SSSCC.DLL ...": the product a patch is for does not carry it.
  const forPatch = fixedIn ? /^ (patch|driver|update|hotfix)\b/i.test(sentence.slice(fixedIn.index + fixedIn[0].length)) : false;
  if (name && !forPatch && !/service (pack|release)|\bSP\d|\bversions?\b/i.test(name) && numbered.test(name)) out.push(...releasesOf(name));
  const noLonger = /\b(?:no longer occurs|does not occur|[Tt]his is not a problem) (?:in|with) (?:the )?((?:Microsoft )?[A-Z][\w.+-]*(?: (?:[A-Z][\w.+-]*|\d[\w.]*))*)/.exec(sentence);
  const stillFixed = noLonger?.[1]?.replace(/[.,;:]+$/, '');
  // "does not occur in Windows 95" names a release; "does not occur in Windows" (any other product) names none.
  if (stillFixed && /\d/.test(stillFixed)) out.push(stillFixed);
  const upgradeThing = /^(?:you (?:can|should|must) )?[Uu]pgrade (?:the|your|all|each) (?:[\w-]+ ){0,3}to (?:the )?((?:Microsoft )?[A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,4} \d[\w.]*)/.exec(sentence)?.[1];
  if (upgradeThing) out.push(upgradeThing.replace(/[.,;:]+$/, ''));
  const upgradeTo = UPGRADE_TO.exec(sentence)?.[2];
  if (upgradeTo && !/service (pack|release)|\bSP\d/i.test(upgradeTo)) out.push(upgradeTo.replace(/[.,;:]+$/, ''));
  const latest = /\b(?:[Dd]ownload|[Oo]btain|[Ii]nstall|[Uu]pgrade to) (?:and install )?the ((?:latest|newest|current|updated) version of (?:Microsoft )?[A-Z][\w.+-]*(?: [A-Z][\w.+-]*)*)/.exec(sentence);
  // "Obtain the fixed version 2.78a of NTSweep" → "NTSweep version 2.78a".
  const fixedVersion = /\b(?:fixed|corrected|updated|newer) version (\d[\w.]*) of ((?:Microsoft )?[A-Z][\w.+-]*(?: [A-Z][\w.+-]*)*)/.exec(sentence);
  if (fixedVersion?.[1] && fixedVersion[2]) out.push(`${fixedVersion[2].replace(/[.,;:]+$/, '')} version ${fixedVersion[1].replace(/[.,;:]+$/, '')}`);
  if (latest?.[1]) out.push(latest[1].replace(/[.,;:]+$/, ''));
  const notReproduced = releaseAfter(sentence, NOT_REPRODUCED_IN);
  if (notReproduced) out.push(notReproduced);
  // A recommended release only with its version ("recommends using X version 7.1"): "recommends using EMM386.EXE
  // instead", "recommends that you use Method 1" name a tool or a way around, not a release to move to.
  const recommended = releaseAfter(sentence, RECOMMENDS_RELEASE);
  if (recommended && /\bversions? \d/i.test(recommended)) out.push(recommended);
  return out;
}

/**
 * The numbered release named right after `lead` ("not reproducible in", "recommends using"): "Microsoft Visual C++,
 * 32-bit Edition, version 4.0" (its name read back from "version"), "Windows 95"; none without a number
 * ("not reproducible with any other known file types", "could not be reproduced with NTBACKUP").
 */
function releaseAfter(sentence: string, lead: RegExp): string | undefined {
  const m = lead.exec(sentence);
  if (!m) return undefined;
  const rest = sentence.slice(m.index + m[0].length);
  // The version must belong to the name that follows, not to a later clause ("... with MS-DOS 5.0").
  const named = /^(?:Microsoft )?[A-Z][^.;:]{0,60}?\bversions? \d/.test(rest)
    ? versionNamed(rest)
    : /^((?:Microsoft )?[A-Z][\w.+-]*(?: (?:[A-Z][\w.+-]*|\d[\w.]*))*)/.exec(rest)?.[1];
  const name = named?.replace(/[.,;:]+$/, '');
  return name && /^[A-Z]/.test(name) && /\d/.test(name) ? name : undefined;
}

/** "MapPoint 2002 and Streets & Trips 2002": two releases, each numbered; "Word and Excel 97" stays one name. */
function releasesOf(name: string): string[] {
  const parts = name.split(/ (?:and|or) /);
  return parts.length > 1 && parts.every((p) => /^[A-Z]/.test(p) && /\d/.test(p)) ? parts : [name];
}

/** "fixes released after Service Pack 4", "post-SP4 hotfixes": the pack the listed fixes come after. */
function fixesAfter(prose: string): string | undefined {
  // Not "the post-Service Pack 2 (SP2) version of this fix": one fix built for that pack level, not a list after it.
  // A list is plural ("post-SP4 hotfixes"): "this post-SP3 hotfix" is the one fix the article offers, built on SP3.
  const m = /\b(?:post-?|released after |after )((?:[A-Z][\w.]*\s){0,5}?(?:Service Pack|SP)\s?\d[a-z]?)\b(?:(?!\bversion of\b)[^.]){0,40}\b(fixes|hotfixes|updates)\b/i.exec(prose) ??
    /\b(?:fix|fixes|hotfix|hotfixes|updates)\b[^.]{0,40}\b(?:released|available|created|made) after ((?:[A-Z][\w.]*\s){0,5}?(?:Service Pack|SP)\s?\d[a-z]?)\b/i.exec(prose);
  return m?.[1]?.replace(/^SP\s?/i, 'Service Pack ').trim();
}

/**
 * The status an article states outside a STATUS section ("Microsoft has confirmed this to be a problem in X.
 * This problem was corrected in Y." closing MORE INFORMATION): the confirmation and the two sentences after it.
 */
export function strayStatus(prose: string): string {
  const at = prose.search(/\bMicrosoft has confirmed (?:this|that this) (?:to be|is) (?:a|an) (?:problem|bug|issue)\b/);
  if (at === -1) return '';
  return splitSentences(withSentenceBreaks(prose.slice(at, at + 1200))).slice(0, 3).join(' ');
}

/**
 * "This is by design." said in CAUSE, in an article with no STATUS: its status, as if STATUS said it (the design stays,
 * so a WORKAROUND goes around it: none, also workaround). Not "This behavior is not by design".
 */
export function designStatus(cause: string): string {
  // (What the sentence says is by design is the behavior: "... is by design.", "By design, Word ...", "by design of Word";
  // not "two networks that are by design non-connected".)
  return splitSentences(cause).find((s) => /\bby (?:product )?design(?=[.,;:]|\s+(?:in|of|for|and|because|since)\b|$)/i.test(s) && !/\bnot by (?:product )?design\b/i.test(s)) ?? '';
}

/**
 * "... in Windows NT version 3.5 This problem was corrected in ...", "... version 4.0.This problem was ...": the
 * statement of the fix starts a sentence of its own even when the period before it is missing or glued on, so
 * that it is not read as part of "Microsoft has confirmed this to be a problem".
 */
export function withSentenceBreaks(text: string): string {
  const fixStatement = String.raw`(?:This|The) (?:problem|bug|issue|behavior) (?:was|has been|is|does not|no longer)\b`;
  return text.replace(new RegExp(String.raw`(\w)\.(?=${fixStatement})|([\w)]) (?=${fixStatement})`, 'g'), (_m, glued?: string, bare?: string) => `${glued ?? bare}. `);
}

/**
 * "ftp://.../fixes/usa/NT40 /hotfixes-postSP3/sfm-fix/": a path wrapped for readability is one path again
 * (else its first line's last folder reads as the fix's name).
 */
export function joinWrappedUrls(text: string): string {
  let out = text;
  // Wrapped before a slash ("NT40 /hotfixes-postSP3/") or after one ("usa/ nt40/hotfixes-postSP2/"; a folder, not a word).
  for (let i = 0; i < 3; i++) out = out.replace(/\b((?:ftp|https?):\/\/\S+?[\w-]) (\/[\w./-]+)|\b((?:ftp|https?):\/\/\S+\/) ([\w.-]+\/[\w./-]*)/g, (_m, a, b, c, d) => (a ? `${a}${b}` : `${c}${d}`));
  return out;
}

/** Self-extracting hotfix packages named after an article (Q248838engi.exe) and the update files a RESOLUTION says to download. */
function packagesNamed(fixProse: string, body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/\b(Q\d{5,7}[A-Za-z0-9_]{0,8}\.exe)\b/g)) out.push(m[1] ?? '');
  for (const sentence of splitSentences(fixProse)) {
    if (!/\bdownload|self-extracting|Software Library|\bftp\b|Download Center/i.test(sentence)) continue;
    // A name followed by its date, time or size is a row of the file table the package installs, not the package.
    // (Rows of a boxed table, "| Ss.exe | 396,048 |", too; but the row right after "The self-extracting EXE should be:" is the package.)
    // ("Download 266433i.exe now": a package named after its article may drop the Q.)
    for (const m of sentence.matchAll(/\b([A-Za-z][\w-]{1,30}\.exe|\d{5,7}[A-Za-z0-9_]{0,12}\.exe)\b(?!\s+(?:\|\s+)?(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}:\d\d|\d{1,3}(?:,\d{3})+|\d+ bytes|\d+(?:\.\d+){2,}))/g)) out.push(m[1] ?? '');
    for (const m of sentence.matchAll(/self-extracting (?:EXE|file|package)[^.]{0,20}?:[^.]*?\b([A-Za-z][\w-]{1,30}\.exe)\b/gi)) {
      if (!/\.(exe|dll|sys)\b/i.test(m[0].slice(0, m[0].length - (m[1] ?? '').length))) out.push(m[1] ?? '');
    }
    // ftp://.../hotfixes-postSP2/sfmsrv-fix: the fix's folder names it (fixFolder).
    for (const m of sentence.matchAll(/ftp:\/\/\S*?fixes\S*/gi)) {
      const folder = fixFolder(m[0]);
      if (folder) out.push(folder);
    }
  }
  return out;
}

/** Folders that sort fixes by platform or language (rules/fix-carrier.txt [platform-folder]): ".../IISUPD/x86/". */
const PLATFORM_FOLDER = new RegExp(String.raw`^${CARRIER_WORDS.alt('platform-folder')}$`, 'i');

/**
 * The folder that names a fix in its FTP path: the last one after the fixes folder, platform and language folders
 * passed over (".../fixes/usa/IISUPD/x86/" → IISUPD); none when that is a list of fixes ("hotfixes-postSP3") or the
 * path ends at the fixes or a platform folder (".../fixes/usa/").
 */
function fixFolder(path: string): string | undefined {
  // (A section's closing period may follow the path: ".../Msv1-fix/." names Msv1-fix.)
  const folders = path.replace(/^ftp:\/\/[^/]*/i, '').replace(/\/?\.$/, '/').split('/').filter((f) => f !== '');
  const fixes = folders.findIndex((f) => /fixes/i.test(f));
  for (let i = folders.length - 1; i > fixes; i--) {
    const folder = folders[i] ?? '';
    if (PLATFORM_FOLDER.test(folder)) continue;
    // (Only a folder's name: "(ftp://.../fixes/readme.txt)" in parentheses names a file to read, no fix.)
    return /^hotfixes-post/i.test(folder) || !/^\w[\w.-]*$/.test(folder) || /\.(txt|html?|asp|doc)$/i.test(folder) ? undefined : folder;
  }
  return undefined;
}

const REPRO_LEAD = /\b(to reproduce|reproduc(e|ing) (this|the) (problem|behavior|issue|error)|steps to reproduce|(can|may) be (observed|seen|reproduced|demonstrated) by)\b[^.]*$/i;

/** A procedure's numbered steps in collapsed text: how many (1, 2, 3... in order) and the first ones, shortened. */
export function numberedSteps(prose: string): { count: number; first: string[] } | undefined {
  const marks: { n: number; at: number; end: number }[] = [];
  let want = 1;
  let repro = false;
  let delimiter = '';
  // (A step starts with words: "Set the factor to 1. 5. Press ENTER" holds no step 1.)
  for (const m of prose.matchAll(/(?<=^|[\s:])(\d{1,2})[.)] (?=["'(A-Za-z_])/g)) {
    const n = Number(m[1]);
    // "the file you downloaded in step 1." refers to a step; it starts nothing ("follow these steps 1. ..." does).
    const before = prose.slice(Math.max(0, m.index - 24), m.index);
    if (/\bsteps?\s*$/i.test(before) && !/\b(these|following|the) steps\s*$/i.test(before)) continue;
    // "Method 1. Cancel the Error Message ... Method 2. Quote the Path": a numbered series of headings, not steps.
    // (Only a series: "...on active page 3. In the Deactivate code" and "Set the Row Height Option 1. Select" are steps.)
    const label = /\b(method|option|workaround|solution|scenario|case|part|phase|example)\s*$/i.exec(before)?.[1];
    if (label && new RegExp(String.raw`\b${label}\s+(${n + 1}|${n - 1})[.):]`, 'i').test(prose)) continue;
    // "Steps to Reproduce Behavior: 1. ..." shows the problem; it fixes nothing. Its steps are passed over.
    if (n === 1 && want === 1) repro = REPRO_LEAD.test(prose.slice(Math.max(0, m.index - 100), m.index));
    if (repro) continue;
    // "set the RowSourceType property to 1. Enter ...", "set this HEX value to 3. Choose OK": a value ending a
    // sentence, not a step.
    // (Not after "=": "DefaultRouting= 5. Save the file" ends a printed setting, and the step follows.)
    if (/\b(to|is|of|at|from|by|with|and|or|than|be|equals?)\s*$/i.test(before)) continue;
    // Steps keep the mark they start with: "(default: 1) UseWriteBehind" inside "1. 2. 3." steps is a value.
    const mark = m[0].charAt(m[1]?.length ?? 1);
    if (want > 1 && mark !== delimiter) continue;
    if (n === want) {
      if (n === 1) delimiter = mark;
      marks.push({ n, at: m.index, end: m.index + m[0].length });
      want++;
    } else if (n === 1 && want > 2) break;
  }
  if (marks.length < 2) return undefined;
  const first = marks.slice(0, 2).map((mark, i) => {
    const text = prose.slice(mark.end, marks[i + 1]?.at ?? prose.length).trim();
    return clipWords(text, 90);
  });
  return { count: marks.length, first };
}

function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The lead-in of a procedure without its first step number: "...follow these steps: 1." → "...follow these steps:". */
function withoutDanglingStep(sentence: string): string {
  return sentence.replace(/(?<=:)\s\d{1,2}[.)]$/, '').trim();
}

/** Each name once; a name inside a longer one ("... Service Pack 4" inside "... Service Pack 4 Hotfix Rollup Package") goes. */
function dedupe(names: readonly string[]): string[] {
  // "Word 97 SR-1" is "Word 97 Service Release 1" written short.
  const key = (name: string) =>
    name.toLowerCase().replace(/^(the|microsoft) /g, '').replace(/\bsr-?(\d)/g, 'service release $1').replace(/\bsp(\d)/g, 'service pack $1');
  const out: string[] = [];
  for (const name of names) {
    if (!name || out.some((o) => key(o) === key(name))) continue;
    out.push(name);
  }
  // Inside as a word: "Q280119i.exe" is no part of "Czeq280119i.exe" (the Czech package).
  const inside = (outer: string, inner: string) => outer !== inner && ` ${outer}`.includes(` ${inner}`);
  return out.filter((name) => !out.some((o) => o !== name && inside(key(o), key(name))));
}

/** "There is no known workaround at this time.", "Currently, there is no resolution.": no fix stated. */
const NO_FIX = /^(?:(?:currently|at this time|unfortunately),? )?there (?:is|are) (?:currently )?no (?:known )?(?:resolution|workaround|fix|solution)s?\b/i;

/** "This problem has been fixed in ...", "this problem has been resolved in Exchange 2000": the problem itself is fixed there. */
// (Not "until this bug is fixed in Posting Acceptor": a fix to come.)
const FIXED_THERE = /(?<!\b(until|unless|when|once|if|before|after) )\b(this|the) (problem|bug|issue) (has been|was|is) (first )?(fixed|corrected|resolved) in\b/i;

/** "was fixed in", "has been corrected in" said of anything (not "has not been fixed in"). */
const FIXED_THERE_ANY = /\b(was|were|has been|have been|is|are) (first )?(fixed|corrected|resolved) in\b/i;

/** A step that (re)applies a pack, saying nothing of what it fixes. */
const PACK_STEP = /^(?:re-?)?(?:apply|install)\b(?!.*\b(?:correct|fix|resolv)).{0,120}?\b(?:service pack|SP ?\d)/i;

/** The STATUS of a bug: "Microsoft has confirmed this to be a bug in the Microsoft products listed ...". */
const CONFIRMED_BUG = /\bconfirmed (?:this|that this) to be an? (?:bug|problem)\b/i;

/** A step number read as a sentence of its own ("1."): it sums up nothing. */
const BARE_STEP = /^\d{1,2}[.)]?$/;

const BOILERPLATE = /Registry Editor incorrectly|programming examples for illustration only|without warranty either expressed or implied|at your own risk|cannot guarantee that (any )?problems|how to edit the registry|(back up|restore) the registry|before you (modify|edit) (it|the registry)/i;

/** The kinds that name a released fix (precedence 1). */
const RELEASES: ReadonlySet<FixKind> = new Set(['service-pack', 'hotfix', 'update', 'upgrade']);

/** A sentence that says what it names fixes the problem: "To resolve this problem, upgrade to ...", "fixed in SP2". */
const SAYS_IT_FIXES = /\b(resolv|correct|fix|eliminat|prevent)\w*\b/i;

/** A RESOLUTION that says it removes the problem: "To correct this problem, ...", "... resolves the problem". */
const REMOVES_PROBLEM = /(?<!\bnot )\b(resolves?|corrects?|fixes|prevents?|eliminates?) (the|this) (problem|issue|behavior|error)\b|\bto (resolve|correct|fix|prevent) (the|this) (problem|issue|behavior|error)\b|\bthe (problem|error|behavior) (no longer occurs|goes away|does not (occur|recur))\b/i;

/**
 * A RESOLUTION that changes a setting ("Change the Display=1 setting to Display=0", "clear the check box", a
 * registry value). Not any "set X to": "When you set the Format property to dtpCustom, you must ..." is how a
 * program meets the bug; nor "setting" as a verb ("Instead of setting the text property, ..."); nor "option":
 * "choose the Safe Recovery option", "more option tabs" went around the problem in 5 of 6 archive articles checked.
 */
const CHANGES_SETTING = /\b(settings?\b(?! (the|a|an|it|its|your|up)\b)|check ?box|registry)/i;

/**
 * "query on the following word ... (without the spaces): S E R V P A C K" ends its sentence even when no period
 * follows, else the letters read as the start of a pack named next ("S E R V P A C K In Exchange Service Pack 4").
 */
function endQueryWord(text: string): string {
  return text.replace(/\bS E R V P A C K\b(?!\.)(?=\s+\S)/g, 'S E R V P A C K.');
}

export function classifyFix({ prose, workaround, resolution = '', body = '', stepsText }: FixText): Fix {
  const cleanProse = withSentenceBreaks(joinWrappedUrls(endQueryWord(prose)));
  // (A sentence may run on into the next section when the section ends without a period: compare its start.)
  const inWorkaround = (sentence: string) => workaround !== '' && workaround.includes(sentence.slice(0, 60));
  const workaroundOpening = splitSentences(workaround)[0] ?? '';
  const sentences = splitSentences(cleanProse);
  const found = new Map<number, string>();
  // Releases said to fix the problem as well ("This problem is also corrected by installing Service Pack 3"): they
  // follow the article's other fix, whatever their rank (and are its fix only when it states no other).
  const besides = new Map<number, string>();
  for (const [at, sentence] of sentences.entries()) {
    // A pack applied as a later step of a procedure ("9. Apply the latest service pack") is put back after the
    // procedure reinstalled a component: the procedure is the fix, not the pack.
    const packStep = PACK_STEP.test(sentence) && /^([2-9]|\d\d)[.)]$/.test(sentences[at - 1] ?? '');
    // The registry-editing disclaimer states no fix; "There is no workaround for this problem" states none to take
    // (though it may go on: "...; this is a limitation of Notepad").
    if (BOILERPLATE.test(sentence)) continue;
    const noFix = NO_FIX.test(sentence);
    for (let rank = 0; rank < RULES.length; rank++) {
      const rule = RULES[rank];
      if (noFix && (rule?.kind === 'workaround' || rule?.kind === 'configuration')) continue;
      if (packStep && rule?.kind === 'service-pack') continue;
      // Steps of a WORKAROUND (a registry change among them) are the workaround, not a resolution (its last one too,
      // run on into a status said after it).
      if (rule?.kind === 'configuration' && inWorkaround(sentence)) continue;
      // ...and so is a release it has the reader fetch on the way, unless the sentence says it fixes the problem (1.).
      // (The WORKAROUND's first sentence says what the workaround is: "To work around this problem, apply the latest
      // service pack" names the pack as the way out, a fix.)
      if (RELEASES.has(rule?.kind ?? 'unknown') && inWorkaround(sentence) && !workaroundOpening.startsWith(sentence.slice(0, 60)) && !SAYS_IT_FIXES.test(sentence)) continue;
      if (found.has(rank) || !rule?.matches(sentence)) continue;
      if (RELEASES.has(rule.kind) && ALSO_FIXED.test(sentence)) {
        if (!besides.has(rank)) besides.set(rank, sentence);
      } else found.set(rank, sentence);
    }
  }
  const rankOf = (kind: FixKind) => RULES.findIndex((r) => r.kind === kind);
  const stronger = [...found.keys()].some((r) => r < rankOf('configuration'));
  // A RESOLUTION that names no pack, fix, download or upgrade is itself the fix: a setting, a change, steps.
  // ...unless the RESOLUTION itself says it works around the problem, or that nothing is to be done.
  // (A sentence may run on into the next section when the section ends without a period: compare its start.)
  const saidInResolution = (kind: FixKind) => found.has(rankOf(kind)) && resolution.includes((found.get(rankOf(kind)) ?? '\u0000').slice(0, 60));
  // "There is no resolution to this problem." alone resolves nothing; what such a section goes on to advise
  // (with the problem left in place) goes around it.
  const resolutionSaid = splitSentences(resolution);
  const noResolution = resolutionSaid.length > 0 && NO_FIX.test(resolutionSaid[0] ?? '');
  // (A section that runs into the footer, "Keywords : ...", says no more than its words.)
  const resolutionRest = resolutionSaid.filter((s) => !NO_FIX.test(s) && !BOILERPLATE.test(s) && !BARE_STEP.test(s) && !/^(Keywords|Technology|Version|Issue type)\s*:/.test(s));
  // Whether the configuration is the RESOLUTION read as the fix for want of anything else said (not a registry
  // change or "To resolve this problem, ..." it states as one).
  let resolutionAsFix = false;
  if (resolution && !stronger && !found.has(rankOf('configuration')) && !saidInResolution('workaround') && !saidInResolution('none') && !/^(none|n\/a)\.?$/i.test(resolution) && !(noResolution && resolutionRest.length === 0)) {
    const said = resolutionSaid.filter((s) => !NO_FIX.test(s));
    const plain = said.filter((s) => !BOILERPLATE.test(s));
    // A bare step number ("1.") says nothing: the first sentence with words stands for the RESOLUTION.
    const worded = plain.filter((s) => !BARE_STEP.test(s));
    const lead = worded.find((s) => /\b(to (resolve|correct|fix)|follow these|the following (steps|procedure)|do the following)\b/i.test(s)) ?? worded[0] ?? plain[0] ?? said[0] ?? resolution;
    if (noResolution) {
      if (!found.has(rankOf('workaround'))) found.set(rankOf('workaround'), lead);
    } else {
      found.set(rankOf('configuration'), lead);
      resolutionAsFix = true;
    }
  }
  if (workaround && !found.has(rankOf('workaround'))) {
    const said = splitSentences(workaround).filter((s) => !NO_FIX.test(s));
    if (said.length > 0) found.set(rankOf('workaround'), said.find((s) => !BARE_STEP.test(s)) ?? said[0] ?? workaround);
  }
  if (found.size === 0 && !resolution && !workaround) {
    // No fix section: a procedure in the article (MORE INFORMATION) is how the problem is resolved.
    const lead = sentences.find((s) => /follow these steps|do the following|use the following (steps|procedure)|:\s1\.$/i.test(s));
    if (lead && numberedSteps(cleanProse)) found.set(rankOf('configuration'), lead);
  }
  // A fix still to come ("We are researching this problem") means the problem remains: what the RESOLUTION has
  // the reader do meanwhile goes around it.
  // (Said in STATUS, or in SYMPTOMS when the article has no STATUS.)
  const notYet = found.has(rankOf('not-yet')) || (body !== '' && (RULES[rankOf('not-yet')]?.matches(body) ?? false));
  // So does a confirmed bug no fix is named for: what a RESOLUTION has the reader do instead ("Use a Variant",
  // "Do not reference the argument") leaves the bug in place, unless it says it resolves it or changes a setting.
  const bugRemains = resolutionAsFix && !found.has(rankOf('none')) && CONFIRMED_BUG.test(cleanProse);
  // (4.) ...unless the RESOLUTION removes the problem itself: it says so, changes a setting, or is a procedure.
  // (A numbered procedure alone does not say so: "Follow this procedure to modify the generated code" goes around a bug.)
  const removesItself = REMOVES_PROBLEM.test(resolution) || CHANGES_SETTING.test(resolution);
  // (2.) A RESOLUTION that opens "To work around this problem" states its settings as the way around.
  const resolutionLead = resolutionSaid.find((s) => !NO_FIX.test(s) && !BOILERPLATE.test(s) && !BARE_STEP.test(s)) ?? '';
  const worksAround = RULES[rankOf('workaround')]?.matches(resolutionLead) ?? false;
  if ((worksAround || ((notYet || bugRemains) && !removesItself)) && found.has(rankOf('configuration')) && !stronger) {
    if (!found.has(rankOf('workaround'))) found.set(rankOf('workaround'), found.get(rankOf('configuration')) ?? '');
    found.delete(rankOf('configuration'));
  }
  if (found.size === 0) for (const [rank, sentence] of besides) found.set(rank, sentence);
  const ranks = [...found.keys()].sort((a, b) => a - b);
  ranks.push(...[...besides.keys()].filter((r) => !ranks.includes(r)).sort((a, b) => a - b));
  // A download offered before a hotfix (a security patch for one product, a hotfix for another) is the article's
  // first answer: the update leads.
  const at = (kind: FixKind) => sentences.indexOf(found.get(rankOf(kind)) ?? '\u0000');
  if (found.has(rankOf('update')) && ranks[0] === rankOf('hotfix') && at('update') !== -1 && at('update') < at('hotfix')) {
    ranks.splice(ranks.indexOf(rankOf('update')), 1);
    ranks.unshift(rankOf('update'));
  }
  const best = ranks[0];
  const kind: FixKind = best === undefined ? 'unknown' : (RULES[best]?.kind ?? 'unknown');
  const also = ranks.slice(1).map((r) => RULES[r]?.kind).filter((k): k is FixKind => k !== undefined);

  // ("These files are not installed by Setup", "this fix is not included in SP3": a pack said not to carry it;
  // not "apply SP1 even though Exchange is not installed on this computer".)
  const fixSentences = sentences.filter(
    (s) =>
      // (Tested apart: "cannot be reproduced in X 4.0" names the release it does not occur in.)
      NOT_REPRODUCED_IN.test(s) || RECOMMENDS_RELEASE.test(s) ||
      (/correct|fixed|released to fix|resolv|includ|contain|obtain|install|apply|wait for|upgrade|no longer (occurs|created|loaded|happens|appears|a problem)|does not occur in|is not a problem (in|with)/i.test(s) && !/uninstall|cannot|can.t|remove|\b(is|are|was|were) not (automatically )?(installed|included|contained) (in|by|with)\b/i.test(s)),
  );
  const packs = fixSentences.map(servicePackNamed).filter((name) => name !== undefined);
  const servicePack = packs.find((name) => /(pack|release) \d+$/i.test(name)) ?? packs[0];
  const upgradeSentences = fixSentences.filter((s) => RULES[rankOf('upgrade')]?.matches(s));
  const version = firstOf(upgradeSentences, versionNamed);
  const after = fixesAfter(cleanProse.replace(/\b(ftp|https?):\/\/\S+/g, ' '));
  // Not carriers: the versions a fix is for ("Updates to SNA Server versions 2.11, 2.11 Service Pack 1 ... are
  // available"), packs to reapply, and prerequisites ("Service Pack 2 must be installed before you install this fix").
  // Nor what a WORKAROUND names: the problem remains, so a pack it mentions (as a heading or a source of files) carries no fix.
  // A RESOLUTION that opens "To work around the problem, ..." lists ways around it, not what fixes it.
  const aroundText = `${workaround} ${RULES[rankOf('workaround')]?.matches(splitSentences(resolution)[0] ?? '') ? resolution : ''}`.trim();
  // (Unless the sentence says the problem itself is fixed there: "WORKAROUND: This problem has been fixed in Windows NT 4.0
  // Service Pack 2 and later.")
  // A sentence saying a release did not fix it names no carrier... unless it says, too, where it was fixed ("fixed in
  // Visual C++ 2.2, but has not been fixed in the 16-bit version"), or it is the condition for a next step ("If this
  // does not fix the problem, install Service Pack 2").
  const saysNotFixed = (s: string) => NOT_FIXED.test(s) && !FIXED_THERE_ANY.test(s) && !/^if\b/i.test(s);
  const inWorkaroundOnly = (s: string) =>
    aroundText !== '' && !FIXED_THERE.test(s) && aroundText.includes(s.slice(0, 60)) && !(resolution && resolution.includes(s.slice(0, 60)) && !aroundText.includes(resolution.slice(0, 60)));
  const carrierSentences = fixSentences.filter(
    (s) => !AFFECTED.test(s) && !inWorkaroundOnly(s) && !CONDITION.test(s) && !saysNotFixed(s) && !/\b(re-?apply|re-?install)|even if (it|you) (was|were|has|have) (already )?(been )?(applied|installed)|must be (installed|applied)\b.{0,60}?\b(before|first|prior to)|prerequisite|\bversions [\d.]+,|\bwithout (?:[\w-]+ |\d+\.\d+ ){0,6}(service pack|SP ?\d)|\bcan be (installed|applied) on (systems|computers|servers) (that are )?running\b/i.test(s),
  );
  const carriers = dedupe([
    ...carrierSentences.flatMap(servicePacksNamed),
    ...carrierSentences.flatMap(productsNamed),
    ...carrierSentences.flatMap((s) => [...s.matchAll(/((?:[A-Z][\w.]*\s)(?:[A-Z0-9][\w.]*(?:,(?= Terminal Server| Security Rollup))?\s){0,10}(?:Hotfix|Security) Rollup Package(?: \(\w+\))?)/g)].map((m) => (m[1] ?? '').trim())),
    ...(version && carrierSentences.some((s) => versionNamed(s) === version) ? [version] : []),
    ...packagesNamed(cleanProse, joinWrappedUrls(body)),
  ]).filter((c, _i, all) => !(after && sameName(c, after)) && !repeatsNumberedRelease(c, all));
  const raw = stepsText ?? { resolution, workaround };
  const source = kind === 'workaround' && raw.workaround ? raw.workaround : kind === 'configuration' && raw.resolution ? raw.resolution : raw.resolution || raw.workaround;
  // A hotfix's installation procedure is often printed after the RESOLUTION ("To install the hotfix, ...").
  const install = ['hotfix', 'update'].includes(kind) ? /\bto install (the|this) (hot)?fix\b/i.exec(body) : null;
  const steps = numberedSteps(source) ?? numberedSteps(cleanProse) ?? (install ? numberedSteps(body.slice(install.index, install.index + 20_000)) : undefined);
  const summary = best === undefined ? '' : clip(withoutDanglingStep(found.get(best) ?? ''));
  return {
    kind,
    summary,
    ...(servicePack ? { servicePack } : {}),
    ...(version ? { version } : {}),
    ...(also.length > 0 ? { also } : {}),
    carriers,
    ...(after ? { after } : {}),
    ...(steps ? { steps } : {}),
  };
}

/** "current version of Windows": a release named by no number (rules/fix-carrier.txt [unnamed-release]); its product. */
const UNNAMED_RELEASE = new RegExp(String.raw`^${CARRIER_WORDS.alt('unnamed-release')} versions? of (?:the )?(?:Microsoft )?([\w.+-]+)`, 'i');

/**
 * "This problem no longer occurs in Windows 98. To resolve this problem, install the current version of Windows.": the
 * unnumbered release is the numbered one said again, not a second carrier.
 */
function repeatsNumberedRelease(carrier: string, carriers: readonly string[]): boolean {
  const product = UNNAMED_RELEASE.exec(carrier)?.[1]?.toLowerCase();
  return product !== undefined && carriers.some((c) => c !== carrier && /\d/.test(c) && c.toLowerCase().split(/\s+/).includes(product));
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\bsp ?(\d)/g, 'service pack $1').replace(/[^a-z0-9]+/g, ' ').trim();
  return norm(a).endsWith(norm(b)) || norm(b).endsWith(norm(a));
}

function firstOf(sentences: readonly string[], read: (s: string) => string | undefined): string | undefined {
  for (const s of sentences) {
    const found = read(s);
    if (found) return found;
  }
  return undefined;
}
