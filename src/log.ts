/**
 * Structured logger: one JSON object per line (`ts`, `level`, `msg`, then the fields, flat).
 * Secrets never reach the output: Slack tokens, Bearer credentials, passwords in URLs,
 * secret-named fields and every configured secret value are redacted in messages and fields.
 * Its shape also satisfies @slack/logger's Logger (debug/info/warn/error/setLevel/getLevel/setName),
 * so Bolt and the Web API client log through it too.
 */
import type { LogLevel as SlackLogLevel } from '@slack/logger';
import type { Config } from './config.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  setLevel(level: string): void;
  /** A level name ('debug'…'error'), typed as @slack/logger's enum so Bolt accepts this logger as is. */
  getLevel(): SlackLogLevel;
  setName(name: string): void;
  /** A logger that adds `fields` to every line it writes (same sink, level and secrets). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Secret values to redact wherever they appear (tokens, signing secret, passwords). */
  secrets?: readonly (string | undefined)[];
  /** Receives each finished line (with its newline). Defaults to standard error, leaving stdout to the console. */
  sink?: (line: string) => void;
  now?: () => Date;
}

export const REDACTED = '[REDACTED]';
const RESERVED = new Set(['ts', 'level', 'msg', 'name']);
/** Field names whose values are secrets whatever they look like. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|token|signingsecret|signing_secret|clientsecret|client_secret|apptoken|bottoken|usertoken|x-slack-signature|access_token|refresh_token)$/i;
// Each pattern is a single run of one character class after a fixed prefix: linear, no backtracking blow-up.
const TOKEN_PATTERNS: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, `xox*-${REDACTED}`],
  [/\bxapp-[A-Za-z0-9-]+/g, `xapp-${REDACTED}`],
  [/\b(Bearer|Basic)\s+[^\s"'\\,;]+/gi, `$1 ${REDACTED}`],
  [/(:\/\/[^\s:/@"'\\]*:)[^\s@/"'\\]+@/g, `$1${REDACTED}@`],
  [/\bv0=[0-9a-f]{16,}/g, `v0=${REDACTED}`],
];
const MAX_DEPTH = 6;
const MAX_STRING = 16_384;

function rank(level: string): number {
  const index = LOG_LEVELS.indexOf(level.toLowerCase() as LogLevelName);
  return index < 0 ? 1 : index;
}

function normalizeLevel(level: string | undefined): LogLevelName {
  return LOG_LEVELS[rank(level ?? 'info')] ?? 'info';
}

class Redactor {
  private readonly secrets: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
    // Also catch a secret in its JSON-escaped form, as it would appear inside a serialized field.
    const escaped = values.map((s) => JSON.stringify(s).slice(1, -1)).filter((s) => !values.includes(s));
    this.secrets = [...values, ...escaped].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    for (const [pattern, replacement] of TOKEN_PATTERNS) out = out.replace(pattern, replacement);
    // Truncate after redacting, so a cut can never leave half a secret behind.
    return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…[truncated ${out.length - MAX_STRING} chars]` : out;
  }

  value(value: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object') return value === undefined ? undefined : String(value);
    if (seen.has(value)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    seen.add(value);
    if (value instanceof Error) return this.value(errorFields(value), depth, seen);
    if (Array.isArray(value)) return value.slice(0, 100).map((v) => this.value(v, depth + 1, seen));
    if (value instanceof Map) return this.value(Object.fromEntries(value), depth, seen);
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && v !== undefined && v !== null && v !== '' ? REDACTED : this.value(v, depth + 1, seen);
    }
    return out;
  }
}

function errorFields(error: Error): LogFields {
  const fields: LogFields = { name: error.name, message: error.message };
  const extra = error as Error & { code?: unknown; details?: unknown; data?: unknown; cause?: unknown };
  if (extra.code !== undefined) fields.code = extra.code;
  if (extra.details !== undefined) fields.details = extra.details;
  if (extra.cause !== undefined) fields.cause = extra.cause;
  if (error.stack) fields.stack = error.stack.split('\n').slice(0, 8).join('\n');
  return fields;
}

function isPlainObject(value: unknown): value is LogFields {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Splits Bolt-style variadic arguments into a message and fields: plain objects become fields, an error becomes `err`. */
function splitArgs(args: unknown[]): { msg: string; fields: LogFields } {
  const words: string[] = [];
  const fields: LogFields = {};
  for (const arg of args) {
    if (typeof arg === 'string') words.push(arg);
    else if (arg instanceof Error) {
      fields.err = arg;
      if (words.length === 0) words.push(arg.message);
    } else if (isPlainObject(arg)) Object.assign(fields, arg);
    else if (arg !== undefined) words.push(typeof arg === 'object' ? safeJson(arg) : String(arg));
  }
  return { msg: words.join(' '), fields };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

interface Shared {
  level: number;
  name: string | undefined;
  readonly redactor: Redactor;
  readonly sink: (line: string) => void;
  readonly now: () => Date;
}

class JsonLogger implements Logger {
  constructor(
    private readonly shared: Shared,
    private readonly bound: LogFields,
  ) {}

  debug(...args: unknown[]): void {
    this.write(0, args);
  }
  info(...args: unknown[]): void {
    this.write(1, args);
  }
  warn(...args: unknown[]): void {
    this.write(2, args);
  }
  error(...args: unknown[]): void {
    this.write(3, args);
  }
  setLevel(level: string): void {
    this.shared.level = rank(level);
  }
  getLevel(): SlackLogLevel {
    // @slack/logger's LogLevel is a string enum whose values are exactly these names.
    return (LOG_LEVELS[this.shared.level] ?? 'info') as SlackLogLevel;
  }
  setName(name: string): void {
    this.shared.name = name;
  }
  child(fields: LogFields): Logger {
    return new JsonLogger(this.shared, { ...this.bound, ...fields });
  }

  private write(level: number, args: unknown[]): void {
    if (level < this.shared.level) return;
    const { redactor } = this.shared;
    const { msg, fields } = splitArgs(args);
    const line: LogFields = { ts: this.shared.now().toISOString(), level: LOG_LEVELS[level] };
    if (this.shared.name) line.name = this.shared.name;
    line.msg = redactor.text(msg);
    const redacted = redactor.value({ ...this.bound, ...fields }, 0, new WeakSet()) as LogFields;
    for (const [key, value] of Object.entries(redacted)) line[RESERVED.has(key) ? `field_${key}` : key] = value;
    // A last pass over the finished line catches a secret split across the walk (e.g. inside a stringified body).
    this.shared.sink(`${redactor.text(JSON.stringify(line))}\n`);
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const shared: Shared = {
    level: rank(normalizeLevel(options.level)),
    name: options.name,
    redactor: new Redactor(options.secrets ?? []),
    sink: options.sink ?? ((line) => void process.stderr.write(line)),
    now: options.now ?? (() => new Date()),
  };
  return new JsonLogger(shared, {});
}

/** Every secret value the configuration holds, for the redactor. */
export function configSecrets(config: Config): string[] {
  const secrets: (string | undefined)[] = [config.env.SLACK_BOT_TOKEN, config.env.SLACK_APP_TOKEN, config.env.SLACK_SIGNING_SECRET];
  if (config.redisUrl) {
    try {
      secrets.push(decodeURIComponent(new URL(config.redisUrl).password) || undefined);
    } catch {
      // An unparsable URL was already rejected by config validation.
    }
  }
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/** The logger for a running kbbot: level from LOG_LEVEL, every configured secret redacted. */
export function loggerFromConfig(config: Config, options: Omit<LoggerOptions, 'level' | 'secrets'> = {}): Logger {
  return createLogger({ ...options, level: config.logLevel, secrets: configSecrets(config) });
}
