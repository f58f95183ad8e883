/**
 * One console conversation: a single "thread" (so follow-ups work), messages, `/kb` commands and
 * `:` commands standing in for the buttons. Replies are rendered from the same blocks Slack gets.
 */
import type { Bot, BotAnswer, ChannelType } from '../../bot/index.js';
import { recordParts } from '../../bot/record.js';
import type { Signature, ThreadMatch } from '../../model.js';
import { ActionId, buildRecordedNotice, encodeWhyValue, renderText } from '../../reply/index.js';
import type { TeamDraft } from '../../store/team.js';
import { recordDraft, recordUsage } from './record.js';

export const CONSOLE_HELP = [
  'Paste a message (a stack trace, a KB number, a question) and end it with an empty line.',
  '/kb ...           the slash command (/kb Q272274, /kb search words, /kb <trace>, /kb help)',
  ':why             why the thread matched          :files [platform]  files the fix installs',
  ':rollback        rollback warnings               :others            other candidates',
  ':right / :wrong  feedback on the match           :new               start a new thread',
  ':record          record the paste as a known issue (:record alone shows how)',
  ':help            this text                       :quit              leave',
].join('\n');

const CHANNEL = 'console';
/** Who recorded a known issue from the console (Slack records the person's user id). */
export const CONSOLE_AUTHOR = 'console';
/** Messages of one thread kept for `:record` (the paste is the first; follow-ups are short). */
const MAX_THREAD_MESSAGES = 20;

export type Step = { output: string; quit: boolean };

const DELIVERY_LABEL: Record<BotAnswer['delivery'], string> = {
  thread: 'in the thread',
  ephemeral: 'only you see this',
  replace: 'updates its reply',
  channel: 'shared in the channel',
};

export interface SessionOptions {
  bot: Bot;
  /** `im` (default: the console is a DM, so the bot always answers) or `channel` (silence rules apply). */
  channelType?: ChannelType;
  /** Writes a recorded known issue and makes the bot answer from it; without it `:record` is not set up. */
  record?: (draft: TeamDraft) => Promise<Signature>;
}

export class ConsoleSession {
  private thread: ThreadMatch | undefined;
  private threadCount = 0;
  private muted = false;
  private readonly bot: Bot;
  private readonly channelType: ChannelType;
  private readonly record: SessionOptions['record'];
  /** Messages since `:new`, newest last: `:record` records the last one with frames or codes. */
  private messages: string[] = [];

  constructor(options: SessionOptions) {
    this.bot = options.bot;
    this.channelType = options.channelType ?? 'im';
    this.record = options.record;
  }

  /** Handles one complete message or `:` command; resolves with what to print and whether to go on. */
  async handle(message: string): Promise<Step> {
    const text = message.trim();
    if (/^:record(?:\s|$)/i.test(text)) return { output: await this.recordCommand(text.slice(':record'.length)), quit: false };
    return this.answer(text);
  }

  private answer(text: string): Step {
    if (text === '') return { output: '', quit: false };
    if (text.startsWith(':')) return this.consoleCommand(text);
    if (/^\/kb(?:\s|$)/i.test(text)) return { output: this.show(this.bot.answerCommand(text.slice(3))), quit: false };
    if (this.muted && this.channelType !== 'im' && !this.thread) return { output: '(muted in this channel: kbbot stays silent)', quit: false };
    this.messages = [...this.messages, text].slice(-MAX_THREAD_MESSAGES);
    const answer = this.bot.answerMessage({
      text,
      channelType: this.channelType,
      isMention: false,
      channel: CHANNEL,
      threadTs: this.thread?.threadTs ?? this.nextThreadTs(),
      ...(this.thread ? { threadMatch: this.thread } : {}),
    });
    return { output: this.show(answer), quit: false };
  }

  private nextThreadTs(): string {
    this.threadCount += 1;
    return `${this.threadCount}.000000`;
  }

  private button(actionId: string, value: string): string {
    return this.show(this.bot.answerAction(actionId, value, this.thread));
  }

  private consoleCommand(text: string): { output: string; quit: boolean } {
    const [command = '', ...args] = text.slice(1).trim().split(/\s+/);
    const kb = this.thread?.kb;
    const needsMatch = '(no match in this thread yet: paste a trace or a KB number first)';
    switch (command.toLowerCase()) {
      case 'quit':
      case 'q':
      case 'exit':
        return { output: '', quit: true };
      case 'new':
        this.thread = undefined;
        this.messages = [];
        return { output: '(new thread)', quit: false };
      case 'help':
        return { output: CONSOLE_HELP, quit: false };
      case 'why':
        return { output: kb ? this.button(ActionId.Why, encodeWhyValue(kb, [])) : needsMatch, quit: false };
      case 'files':
        if (!kb) return { output: needsMatch, quit: false };
        return { output: args.length > 0 ? this.answer(`files for ${args.join(' ')}?`).output : this.button(ActionId.Files, kb), quit: false };
      case 'rollback':
        return { output: kb ? this.button(ActionId.Rollback, kb) : needsMatch, quit: false };
      case 'others':
        return { output: kb ? this.button(ActionId.Others, kb) : needsMatch, quit: false };
      case 'right':
        return { output: kb ? this.button(ActionId.FeedbackRight, kb) : needsMatch, quit: false };
      case 'wrong':
        return { output: kb ? this.button(ActionId.FeedbackWrong, kb) : needsMatch, quit: false };
      default:
        return { output: `unknown console command :${command} (:help lists them)`, quit: false };
    }
  }

  /**
   * `:record …`: the thread's paste recorded as a known issue through Slack's use case (bot/record.ts), then
   * answered from at once; `:record` alone shows what would be recorded and how to write the line.
   */
  private async recordCommand(line: string): Promise<string> {
    if (!this.record) return '(recording known issues is not set up on this console)';
    let parts: string[] | undefined;
    for (let i = this.messages.length - 1; i >= 0 && !parts; i--) {
      const found = recordParts(this.messages[i]!);
      if (found.length > 0) parts = found;
    }
    if (!parts) return '(nothing to record yet: paste the crash first: a stack trace, a STOP code, an exception code or an event ID)';
    if (line.trim() === '') return recordUsage(parts);
    const drafted = recordDraft(line, parts, { author: CONSOLE_AUTHOR, now: new Date() });
    if (!drafted.ok) return drafted.error;
    let saved: Signature;
    try {
      saved = await this.record(drafted.draft);
    } catch (error) {
      return `Not recorded: could not save: ${(error as Error).message}`;
    }
    return renderText(buildRecordedNotice(saved, CONSOLE_AUTHOR, false, 'console'));
  }

  /** Applies what the adapter would (thread memory, mutes) and renders the answer. */
  private show(answer: BotAnswer): string {
    if (answer.threadMatch) this.thread = answer.threadMatch;
    const notes: string[] = [];
    if (answer.effect?.kind === 'mute') this.muted = true;
    if (answer.effect?.kind === 'unmute') this.muted = false;
    if (answer.effect?.kind === 'feedback') notes.push(`(feedback recorded: ${answer.effect.kb} was ${answer.effect.verdict})`);
    if (answer.replies.length === 0) return [`(kbbot stays silent${answer.kind === 'silent' ? '' : `: ${answer.kind}`})`, ...notes].join('\n');
    const body = answer.replies.map(renderText).join('\n\n');
    return [`kbbot (${DELIVERY_LABEL[answer.delivery]}, ${answer.kind}):`, body, ...notes].join('\n');
  }
}
