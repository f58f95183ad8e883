/**
 * What a running kbbot counts, in Prometheus' text format (prom-client), one registry per app so two
 * bots in one process (tests) never mix figures. The counting is wired around the parts, not inside them:
 *   - deliveries: `instrumentDeliveries` wraps Bolt's `processEvent` (both receivers hand every request to
 *     it), counting what arrived and timing the `ack()` Bolt calls for it;
 *   - dedupe and owed replies: `instrumentState` wraps the state store's `claim`, `owe` and `settle`;
 *   - replies and match time: `instrumentBot` wraps the bot's `answerMessage` / `answerCommand`;
 *   - Web API calls: `instrumentedFetch` is the WebClient's fetch, so every call is seen (callSlack's
 *     retries, conversations.replies, files.info), with its HTTP status and Slack's `ok:false` error;
 *   - dead letters: `tapLogger` counts the one `"event":"dead_letter"` line each gives-up writes;
 *   - the store: gauges read from the live snapshot at scrape time, reloads counted on swap.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Bot } from '../bot/index.js';
import type { Logger } from '../log.js';
import type { StateStore } from '../state/types.js';

/** Slack's payload kinds, as labels: `event:message`, `command`, `block_actions`, … (a bounded set). */
export function deliveryKind(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return 'command';
  if (body.type === 'event_callback') {
    const event = body.event as { type?: unknown } | undefined;
    return typeof event?.type === 'string' && /^[a-z_]{1,40}$/.test(event.type) ? `event:${event.type}` : 'event:other';
  }
  return typeof body.type === 'string' && /^[a-z_]{1,40}$/.test(body.type) ? body.type : 'other';
}

/** Web API method from a request URL (`…/api/chat.postMessage`), as a label. */
function methodOf(url: string): string {
  const m = /\/api\/([A-Za-z0-9_.]{1,60})(?:\?|$)/.exec(url);
  return m?.[1] ?? 'other';
}

