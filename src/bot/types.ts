import type { KbId, Signature, ThreadMatch } from '../model.js';
import type { MatchIndex, VoteBook } from '../match/index.js';
import type { Reply } from '../reply/index.js';
import type { FollowupIntent } from './intents.js';

/** What the bot knows, read through a getter on every answer: the store can be swapped while running. */
export interface Knowledge {
  /** Every signature the bot can show: bundled, archive and (when layered) the team's, retired ones too. */
  signatures: ReadonlyMap<KbId, Signature>;
  /** The store's index (bundled + archive). */
  index: MatchIndex;
  /** The team store's layer, searched beside `index` (see layerKnowledge). */
  team?: TeamLayer;
}

/** The team's known issues and feedback, rebuilt on every change (small); see buildTeamLayer. */
export interface TeamLayer {
  /** Team signatures by id, retired ones included. */
  signatures: ReadonlyMap<KbId, Signature>;
  /** Index of the live (not retired) team signatures. */
  index: MatchIndex;
  /** Votes per crash fingerprint. */
  votes: VoteBook;
}

export type ChannelType = 'channel' | 'group' | 'im' | 'mpim';

export interface MessageInput {
  /** The message text as Slack delivers it (entities escaped), snippets and rich_text already joined in. */
  text: string;
  channelType: ChannelType;
  /** The bot was @-mentioned: answer even when nothing is known. */
  isMention: boolean;
  channel: string;
  /** The thread the answer goes to: the message's `thread_ts`, else its own `ts`. */
  threadTs: string;
  /** What the bot remembers about this thread, when it answered in it before. */
  threadMatch?: ThreadMatch;
  /** The message was edited: answer again (the adapter updates its reply) even if already announced. */
  isEdit?: boolean;
}

export type AnswerKind = 'match' | 'possible' | 'none' | 'article' | 'followup' | 'silent' | 'search' | 'help' | 'notice';

/**
 * How the adapter delivers the replies: `thread` (a reply in the thread), `ephemeral` (only the
 * person who asked sees it), `replace` (chat.update the bot's reply, `threadMatch.replyTs`) or
 * `channel` (post the shared /kb answer in the channel).
 */
export type Delivery = 'thread' | 'ephemeral' | 'replace' | 'channel';

/** Side effects the adapter applies (state lives there): channel mutes and recorded feedback. */
export type BotEffect =
  | { kind: 'mute' }
  | { kind: 'unmute' }
  | { kind: 'feedback'; kb: KbId; verdict: 'right' | 'wrong' }
  /** `/kb edit KI-3`: open the record modal on it (the adapter checks who may). */
  | { kind: 'edit'; id: KbId }
  /** `/kb retire KI-3` (or `unretire`): stop (or resume) matching it, keeping it for history. */
  | { kind: 'retire'; id: KbId; retired: boolean };

export interface BotAnswer {
  kind: AnswerKind;
  /** Empty when silent; otherwise one reply (the bot posts at most one per message). */
  replies: Reply[];
  delivery: Delivery;
  /**
   * The thread's match to remember (and to write into the reply's metadata); absent when unchanged.
   * On `channel` delivery (a shared /kb answer) `channel` and `threadTs` are blank: the adapter fills in where it posted.
   */
  threadMatch?: ThreadMatch;
  effect?: BotEffect;
  /** For follow-ups: which question was recognised (logs, tests). */
  intent?: FollowupIntent;
}

export interface BotOptions {
  getKnowledge: () => Knowledge;
  /** Answer a `none` verdict in channels too (KBBOT_ANSWER_NONE_IN_CHANNELS); DMs and mentions always get one. */
  answerNoneInChannels?: boolean;
  /** Clock for `ThreadMatch.updatedAt`; tests pass their own. */
  now?: () => number;
}
