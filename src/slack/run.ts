/**
 * `runSlackBot(config, logger)`: kbbot connected to Slack, assembled from its parts: the state store
 * (file journal or Redis), the live-reloading signature store and match index, the bot, the Bolt app with
 * in-flight tracking, and a bounded clean shutdown. The start command wires signals to it:
 *   SIGTERM/SIGINT → `shutdown(signal)` then exit;  SIGHUP → `reload('SIGHUP')`.
 */
import { join } from 'node:path';
import { buildKnowledge, buildTeamLayer, createBot, layerKnowledge, type Knowledge, type TeamLayer } from '../bot/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { loadRules, warmIndex } from '../match/index.js';
import { DEFAULT_DATA_DIR, openStateStore, type StateStore } from '../state/index.js';
import { openTeamStore, type TeamStore } from '../store/team.js';
import { watchTeam, type TeamWatcher } from '../store/team-watch.js';
import { EditorPolicy } from './editors.js';
import { defaultStoreDir } from '../store/index.js';
import { watchStore, type StoreWatcher } from '../store/watch.js';
import { createSlackApp, type ConnectedMode, type SlackAppDeps } from './app.js';
import { createShutdown, InFlight, trackListeners, type ShutdownReport } from './lifecycle.js';
import { BotMetrics, instrumentBot, instrumentState, tapLogger } from './metrics.js';
import { createOpsProbe, startOpsServer, type OpsServer } from './ops-endpoints.js';
import { DEFAULT_MAX_REPLAYS, DEFAULT_REPLAY_INTERVAL_MS, FILE_STORE_GRACE_MS, SHARED_STORE_GRACE_MS, type OwedReplayOptions } from './owed-replay.js';

export interface RunningBot {
  /** HTTP mode: the bound port. */
  port: number | undefined;
  state: StateStore;
  store: StoreWatcher<Knowledge>;
  /** The team's known issues and votes (folder, or Redis with REDIS_URL), polled for changes. */
  team: TeamWatcher<TeamLayer>;
  teamStore: TeamStore;
  inFlight: InFlight;
  metrics: BotMetrics;
  /** The port of /healthz, /readyz and /metrics when METRICS_PORT is set. */
  metricsPort: number | undefined;
  /** Loads the signature store again and swaps it in (SIGHUP). */
  reload(reason: string): Promise<void>;
  /** Stops taking events, finishes in-flight work (bounded), closes connections and the state store. */
  shutdown(reason: string): Promise<ShutdownReport>;
}

export interface RunOptions {
  /** Bound for in-flight work at shutdown. */
  graceMs?: number;
  /** Debounce of store file changes. */
  reloadDebounceMs?: number;
  /** Test and bench tuning passed to the Slack app (e.g. Socket Mode ping timeouts). */
  app?: Partial<Pick<SlackAppDeps, 'socket' | 'http' | 'webApiRetries' | 'outageTuning'>>;
  /** Redis key prefix (several bots sharing one Redis). */
  redisPrefix?: string;
  /** Replaying owed replies (defaults: grace by state kind, 3 attempts, 6 h, a pass every 15 s). */
  owedReplay?: Partial<OwedReplayOptions> & { intervalMs?: number };
  /** How often other instances' team-store writes are looked for (default 250 ms). */
  teamPollMs?: number;
}

