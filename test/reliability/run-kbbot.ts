/**
 * kbbot as its own process, for the signal and multi-instance tests and the load script: the same
 * `runSlackBot` assembly the start command uses, configured from the environment it is given.
 * Prints one `{"ready":…,"port":…}` line on stdout once listening; logs (JSON lines) go to stderr.
 * SIGTERM/SIGINT: shutdown, `{"stopped":…}`, then the exit `kbbot start` makes (0 when drained, 1 at once when
 * work was abandoned). SIGHUP: reload the signature store.
 * SIGUSR2: garbage-collect and print `{"memory":…,"inFlight":…}`.
 * Extra env: KBBOT_GRACE_MS (shutdown bound), KBBOT_REDIS_PREFIX, KBBOT_OWED_GRACE_MS (owed-reply replay grace),
 * KBBOT_OWED_INTERVAL_MS (background replay pass), KBBOT_WEB_API_BUDGET_MS (one reply's Web API retry budget),
 * KBBOT_FIRST_DEFER_MS (first wait of a reply put off while Slack is down).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { exitAfterShutdown, runConnected } from '../../src/cli/commands/start.js';
import { loadConfig } from '../../src/config.js';
import { loggerFromConfig } from '../../src/log.js';
import type { RunningBot } from '../../src/slack/run.js';

const config = loadConfig(process.env);
if (config.slack.kind === 'offline') throw new Error('run-kbbot needs Slack credentials in the environment');
const logger = loggerFromConfig(config);
const grace = process.env.KBBOT_GRACE_MS;
const num = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const budgetMs = num('KBBOT_WEB_API_BUDGET_MS');
const firstDeferMs = num('KBBOT_FIRST_DEFER_MS');
const owedReplay = { graceMs: num('KBBOT_OWED_GRACE_MS'), intervalMs: num('KBBOT_OWED_INTERVAL_MS') };
let bot: RunningBot | undefined;
// The start command's own loop (signals, reload, shutdown, exit code), with the tests' tuning and stdout lines.
const running = runConnected(config, config.slack, logger, {
  runOptions: {
    ...(grace ? { graceMs: Number(grace) } : {}),
    ...(process.env.KBBOT_REDIS_PREFIX ? { redisPrefix: process.env.KBBOT_REDIS_PREFIX } : {}),
    reloadDebounceMs: 50,
    owedReplay: Object.fromEntries(Object.entries(owedReplay).filter(([, v]) => v !== undefined)),
    app: { outageTuning: { ...(budgetMs ? { webApi: { budgetMs } } : {}), ...(firstDeferMs ? { firstDeferMs } : {}) } },
  },
  onReady: (started) => {
    bot = started;
    process.stdout.write(`${JSON.stringify({ ready: true, port: started.port, pid: process.pid })}\n`);
  },
  onStopped: (report) => {
    loopDelay.disable();
    process.off('SIGUSR2', onUsr2);
    process.stdout.write(`${JSON.stringify({ stopped: report })}\n`);
  },
});
// For the load script: event-loop delay since the last report, then collect garbage and report memory and CPU time.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const onUsr2 = (): void => {
  void (async () => {
    // Event-loop delay is read before the forced full GCs and reset after them: each blocks the loop for
    // ~40 ms, which would otherwise show up as the run's worst stall.
    const loop = { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6 };
    for (let i = 0; i < 3; i += 1) {
      globalThis.gc?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    loopDelay.reset();
    process.stdout.write(`${JSON.stringify({ memory: process.memoryUsage(), cpu: process.cpuUsage(), loop, inFlight: bot?.inFlight.size ?? 0, state: bot?.state.health() })}\n`);
  })();
};
process.on('SIGUSR2', onUsr2);
exitAfterShutdown(await running);
