/**
 * The only reader of `process.env`. Configuration is read once, validated with zod,
 * frozen and passed down. A bad value is reported by variable name, never by value.
 */
import { z } from 'zod';
import { ErrorCode, KbBotError } from './errors.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url('must be a URL such as https://slack.com/api/').optional()),
  PORT: optionalText.transform((v) => (v === undefined ? 3000 : Number(v))).pipe(z.number().int('must be a port number').min(0).max(65535)),
  /** Serves /healthz, /readyz and /metrics on a port of their own (Socket Mode has no other HTTP port). */
  METRICS_PORT: optionalText.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int('must be a port number').min(0).max(65535).optional()),
  KBBOT_STORE: optionalText,
  KBBOT_DATA_DIR: optionalText,
  REDIS_URL: optionalText.pipe(z.url('must be a redis:// URL').optional()),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  /** The team store's folder (known issues recorded from Slack); default `<KBBOT_DATA_DIR>/team`. Unused with REDIS_URL. */
  KBBOT_TEAM_STORE: optionalText,
  /** Who may record and edit known issues: Slack user ids (U…, W…) and user groups (S…), comma or space separated; empty = everyone. */
  KBBOT_EDITORS: optionalText
    .transform((v) => (v === undefined ? [] : v.split(/[\s,]+/).filter((e) => e !== '')))
    .pipe(z.array(z.string().regex(/^[UWS][A-Z0-9]{2,}$/, 'must list Slack user ids (U…, W…) or user group ids (S…)'))),
  /** When `true`, a `none` verdict in a channel gets a short "nothing known" reply instead of silence. */
  KBBOT_ANSWER_NONE_IN_CHANNELS: optionalText.pipe(z.enum(['true', 'false']).default('false')).transform((v) => v === 'true'),
});

export type Env = z.infer<typeof EnvSchema>;

export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number }
  | { kind: 'offline'; reason: string };

export interface Config {
  readonly env: Env;
  readonly slack: SlackMode;
  readonly storeDir: string | undefined;
  readonly dataDir: string | undefined;
  readonly redisUrl: string | undefined;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly slackApiUrl: string | undefined;
  readonly answerNoneInChannels: boolean;
  readonly metricsPort: number | undefined;
  readonly teamStoreDir: string | undefined;
  /** KBBOT_EDITORS; empty: everyone may record. */
  readonly editors: readonly string[];
}

function chooseMode(env: Env): SlackMode {
  const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = env;
  if (bot && app) return { kind: 'socket', botToken: bot, appToken: app, ...(secret ? { signingSecret: secret } : {}) };
  if (bot && secret) return { kind: 'http', botToken: bot, signingSecret: secret, port: env.PORT };
  if (bot) {
    throw new KbBotError(
      ErrorCode.ConfigInvalid,
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is',
      { variables: ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] },
    );
  }
  if (app || secret) {
    throw new KbBotError(ErrorCode.ConfigInvalid, `SLACK_BOT_TOKEN is missing (${app ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set)`, {
      variables: ['SLACK_BOT_TOKEN'],
    });
  }
  return { kind: 'offline', reason: 'no Slack credentials: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)' };
}

/**
 * `KBBOT_STORE` alone, for the commands that never talk to Slack (validate, lookup, match, search, console):
 * a mistake in a Slack setting is not theirs to fail on.
 */
export function loadStoreSetting(source: Record<string, string | undefined> = process.env): Pick<Config, 'storeDir'> {
  return { storeDir: EnvSchema.shape.KBBOT_STORE.parse(source.KBBOT_STORE) };
}

/**
 * Where the team's recorded known issues live for the offline commands (console, match, search, lookup):
 * `KBBOT_TEAM_STORE`, else `team/` under `KBBOT_DATA_DIR` (or the default data folder). Redis is Slack's.
 */
export function loadTeamFolderSetting(source: Record<string, string | undefined> = process.env): Pick<Config, 'teamStoreDir' | 'dataDir'> {
  return { teamStoreDir: source.KBBOT_TEAM_STORE || undefined, dataDir: source.KBBOT_DATA_DIR || undefined };
}

/** Reads and validates the environment; throws one KbBotError naming every bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new KbBotError(ErrorCode.ConfigInvalid, `invalid configuration: ${problems.join('; ')}`, {
      variables: parsed.error.issues.map((i) => i.path.join('.')),
    });
  }
  const env = parsed.data;
  return Object.freeze({
    env,
    slack: chooseMode(env),
    storeDir: env.KBBOT_STORE,
    dataDir: env.KBBOT_DATA_DIR,
    redisUrl: env.REDIS_URL,
    logLevel: env.LOG_LEVEL,
    slackApiUrl: env.SLACK_API_URL,
    answerNoneInChannels: env.KBBOT_ANSWER_NONE_IN_CHANNELS,
    metricsPort: env.METRICS_PORT,
    teamStoreDir: env.KBBOT_TEAM_STORE,
    editors: Object.freeze([...env.KBBOT_EDITORS]),
  });
}