export async function runSlackBot(config: Config, mode: ConnectedMode, baseLogger: Logger, options: RunOptions = {}): Promise<RunningBot> {
  // Counted around the parts (src/slack/metrics.ts): the logger for dead letters, the state store for dedupe and owed work.
  const metrics = new BotMetrics();
  const logger = tapLogger(baseLogger, metrics);
  const state = instrumentState(await openStateStore(config, { logger, ...(options.redisPrefix ? { redisPrefix: options.redisPrefix } : {}) }), metrics);
  let store: StoreWatcher<Knowledge> | undefined;
  let opsServer: OpsServer | undefined;
  let teamStore: TeamStore | undefined;
  let team: TeamWatcher<TeamLayer> | undefined;
  try {
    const rules = loadRules();
    teamStore = await openTeamStore({
      redisUrl: config.redisUrl,
      folder: config.teamStoreDir ?? join(config.dataDir ?? DEFAULT_DATA_DIR, 'team'),
      logger,
      ...(options.redisPrefix ? { redisPrefix: options.redisPrefix } : {}),
    });
    const teamLayer = await watchTeam(teamStore, { build: (signatures, votes) => buildTeamLayer(signatures, votes, rules), logger, ...(options.teamPollMs ? { pollMs: options.teamPollMs } : {}) });
    team = teamLayer;
    store = await watchStore<Knowledge>(config.storeDir ?? defaultStoreDir(), {
      build: (signatures) => buildKnowledge(signatures, rules),
      logger,
      onSwap: (snapshot) => {
        metrics.storeReloads.inc();
        // Off the load's own turn, so readiness is not delayed; the first error paste or search then pays nothing.
        setImmediate(() => warmIndex(snapshot.knowledge.index));
      },
      ...(options.reloadDebounceMs !== undefined ? { debounceMs: options.reloadDebounceMs } : {}),
    });
    const watcher = store;
    metrics.watch({
      signatures: () => watcher.current().signatures.size,
      invalidFiles: () => new Set(watcher.current().errors.map((e) => e.path)).size,
      owed: async () => (await state.listOwed()).length,
    });
    let draining = false;
    const ops = createOpsProbe({ metrics, state, signatures: () => watcher.current().signatures.size, draining: () => draining });
    // Each answer reads the knowledge once: a request keeps the snapshot it started with.
    const getKnowledge = (): Knowledge => layerKnowledge(watcher.current().knowledge, teamLayer.current());
    const bot = instrumentBot(createBot({ getKnowledge, answerNoneInChannels: config.answerNoneInChannels }), metrics);
    const teamDeps = {
      store: teamStore,
      refresh: async () => {
        await teamLayer.refresh();
      },
      editors: new EditorPolicy(config.editors, logger),
      knowledge: getKnowledge,
    };
    const slack = createSlackApp({ mode, bot, state, logger, metrics, ops, team: teamDeps, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}), ...options.app });
    const inFlight = new InFlight();
    trackListeners(slack.app, inFlight);
    const { port } = await slack.start();
    if (config.metricsPort !== undefined) opsServer = await startOpsServer(config.metricsPort, ops);
    const metricsServer = opsServer;
    logger.info('kbbot connected to Slack', { mode: mode.kind, port, metricsPort: metricsServer?.port, state: state.kind, signatures: watcher.current().signatures.size });
    const { intervalMs = DEFAULT_REPLAY_INTERVAL_MS, ...replayTuning } = options.owedReplay ?? {};
    const replayOptions: OwedReplayOptions = {
      graceMs: state.kind === 'file' ? FILE_STORE_GRACE_MS : SHARED_STORE_GRACE_MS,
      maxAttempts: DEFAULT_MAX_REPLAYS,
      ...replayTuning,
    };
    // In the background, counted as in-flight work so a shutdown waits for it: once at start, then a pass
    // every `intervalMs` for entries that were too young, or put off while Slack did not answer.
    let replayTimer: NodeJS.Timeout | undefined;
    let stopping = false;
    const replay = (quiet: boolean) =>
      void inFlight
        .track(() => slack.replayOwed(replayOptions, quiet))
        .catch((error: unknown) => logger.error('owed reply pass failed', { err: error }))
        .finally(() => {
          if (!stopping) replayTimer = setTimeout(() => replay(true), intervalMs).unref();
        });
    replay(false);
    const shutdown = createShutdown({
      stopReceiving: () => {
        stopping = true;
        clearTimeout(replayTimer);
        return slack.stop();
      },
      inFlight,
      closers: [
        { name: 'store watcher', close: () => watcher.close() },
        { name: 'team store', close: async () => {
          teamLayer.close();
          await teamDeps.store.close();
        } },
        { name: 'state store', close: () => state.close() },
        ...(metricsServer ? [{ name: 'metrics server', close: () => metricsServer.close() }] : []),
      ],
      logger,
      ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    });
    return {
      port,
      state,
      store: watcher,
      team: teamLayer,
      teamStore: teamDeps.store,
      inFlight,
      metrics,
      metricsPort: metricsServer?.port,
      reload: async (reason) => {
        await watcher.reload(reason);
      },
      // /readyz says 503 from the first moment of a shutdown, so a load balancer stops sending work here.
      shutdown: (reason) => {
        draining = true;
        return shutdown(reason);
      },
    };
  } catch (error) {
    await opsServer?.close();
    store?.close();
    team?.close();
    await teamStore?.close();
    await state.close();
    throw error;
  }
}
