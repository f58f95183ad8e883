/** What every listener is given: the bot, state, thread memory, logger and snippet reader. */
import type { Bot, Knowledge } from '../bot/index.js';
import type { TeamStore } from '../store/team.js';
import type { EditorPolicy } from './editors.js';
import type { Logger } from '../log.js';
import type { StateStore } from '../state/types.js';
import type { RetryPolicy } from './web-api-policy.js';
import type { SnippetReader } from './snippets.js';
import type { ThreadMemory } from './threads.js';

export interface ListenerDeps {
  bot: Bot;
  state: StateStore;
  threads: ThreadMemory;
  logger: Logger;
  snippets: SnippetReader;
  /** Owed-work ids this process is answering right now: the background replay leaves them alone. */
  answering?: Set<string>;
  /** Tests and benches shorten the outage timings: the replies' Web API retry policy, the first deferral. */
  outageTuning?: OutageTuning;
  /** The team store (recording known issues, votes); absent, those buttons and commands say it is not set up. */
  team?: TeamDeps;
}

export interface OutageTuning {
  webApi?: Partial<RetryPolicy>;
  firstDeferMs?: number;
}

export interface TeamDeps {
  store: TeamStore;
  /** Re-reads the team store and swaps the new layer in (after a write here; other instances poll). */
  refresh(): Promise<void>;
  /** Who may record, edit and retire (KBBOT_EDITORS). */
  editors: EditorPolicy;
  /** What the bot knows right now (to check an answer someone names). */
  knowledge(): Knowledge;
}

/**
 * Claims exist to recognise Slack's redeliveries: it retries an event at most three times, at once, after
 * one minute and after five, so every retry arrives within about six minutes. Ten minutes covers them with
 * room to spare; kept longer, claims only cost memory (the file state holds them in process).
 */
export const DEDUPE_TTL_MS = 10 * 60 * 1000;

/**
 * True only the first time any of these deliveries is seen: the event id (same across Slack's retries)
 * and the message's channel+ts (same for `message` and `app_mention` of one message). A retry whose first
 * delivery never arrived holds no claim yet, so it is answered.
 */
export async function isFirstDelivery(state: StateStore, eventId: unknown, channel: string, ts: string | undefined): Promise<boolean> {
  if (typeof eventId === 'string' && !(await state.claim(`event:${eventId}`, DEDUPE_TTL_MS))) return false;
  if (ts !== undefined && !(await state.claim(`msg:${channel}:${ts}`, DEDUPE_TTL_MS))) return false;
  return true;
}
