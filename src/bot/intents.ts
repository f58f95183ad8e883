/**
 * Follow-up questions in a thread the bot answered, recognised from plain words. The table is data:
 * each intent lists phrases (one or more whole words, matched case-insensitively); the intent with the
 * most phrase hits wins, ties going to the earlier row. A reported file version always means a version
 * check, and a bare platform name ("alpha?", "i386") means files for that platform.
 *
 * People chat in threads, so text is only taken as a question when it is addressed to the bot, asks
 * (has a "?"), or is short (at most SHORT_MESSAGE_WORDS words); anything else stays unanswered.
 */
import { platformAlias } from '../reply/index.js';

export type FollowupIntent = 'version' | 'rollback' | 'files' | 'fix' | 'others' | 'related' | 'why' | 'article' | 'help';

export interface IntentRow {
  intent: Exclude<FollowupIntent, 'version'>;
  phrases: readonly string[];
}

export const INTENT_TABLE: readonly IntentRow[] = [
  { intent: 'rollback', phrases: ['roll back', 'rollback', 'rolling back', 'revert', 'uninstall', 'downgrade', 'go back', 'back out', 'remove the fix', 'remove the hotfix'] },
  { intent: 'files', phrases: ['file', 'files', 'binaries', 'binary', 'dll', 'dlls', 'exe', 'file versions', 'download', 'package', 'packages'] },
  { intent: 'fix', phrases: ['fix', 'fixed', 'fixes', 'hotfix', 'service pack', 'sp', 'patch', 'resolution', 'resolved', 'workaround', 'solution', 'update'] },
  { intent: 'others', phrases: ['other candidates', 'other matches', 'alternatives', 'alternative', 'candidates', 'other options', 'something else', 'not it', 'next one'] },
  { intent: 'related', phrases: ['related', 'see also', 'other articles', 'similar articles', 'similar', 'references'] },
  { intent: 'why', phrases: ['why', 'explain', 'how sure', 'confidence', 'matched on'] },
  { intent: 'article', phrases: ['cause', 'causes', 'details', 'article', 'summary', 'link', 'symptoms'] },
  { intent: 'help', phrases: ['help', 'what can you do', 'commands'] },
];

export const SHORT_MESSAGE_WORDS = 6;

export interface DetectedIntent {
  intent: FollowupIntent;
  /** Canonical platform named in the question ("alpha", "i386"), if any. */
  platform?: string;
}

/** Lower-case words; `sp4` counts as `sp`, so "is it in SP4?" asks about the service pack. */
export function words(text: string): string[] {
  return text
    .slice(0, 2000)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => (/^sp\d{1,2}$/.test(w) ? 'sp' : w));
}

function countPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  let hits = 0;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let all = true;
    for (let j = 0; j < phrase.length && all; j++) all = tokens[i + j] === phrase[j];
    if (all) hits++;
  }
  return hits;
}

const SPLIT_TABLE = INTENT_TABLE.map((row) => ({ intent: row.intent, phrases: row.phrases.map((p) => p.split(' ')) }));

/** The follow-up a message asks, or undefined when it asks none of them (then the bot stays silent). */
export function detectIntent(text: string, options: { hasVersion: boolean; addressed: boolean }): DetectedIntent | undefined {
  const tokens = words(text);
  const platform = tokens.map(platformAlias).find((p) => p !== undefined);
  const asks = options.addressed || text.includes('?') || tokens.length <= SHORT_MESSAGE_WORDS;
  if (options.hasVersion) return { intent: 'version', ...(platform ? { platform } : {}) };
  if (!asks) return undefined;
  let best: IntentRow['intent'] | undefined;
  let bestHits = 0;
  for (const row of SPLIT_TABLE) {
    const hits = row.phrases.reduce((sum, p) => sum + countPhrase(tokens, p), 0);
    if (hits > bestHits) {
      best = row.intent;
      bestHits = hits;
    }
  }
  if (best === undefined && platform !== undefined) best = 'files';
  if (best === undefined) return undefined;
  return { intent: best, ...(platform ? { platform } : {}) };
}
