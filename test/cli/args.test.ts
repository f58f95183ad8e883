import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, parseCommandArgs, resolveStoreDir, STORE_OPTION, type CommandSpec } from '../../src/cli/args.js';
import { defaultStoreDir } from '../../src/store/index.js';

const spec = {
  name: 'demo',
  synopsis: 'REF [--json] [--store DIR]',
  description: 'A command for tests.',
  options: { json: { type: 'boolean', description: 'print JSON' }, store: STORE_OPTION },
  positionals: { min: 1, max: 1 },
  examples: ['kbbot demo Q1'],
} satisfies CommandSpec;

describe('parseCommandArgs', () => {
  it('returns options and positionals, booleans defaulting to false', () => {
    expect(parseCommandArgs(spec, ['Q1'])).toEqual({ help: false, values: { json: false, store: undefined }, positionals: ['Q1'] });
    expect(parseCommandArgs(spec, ['--store', 'x', 'Q1', '--json'])).toEqual({ help: false, values: { json: true, store: 'x' }, positionals: ['Q1'] });
  });

  it.each([['--help'], ['-h'], ['Q1', '--help']])('answers %s with the help text, even with missing arguments', (...argv) => {
    expect(parseCommandArgs(spec, argv)).toEqual({ help: true, text: helpText(spec) });
  });

  it.each([
    [[], /missing argument/],
    [['Q1', 'Q2'], /unexpected argument 'Q2'/],
    [['--bogus', 'Q1'], /--bogus/],
    [['Q1', '--store'], /--store/],
  ])('rejects %j as a usage error pointing at --help', (argv, message) => {
    expect(() => parseCommandArgs(spec, argv)).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringMatching(message) }));
    expect(() => parseCommandArgs(spec, argv)).toThrow(/kbbot demo --help/);
  });
});

describe('helpText', () => {
  it('shows the usage line, every option with its description, and the examples', () => {
    const text = helpText(spec);
    expect(text).toMatch(/^usage: kbbot demo REF \[--json\] \[--store DIR\]/);
    expect(text).toMatch(/--json\s+print JSON/);
    expect(text).toMatch(/--store DIR\s+signature store folder/);
    expect(text).toMatch(/-h, --help\s+show this help/);
    expect(text).toContain('  kbbot demo Q1');
  });
});

describe('resolveStoreDir', () => {
  it.each([
    ['--store wins over KBBOT_STORE', 'flag-dir', 'env-dir', resolve('flag-dir')],
    ['KBBOT_STORE when no --store', undefined, 'env-dir', resolve('env-dir')],
    ['the bundled signatures/ otherwise', undefined, undefined, defaultStoreDir()],
  ])('%s', (_name, flag, storeDir, expected) => {
    expect(resolveStoreDir(flag, { storeDir })).toBe(expected);
  });

  it('finds the bundled signatures/ beside the package, not under the cwd', () => {
    expect(defaultStoreDir()).toBe(resolve(import.meta.dirname, '../../signatures'));
  });
});
