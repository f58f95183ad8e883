/**
 * The offline console over any pair of streams (a terminal, or PassThrough streams in tests).
 * A message may span many lines: it ends at an empty line, at a `:` command, at the end of input,
 * or (typing at a terminal) when nothing more arrives for a moment, since a paste arrives at once.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { buildTeamLayer, createBot, layerKnowledge, type ChannelType, type Knowledge, type TeamLayer } from '../../bot/index.js';
import type { Signature } from '../../model.js';
import type { TeamDraft, TeamStore } from '../../store/team.js';
import { CONSOLE_HELP, ConsoleSession } from './session.js';

export interface ConsoleOptions {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  getKnowledge: () => Knowledge;
  /** Shown in the banner: where the signatures came from. */
  storeDir?: string;
  /** Why the bot runs offline (from config), shown in the banner. */
  offlineReason?: string;
  channelType?: ChannelType;
  answerNoneInChannels?: boolean;
  /** End a message after this many ms without a new line; default 250 on a terminal, off otherwise. */
  pasteIdleMs?: number;
  /**
   * Where `:record` writes known issues (the team folder), and the knowledge without the team's layer: after a
   * recording the bot answers from `base` with the team store's issues and votes layered on top, as Slack does.
   */
  team?: { open: () => Promise<TeamStore>; base: Knowledge };
}

/** The knowledge getter the bot reads, and the recorder that writes an issue and swaps in the new team layer. */
function recording(options: ConsoleOptions): { getKnowledge: () => Knowledge; record?: (draft: TeamDraft) => Promise<Signature> } {
  const team = options.team;
  if (!team) return { getKnowledge: options.getKnowledge };
  let layer: TeamLayer | undefined;
  let store: Promise<TeamStore> | undefined;
  return {
    getKnowledge: () => (layer ? layerKnowledge(team.base, layer) : options.getKnowledge()),
    record: async (draft) => {
      // opened at the first recording: a console that records nothing creates no team folder
      store ??= team.open().catch((error: unknown) => {
        store = undefined; // the next :record tries again (a folder made writable meanwhile)
        throw error;
      });
      const opened = await store;
      const saved = await opened.create(draft);
      const [signatures, votes] = await Promise.all([opened.list(), opened.votes()]);
      layer = buildTeamLayer(signatures, votes);
      return saved;
    },
  };
}

export function consoleBanner(options: Pick<ConsoleOptions, 'storeDir' | 'offlineReason'>, articles: number): string {
  return [
    'kbbot console: running OFFLINE, not connected to Slack. Replies are shown as Slack would get them.',
    'To connect to Slack instead, set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode),',
    'or SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP mode on PORT, default 3000), then run kbbot start.',
    ...(options.offlineReason ? [`(${options.offlineReason})`] : []),
    `Store: ${options.storeDir ?? '(given by the caller)'}: ${articles} articles.`,
    '',
    CONSOLE_HELP,
    '',
  ].join('\n');
}

/** Runs until `:quit` or the end of input; resolves when the console is done. */
export function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output } = options;
  const { getKnowledge, record } = recording(options);
  const bot = createBot({ getKnowledge, ...(options.answerNoneInChannels !== undefined ? { answerNoneInChannels: options.answerNoneInChannels } : {}) });
  const session = new ConsoleSession({ bot, ...(options.channelType ? { channelType: options.channelType } : {}), ...(record ? { record } : {}) });
  const interactive = Boolean(input.isTTY && output.isTTY);
  const idleMs = options.pasteIdleMs ?? (interactive ? 250 : undefined);
  const write = (text: string): void => void output.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  const prompt = (): void => {
    if (interactive) output.write('you> ');
  };

  write(consoleBanner(options, options.getKnowledge().signatures.size));
  prompt();
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let pending: string[] = [];
  let idle: NodeJS.Timeout | undefined;
  let done = false;
  // Messages are answered one after another: `:record` writes to the team folder before the next is read.
  let answered: Promise<void> = Promise.resolve();

  return new Promise<void>((resolve) => {
    const finish = (): void => {
      if (done) return;
      done = true;
      if (idle) clearTimeout(idle);
      lines.close();
      resolve();
    };
    const answer = (message: string): void => {
      if (message.trim() === '') return;
      answered = answered.then(async () => {
        if (done) return;
        const { output: text, quit } = await session.handle(message).catch((error: unknown) => ({ output: `(error: ${(error as Error).message})`, quit: false }));
        if (text) write(`${text}\n`);
        if (quit) finish();
        else prompt();
      });
    };
    const flush = (): void => {
      if (idle) clearTimeout(idle);
      idle = undefined;
      const message = pending.join('\n');
      pending = [];
      answer(message);
    };
    lines.on('line', (line) => {
      if (done) return;
      if (line.trim() === '') return flush();
      if (line.trimStart().startsWith(':')) {
        flush();
        return answer(line);
      }
      pending.push(line);
      if (idleMs !== undefined) {
        if (idle) clearTimeout(idle);
        idle = setTimeout(flush, idleMs);
      }
    });
    lines.on('close', () => {
      flush();
      void answered.then(finish);
    });
  });
}
