/**
 * `createSlackApp(deps)`: the Bolt app in Socket Mode (bot token + app token) or HTTP mode (bot token +
 * signing secret, POST /slack/events on PORT) with kbbot's own request verification. `slackApiUrl` points the
 * Web API client (and Socket Mode's apps.connections.open) at another server: staging, or the test stand-in.
 */
import { App, SocketModeReceiver, webApi, type LogLevel, type Receiver } from '@slack/bolt';
import { workspaceAuthorize } from './authorize.js';
import type { SlackMode } from '../config.js';
import type { Logger } from '../log.js';
import type { StateStore } from '../state/types.js';
import type { Bot } from '../bot/index.js';
import { KbHttpReceiver } from './http-receiver.js';
import { instrumentDeliveries, instrumentedFetch, type BotMetrics } from './metrics.js';
import { handleOpsRequest, type OpsProbe } from './ops-endpoints.js';
import type { ListenerDeps, OutageTuning, TeamDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { replayOwed, type OwedReplayOptions, type OwedReplayReport } from './owed-replay.js';
import { guardDeliveries } from './payloads.js';
import { snippetOrigins } from './snippets.js';
import { ThreadMemory } from './threads.js';
import { webClientOptions } from './web-api-policy.js';

export type ConnectedMode = Extract<SlackMode, { kind: 'socket' | 'http' }>;

export interface SlackAppDeps {
  mode: ConnectedMode;
  bot: Bot;
  state: StateStore;
  logger: Logger;
  slackApiUrl?: string;
  /** Unused: Web API retries follow web-api-policy.ts (callSlack), not the WebClient. */
  webApiRetries?: number;
  /** Shorter Web API budget and reply deferral, for tests of a Slack outage (see deps.ts). */
  outageTuning?: OutageTuning;
  /** Socket Mode heartbeat tuning (tests shorten the reconnect delay with a small clientPingTimeout). */
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number };
  /** The team store (recording known issues, votes); without it those features say they are not set up. */
  team?: TeamDeps;
  /** HTTP mode: request body cap and clock (tests of clock skew). */
  http?: { bodyLimit?: number; now?: () => number };
  /** Counts deliveries, acks and Web API calls (src/slack/metrics.ts). */
  metrics?: BotMetrics;
  /** HTTP mode: serve /healthz, /readyz and /metrics beside /slack/events. */
  ops?: OpsProbe;
}

export interface SlackApp {
  readonly app: App;
  /** Starts listening; in HTTP mode resolves with the bound port (PORT, or any free one when PORT=0). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** Redoes replies still owed (see owed-replay.ts); call once started. `quiet`: no log line when nothing is owed. */
  replayOwed(options: OwedReplayOptions, quiet?: boolean): Promise<OwedReplayReport>;
}

function buildReceiver(deps: SlackAppDeps): { receiver: Receiver; http?: KbHttpReceiver } {
  const { mode, logger } = deps;
  if (mode.kind === 'http') {
    const ops = deps.ops;
    const http = new KbHttpReceiver({
      signingSecret: mode.signingSecret,
      logger,
      port: mode.port,
      ...deps.http,
      ...(ops ? { otherRoutes: (req, res) => handleOpsRequest(req, res, ops) } : {}),
    });
    return { receiver: http, http };
  }
  const receiver = new SocketModeReceiver({
    appToken: mode.appToken,
    logger,
    ...(deps.socket?.clientPingTimeout !== undefined ? { clientPingTimeout: deps.socket.clientPingTimeout } : {}),
    ...(deps.socket?.serverPingTimeout !== undefined ? { serverPingTimeout: deps.socket.serverPingTimeout } : {}),
    installerOptions: { clientOptions: deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {} },
  });
  return { receiver };
}

export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { receiver, http } = buildReceiver(deps);
  // The bot's own client (owed replies, identity); `authorize` instead of `token`: Slack down at start must not
  // fail every later event (see authorize.ts).
  const client = new webApi.WebClient(deps.mode.botToken, { ...webClientOptions(deps.slackApiUrl), logger: deps.logger });
  const app = new App({
    authorize: workspaceAuthorize(client, deps.mode.botToken, deps.logger),
    receiver,
    logger: deps.logger,
    // Bolt resets its logger's level to INFO unless told otherwise; keep LOG_LEVEL's. (Same lower-case names.)
    logLevel: deps.logger.getLevel() as LogLevel,
    ignoreSelf: true,
    // No hidden WebClient retries (a blind retry of a timed-out post double-posts): deliver.ts retries through callSlack.
    clientOptions: { ...webClientOptions(deps.slackApiUrl), ...(deps.metrics ? { fetch: instrumentedFetch(deps.metrics) } : {}) },
  });
  // Inside the counting: a malformed delivery is still counted as received and acknowledged.
  guardDeliveries(app, deps.logger);
  if (deps.metrics) instrumentDeliveries(app, deps.metrics);
  const listenerDeps: ListenerDeps = {
    bot: deps.bot,
    state: deps.state,
    threads: new ThreadMemory(deps.state, deps.logger),
    logger: deps.logger,
    snippets: { botToken: deps.mode.botToken, allowedOrigins: snippetOrigins(deps.slackApiUrl), logger: deps.logger },
    answering: new Set(),
    ...(deps.outageTuning ? { outageTuning: deps.outageTuning } : {}),
    ...(deps.team ? { team: deps.team } : {}),
  };
  registerListeners(app, listenerDeps);
  app.error(async (error) => {
    deps.logger.error('slack listener error', { err: error });
  });

  return {
    app,
    async start() {
      if (http) {
        await app.start(deps.mode.kind === 'http' ? deps.mode.port : 3000);
        return { port: http.port };
      }
      await app.start();
      return {};
    },
    async stop() {
      await app.stop();
    },
    replayOwed: (options, quiet) => replayOwed(client, listenerDeps, options, quiet),
  };
}
