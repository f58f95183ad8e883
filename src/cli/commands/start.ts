/**
 * `kbbot start [--store DIR]`: runs the bot. With SLACK_BOT_TOKEN + SLACK_APP_TOKEN it connects in Socket
 * Mode; with SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET it serves HTTP on PORT (POST /slack/events); with no Slack
 * credentials it opens the offline console. A configuration mistake is one line naming the variable (never
 * its value) and exit 1. SIGHUP reloads the store; SIGTERM / SIGINT stop taking events and shut down cleanly.
 */
import { loadConfig, type Config } from '../../config.js';
import { asKbBotError } from '../../errors.js';
import { loggerFromConfig } from '../../log.js';
import type { Logger } from '../../log.js';
import type { ConnectedMode } from '../../slack/app.js';
import { runSlackBot, type RunningBot, type RunOptions } from '../../slack/run.js';
import type { ShutdownReport } from '../../slack/lifecycle.js';
import { parseCommandArgs, processIo, resolveStoreDir, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import { warmIndex } from '../../match/index.js';
import { openKnowledge } from '../store.js';
import { consoleTeam, runConsole } from './console.js';

export const startSpec = {
  name: 'start',
  synopsis: '[--store DIR]',
  description:
    'Start kbbot. Socket Mode with SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode (POST /slack/events on PORT,\n' +
    'default 3000) with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; the offline console without Slack credentials.\n' +
    'SLACK_API_URL points the Web API client elsewhere (staging, tests); REDIS_URL shares state between instances.',
  options: { store: STORE_OPTION },
  positionals: { min: 0, max: 0 },
  examples: ['SLACK_BOT_TOKEN=xoxb-… SLACK_APP_TOKEN=xapp-… kbbot start', 'kbbot start --store ./signatures'],
} satisfies CommandSpec;

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

export interface ConnectedHooks {
  /** Tuning passed to runSlackBot (the reliability tests' wrapper and the load script shorten bounds). */
  runOptions?: RunOptions;
  onReady?: (bot: RunningBot) => void;
  onStopped?: (report: ShutdownReport) => void;
}

/**
 * Connected to Slack through the shared assembly (src/slack/run.ts) until SIGTERM / SIGINT; SIGHUP reloads
 * the store. Resolves with the exit code: 0 when every reply in flight finished, 1 when some were abandoned.
 * The reliability tests' wrapper runs this same function, so it stops and exits as `kbbot start` does.
 */
export async function runConnected(config: Config, mode: ConnectedMode, logger: Logger, hooks: ConnectedHooks = {}): Promise<number> {
  const bot = await runSlackBot(config, mode, logger, hooks.runOptions);
  hooks.onReady?.(bot);
  const onHangup = (): void => void bot.reload('SIGHUP');
  process.on('SIGHUP', onHangup);
  const signal = await waitForStopSignal();
  process.off('SIGHUP', onHangup);
  const report = await bot.shutdown(signal);
  hooks.onStopped?.(report);
  return report.drained ? 0 : 1;
}

/**
 * Ends the process after a shutdown. A clean one ends by itself (nothing left running); one that abandoned
 * work exits now: the abandoned replies' requests would otherwise hold the process open until they time out.
 */
export function exitAfterShutdown(code: number): void {
  if (code === 0) process.exitCode = 0;
  else process.exit(code);
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const parsed = parseCommandArgs(startSpec, argv);
  if (parsed.help) {
    io.out(parsed.text);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    // Config errors name the variable and why, never the value.
    io.err(`kbbot start: ${asKbBotError(error).message}\n`);
    return 1;
  }
  if (config.slack.kind === 'offline') {
    const { store, knowledge, base } = await openKnowledge({ command: 'start', flag: parsed.values.store, io, config });
    const team = consoleTeam(store, base);
    // While the prompt waits for the first paste, so that paste does not pay for the lazy indexes.
    setImmediate(() => warmIndex(knowledge.index));
    await runConsole({
      input: process.stdin,
      output: process.stdout,
      getKnowledge: () => knowledge,
      storeDir: store.dir,
      offlineReason: config.slack.reason,
      answerNoneInChannels: config.answerNoneInChannels,
      ...(team ? { team } : {}),
    });
    return 0;
  }
  // Connected, the store is watched and reloaded (src/slack/run.ts): the same folder, the same checks, logged.
  const storeDir = resolveStoreDir(parsed.values.store, config);
  const code = await runConnected({ ...config, storeDir }, config.slack, loggerFromConfig(config, { name: 'kbbot' }));
  exitAfterShutdown(code);
  return code;
}
