/**
 * Fix availability from the RESOLUTION, STATUS and WORKAROUND text (survey §6). Each kind has its
 * phrasings; the strongest kind found wins (hotfix > service pack > update > upgrade > workaround > none).
 * The service pack or product version the article names is captured whatever the kind.
 */
import type { Fix, FixKind } from '../model.js';
import { splitSentences } from './text.js';

interface KindRule {
  kind: FixKind;
  matches(sentence: string): boolean;
}

const RULES: readonly KindRule[] = [
  {
    kind: 'hotfix',
    matches: (s) =>
      /supported (hot)?fix is (now )?available|available as a hotfix|obtain the hotfix|hotfix is (now )?available|Product Support Services to obtain the (hot)?fix/i.test(s),
  },
  {
    kind: 'service-pack',
    matches: (s) =>
      (/\bservice (pack|release)\b|\bSP\d\b|\bSR-?\d\b/i.test(s) && /correct|fixed|resolv|includ|obtain|install|apply|contain|wait for|upgrade to/i.test(s)) ||
      /S E R V P A C K/.test(s),
  },
  {
    kind: 'update',
    matches: (s) => /\bdownload|software update|updated driver/i.test(s) || /ftp\.microsoft\.com|Software Library|Windows Update\b/.test(s),
  },
  {
    kind: 'upgrade',
    matches: (s) =>
      /(corrected|fixed|resolved) in .{0,80}\bversions? \d/i.test(s) ||
      /upgrade to (version|the (latest|current|new) version)|no longer occurs in|does not occur in .{0,60}\d/i.test(s),
  },
  { kind: 'workaround', matches: (s) => /to work ?around|as a work ?around/i.test(s) },
  {
    kind: 'none',
    matches: (s) => /by design|researching this problem|is not a bug|product limitation|no fix (is|will be)|will not be fixed|not planned/i.test(s),
  },
];

const SUMMARY_LIMIT = 300;

function clip(sentence: string): string {
  return sentence.length <= SUMMARY_LIMIT ? sentence : `${sentence.slice(0, SUMMARY_LIMIT - 3).trimEnd()}...`;
}

/** Words that may belong to a product name read backwards from "Service Pack" / "version". */
function isNameWord(word: string): boolean {
  return /^[A-Z0-9(]/.test(word) || /^(latest|next|newest|most|recent|version|for)$/.test(word);
}

/** The product-name words before `words[at]` (at most 8), leading "the"/"for" dropped. */
function nameBefore(words: readonly string[], at: number): string[] {
  const name: string[] = [];
  for (let i = at - 1; i >= 0 && name.length < 8; i--) {
    const word = words[i] ?? '';
    if (!isNameWord(word) || (/[.,;:]$/.test(word) && word !== 'U.S.')) break;
    name.unshift(word);
  }
  while (name.length > 0 && /^(the|for|in|apply|install|obtain|use|get|download)$/i.test(name[0] ?? '')) name.shift();
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
    if (!/[.,;:]$/.test(words[i + 1] ?? '') && /^\d+[.,;:)]*$/.test(number)) name.push(stripPunctuation(number));
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
  for (let i = 0; i < words.length - 1; i++) {
    if (!/^versions?$/i.test(words[i] ?? '') || !/^\d/.test(words[i + 1] ?? '')) continue;
    return [...nameBefore(words, i), words[i] ?? '', stripPunctuation(words[i + 1] ?? '')].join(' ');
  }
  return undefined;
}

export interface FixText {
  /** Collapsed text of RESOLUTION, STATUS and WORKAROUND (or the whole body when none exists). */
  prose: string;
  /** Collapsed WORKAROUND section text, when the article has one. */
  workaround: string;
}

export function classifyFix({ prose, workaround }: FixText): Fix {
  const sentences = splitSentences(prose);
  // Rules that match nowhere in the prose need not be tried sentence by sentence.
  const live = RULES.map((rule) => rule.matches(prose));
  let best: { rank: number; sentence: string } | undefined;
  for (const sentence of sentences) {
    const rank = RULES.findIndex((rule, i) => live[i] === true && rule.matches(sentence));
    if (rank !== -1 && (best === undefined || rank < best.rank)) best = { rank, sentence };
  }
  const workaroundRank = RULES.findIndex((r) => r.kind === 'workaround');
  if (workaround && (best === undefined || best.rank > workaroundRank)) {
    best = { rank: workaroundRank, sentence: splitSentences(workaround)[0] ?? workaround };
  }
  const fixSentences = sentences.filter((s) => /correct|fixed|resolv|includ|contain|obtain|install|apply|wait for|upgrade|no longer occurs/i.test(s) && !/uninstall|cannot|can.t|remove/i.test(s));
  const packs = fixSentences.map(servicePackNamed).filter((name) => name !== undefined);
  const servicePack = packs.find((name) => /(pack|release) \d+$/i.test(name)) ?? packs[0];
  const version = firstOf(
    fixSentences.filter((s) => RULES[3]?.matches(s)),
    versionNamed,
  );
  return {
    kind: best ? (RULES[best.rank]?.kind ?? 'unknown') : 'unknown',
    summary: best ? clip(best.sentence) : '',
    ...(servicePack ? { servicePack } : {}),
    ...(version ? { version } : {}),
  };
}

function firstOf(sentences: readonly string[], read: (s: string) => string | undefined): string | undefined {
  for (const s of sentences) {
    const found = read(s);
    if (found) return found;
  }
  return undefined;
}
