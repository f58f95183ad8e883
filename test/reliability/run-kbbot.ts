/**
 * kbbot as its own process, for the signal and multi-instance tests and the load script: the same
 * `runSlackBot` assembly the start command uses, configured from the environment it is given.
 * Prints one `{"ready":…,"port":…}` line on stdout once listening; logs (JSON lines) go to stderr.
 * SIGTERM/SIGINT: clean shutdown, then `{"stopped":…}` and exit 0. SIGHUP: reload the signature store.
 * Extra env: KBBOT_GRACE_MS (shutdown bound), KBBOT_REDIS_PREFIX.
 */
import { loadConfig } from '../../src/config.js';
import { loggerFromConfig } from '../../src/log.js';
import { runSlackBot } from '../../src/slack/run.js';

const config = loadConfig(process.env);
if (config.slack.kind === 'offline') throw new Error('run-kbbot needs Slack credentials in the environment');
const logger = loggerFromConfig(config);
const grace = process.env.KBBOT_GRACE_MS;
const bot = await runSlackBot(config, config.slack, logger, {
  ...(grace ? { graceMs: Number(grace) } : {}),
  ...(process.env.KBBOT_REDIS_PREFIX ? { redisPrefix: process.env.KBBOT_REDIS_PREFIX } : {}),
  reloadDebounceMs: 50,
});
process.stdout.write(`${JSON.stringify({ ready: true, port: bot.port, pid: process.pid })}\n`);

const stop = (signal: string) => {
  void bot.shutdown(signal).then((report) => {
    process.stdout.write(`${JSON.stringify({ stopped: report })}\n`);
    process.exit(0);
  });
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
process.on('SIGHUP', () => void bot.reload('SIGHUP'));
