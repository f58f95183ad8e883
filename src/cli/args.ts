/**
 * The argument helper every command uses: node:util parseArgs plus per-command `--help` text,
 * the shared `--store` option, and mistakes reported as KbBotError code `usage` (exit 2).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStoreSetting, type Config } from '../config.js';
import { ErrorCode, KbBotError } from '../errors.js';
import { defaultStoreDir } from '../store/index.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder shown in help for a string option (`DIR`, `FILE`). */
  value?: string;
  description: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** The command word: `lookup`. */
  name: string;
  /** What follows the command word in the usage line: `REF [--json] [--store DIR]`. */
  synopsis: string;
  description: string;
  options: O;
  positionals: { min: number; max: number };
  examples: string[];
}

export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string | undefined;
};

export type ParsedCommand<O extends Record<string, OptionSpec>> =
  | { help: true; text: string }
  | { help: false; values: OptionValues<O>; positionals: string[] };

/** Where command output goes; tests pass their own to capture it. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width when `err` goes to one (progress bars redraw there); undefined otherwise. */
  readonly errColumns?: number | undefined;
}

export const processIo: CommandIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get errColumns() {
    return process.stderr.isTTY ? process.stderr.columns : undefined;
  },
};

/** The `--store DIR` option, shared by every command that reads signatures. */
export const STORE_OPTION = {
  type: 'string',
  value: 'DIR',
  description: 'signature store folder, or a pack FILE.jsonl[.gz] (default: $KBBOT_STORE, else the bundled signatures/)',
} as const satisfies OptionSpec;

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

export function helpText(spec: CommandSpec): string {
  const options = Object.entries({ ...spec.options, help: HELP_OPTION });
  const labels = options.map(([name, o]) => `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...labels.map((l) => l.length));
  const optionLines = options.map(([, o], i) => `  ${(labels[i] ?? '').padEnd(width)}  ${o.description}`);
  const exampleLines = spec.examples.map((e) => `  ${e}`);
  return [`usage: kbbot ${spec.name} ${spec.synopsis}`, '', spec.description, '', 'options:', ...optionLines, '', 'examples:', ...exampleLines, ''].join('\n');
}

function usageError(spec: CommandSpec, message: string): KbBotError {
  return new KbBotError(ErrorCode.Usage, `${message} (see kbbot ${spec.name} --help)`, { command: spec.name });
}

export function parseCommandArgs<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: string[]): ParsedCommand<O> {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) {
    config[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(spec, (error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (parsed.values.help === true) return { help: true, text: helpText(spec) };
  const { min, max } = spec.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw usageError(spec, `missing argument: kbbot ${spec.name} ${spec.synopsis}`);
  if (count > max) throw usageError(spec, `unexpected argument '${parsed.positionals[max] ?? ''}'`);
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const v = parsed.values[name];
    values[name] = o.type === 'boolean' ? v === true : o.multiple ? (v ?? []) : v;
  }
  return { help: false, values: values as OptionValues<O>, positionals: parsed.positionals };
}

/**
 * `--store DIR` when given, else `KBBOT_STORE`, else the bundled signatures/. Without a `config` only
 * `KBBOT_STORE` is read, so Slack settings never stop a command that does not talk to Slack.
 */
export function resolveStoreDir(flag: string | undefined, config?: Pick<Config, 'storeDir'>): string {
  if (flag !== undefined) return resolve(flag);
  const fromEnv = (config ?? loadStoreSetting()).storeDir;
  return fromEnv === undefined ? defaultStoreDir() : resolve(fromEnv);
}
