#!/usr/bin/env node
/**
 * kbbot's command line: one table of commands, each loaded lazily from its own file.
 * The only place that prints or exits is src/cli/.
 */
import { ErrorCode, KbBotError } from '../errors.js';

export interface CommandModule {
  /** Runs the command with its own arguments; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: Record<string, CommandEntry> = {
  start: { summary: 'start the bot (Socket Mode, HTTP, or the offline console without credentials)', load: () => import('./commands/start.js') },
  console: { summary: 'paste messages and see what the bot would reply', load: () => import('./commands/console.js') },
  ingest: { summary: 'parse KB articles (files, folders, .tar.gz) into signature files', load: () => import('./commands/ingest.js') },
  validate: { summary: 'check every signature file in the store', load: () => import('./commands/validate.js') },
  lookup: { summary: 'show one article (Q272274, KB272274, 272274, a URL)', load: () => import('./commands/lookup.js') },
  match: { summary: 'match a pasted message (file or stdin) against the store', load: () => import('./commands/match.js') },
  add: { summary: 'record a pasted crash as a team known issue (KI-N) in the store', load: () => import('./commands/add.js') },
  search: { summary: 'free-text search over titles and symptoms', load: () => import('./commands/search.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: kbbot <command> [options]', '', 'commands:', ...lines, '', 'kbbot <command> --help for its options'].join('\n');
}

export async function runMain(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`kbbot: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest);
  } catch (error) {
    // Only a mistake in the command line is exit 2; anything else that went wrong (a missing file, an
    // unreadable store) is a failure, exit 1, as the README's exit codes say.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`kbbot ${name}: ${message}\n`);
    return error instanceof KbBotError && error.code === ErrorCode.Usage ? 2 : 1;
  }
}

runMain(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kbbot: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