export class BotMetrics {
  readonly registry = new Registry();
  readonly eventsReceived = new Counter({ name: 'kbbot_events_received_total', help: 'Deliveries from Slack handed to the app (events, commands, actions), by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly eventsAcknowledged = new Counter({ name: 'kbbot_events_acknowledged_total', help: 'Deliveries acknowledged to Slack, by kind', labelNames: ['kind'], registers: [this.registry] });
  readonly eventsDeduplicated = new Counter({ name: 'kbbot_events_deduplicated_total', help: 'Deliveries not answered because another delivery of the same message claimed it (event id = a retry; message = message + app_mention or a redelivery)', labelNames: ['key'], registers: [this.registry] });
  readonly ackSeconds = new Histogram({ name: 'kbbot_ack_duration_seconds', help: 'From the delivery reaching the app to its acknowledgement', labelNames: ['kind'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [this.registry] });
  readonly replies = new Counter({ name: 'kbbot_replies_total', help: 'Answers to pastes and /kb commands, by verdict (match, possible, none) or kind (article, followup, silent, …)', labelNames: ['verdict'], registers: [this.registry] });
  readonly matchSeconds = new Histogram({ name: 'kbbot_match_duration_seconds', help: 'Time to answer one paste: parse, match, build the reply', buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [this.registry] });
  readonly apiCalls = new Counter({ name: 'kbbot_slack_api_calls_total', help: 'Slack Web API requests, by method and HTTP status (timeout, network when none came back)', labelNames: ['method', 'status'], registers: [this.registry] });
  readonly apiErrors = new Counter({ name: 'kbbot_slack_api_errors_total', help: 'Slack Web API requests that failed: HTTP errors, timeouts, and ok:false answers with their error code', labelNames: ['method', 'status', 'error'], registers: [this.registry] });
  readonly deadLetters = new Counter({ name: 'kbbot_dead_letters_total', help: 'Replies given up after every retry, written as one dead-letter log line, by method', labelNames: ['method'], registers: [this.registry] });
  readonly owedRecorded = new Counter({ name: 'kbbot_owed_replies_recorded_total', help: 'Replies written down as owed right after the acknowledgement', registers: [this.registry] });
  readonly owedSettled = new Counter({ name: 'kbbot_owed_replies_settled_total', help: 'Owed replies settled (posted, dead-lettered or not needed)', registers: [this.registry] });
  readonly storeReloads = new Counter({ name: 'kbbot_store_reloads_total', help: 'Signature store loads swapped in (the first load included)', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Gauges read when scraped: the store's size, its invalid files, and the replies still owed. */
  watch(sources: { signatures: () => number; invalidFiles: () => number; owed?: () => Promise<number> }): void {
    new Gauge({ name: 'kbbot_store_signatures', help: 'Signatures in the store being served', registers: [this.registry], collect() { this.set(sources.signatures()); } });
    new Gauge({ name: 'kbbot_store_invalid_files', help: 'Signature files that are invalid right now (their last good version, if any, still served)', registers: [this.registry], collect() { this.set(sources.invalidFiles()); } });
    const owed = sources.owed;
    if (owed) {
      new Gauge({
        name: 'kbbot_owed_replies',
        help: 'Replies owed right now (recorded, not yet settled), as the state store holds them',
        registers: [this.registry],
        async collect() {
          this.set(await owed());
        },
      });
    }
  }

  /** The text a scrape gets. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

interface ProcessEventTarget {
  processEvent(event: { body: Record<string, unknown>; ack: (response?: unknown) => Promise<void> } & Record<string, unknown>): Promise<void>;
}

/** Counts every delivery Bolt processes and times its `ack()`, whichever receiver handed it over. */
export function instrumentDeliveries(app: ProcessEventTarget, metrics: BotMetrics, now: () => number = () => performance.now()): void {
  const original = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const arrived = now();
    const kind = deliveryKind(event.body);
    metrics.eventsReceived.inc({ kind });
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      await event.ack(response);
      if (acked) return;
      acked = true;
      metrics.eventsAcknowledged.inc({ kind });
      metrics.ackSeconds.observe({ kind }, (now() - arrived) / 1000);
    };
    return original({ ...event, ack });
  };
}

/**
 * The state store, counting refused delivery claims (deduplicated) and owed work; every other member
 * (including any added later) passes straight through.
 */
export function instrumentState(state: StateStore, metrics: BotMetrics): StateStore {
  return new Proxy(state, {
    get(target, property, receiver) {
      if (property === 'claim') {
        return async (key: string, ttlMs: number) => {
          const first = await target.claim(key, ttlMs);
          if (!first && (key.startsWith('event:') || key.startsWith('msg:'))) metrics.eventsDeduplicated.inc({ key: key.startsWith('event:') ? 'event' : 'message' });
          return first;
        };
      }
      if (property === 'owe') return async (...args: Parameters<StateStore['owe']>) => { await target.owe(...args); metrics.owedRecorded.inc(); };
      if (property === 'settle') return async (...args: Parameters<StateStore['settle']>) => { await target.settle(...args); metrics.owedSettled.inc(); };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The bot, timing each paste's answer and counting answers by verdict; other members pass through. */
export function instrumentBot(bot: Bot, metrics: BotMetrics): Bot {
  const timed = <A extends unknown[], R extends { kind: string }>(answer: (...args: A) => R) => (...args: A): R => {
    const end = metrics.matchSeconds.startTimer();
    const result = answer(...args);
    end();
    metrics.replies.inc({ verdict: result.kind });
    return result;
  };
  return { ...bot, answerMessage: timed(bot.answerMessage), answerCommand: timed(bot.answerCommand) };
}

type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** The WebClient's fetch, counting each Web API request by method and status, and `ok:false` answers by error. */
export function instrumentedFetch(metrics: BotMetrics, base: Fetch = globalThis.fetch): Fetch {
  return async (url, init) => {
    const method = methodOf(String(url));
    let response: Response;
    try {
      response = await base(url, init);
    } catch (error) {
      const name = (error as Error).name;
      const status = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      metrics.apiCalls.inc({ method, status });
      metrics.apiErrors.inc({ method, status, error: status });
      throw error;
    }
    const status = String(response.status);
    metrics.apiCalls.inc({ method, status });
    if (!response.ok) {
      metrics.apiErrors.inc({ method, status, error: response.status === 429 ? 'ratelimited' : `http_${status}` });
    } else if ((response.headers.get('content-type') ?? '').includes('json')) {
      // Slack reports most failures as 200 + {"ok":false,"error":…}; read a copy, the WebClient reads the original.
      void response
        .clone()
        .json()
        .then((json: unknown) => {
          const body = json as { ok?: unknown; error?: unknown } | null;
          if (body?.ok === false) metrics.apiErrors.inc({ method, status, error: typeof body.error === 'string' && /^[a-z_]{1,60}$/.test(body.error) ? body.error : 'other' });
        })
        .catch(() => {});
    }
    return response;
  };
}

/** The logger, counting dead-letter lines (`"event":"dead_letter"`) by method; children are tapped too. */
export function tapLogger(logger: Logger, metrics: BotMetrics): Logger {
  const count = (args: unknown[]): void => {
    const fields = args[1] as { event?: unknown; method?: unknown } | undefined;
    if (fields && typeof fields === 'object' && fields.event === 'dead_letter') metrics.deadLetters.inc({ method: typeof fields.method === 'string' ? fields.method : 'unknown' });
  };
  return {
    debug: (...args) => logger.debug(...args),
    info: (...args) => logger.info(...args),
    warn: (...args) => logger.warn(...args),
    error: (...args) => {
      count(args);
      logger.error(...args);
    },
    setLevel: (level) => logger.setLevel(level),
    getLevel: () => logger.getLevel(),
    setName: (name) => logger.setName(name),
    child: (fields) => tapLogger(logger.child(fields), metrics),
  };
}
