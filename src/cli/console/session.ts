/**
 * One console conversation: a single "thread" (so follow-ups work), messages, `/kb` commands and
 * `:` commands standing in for the buttons. Replies are rendered from the same blocks Slack gets.
 */
import type { Bot, BotAnswer, ChannelType } from '../../bot/index.js';
import type { ThreadMatch } from '../../model.js';
import { ActionId, encodeWhyValue, renderText } from '../../reply/index.js';

export const CONSOLE_HELP = [
  'Paste a message (a stack trace, a KB number, a question) and end it with an empty line.',
  '/kb ...           the slash command (/kb Q272274, /kb search words, /kb <trace>, /kb help)',
  ':why             why the thread matched          :files [platform]  files the fix installs',
  ':rollback        rollback warnings               :others            other candidates',
  ':right / :wrong  feedback on the match           :new               start a new thread',
  ':help            this text                       :quit              leave',
].join('\n');

const CHANNEL = 'console';

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
}

export class ConsoleSession {
  private thread: ThreadMatch | undefined;
  private threadCount = 0;
  private muted = false;
  private readonly bot: Bot;
  private readonly channelType: ChannelType;

  constructor(options: SessionOptions) {
    this.bot = options.bot;
    this.channelType = options.channelType ?? 'im';
  }

  /** Handles one complete message or `:` command; returns what to print and whether to go on. */
  handle(message: string): { output: string; quit: boolean } {
    const text = message.trim();
    if (text === '') return { output: '', quit: false };
    if (text.startsWith(':')) return this.consoleCommand(text);
    if (/^\/kb(?:\s|$)/i.test(text)) return { output: this.show(this.bot.answerCommand(text.slice(3))), quit: false };
    if (this.muted && this.channelType !== 'im' && !this.thread) return { output: '(muted in this channel: kbbot stays silent)', quit: false };
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
        return { output: '(new thread)', quit: false };
      case 'help':
        return { output: CONSOLE_HELP, quit: false };
      case 'why':
        return { output: kb ? this.button(ActionId.Why, encodeWhyValue(kb, [])) : needsMatch, quit: false };
      case 'files':
        if (!kb) return { output: needsMatch, quit: false };
        return { output: args.length > 0 ? this.handle(`files for ${args.join(' ')}?`).output : this.button(ActionId.Files, kb), quit: false };
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
