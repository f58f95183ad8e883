import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbBotError } from '../../src/errors.js';
import { loadRules } from '../../src/match/index.js';
import { RuleClassifier } from '../../src/match/rules.js';

const GOOD = {
  'generic-frames.txt': '# generic\nkernel32!BaseThreadStart   thread-start\nrpcrt4!*  rpc\n',
  'generic-modules.txt': 'ntdll 0.5\n',
  'sentinels.txt': 'ntdll!KiUserExceptionDispatcher\n',
};

function rulesDir(files: Partial<typeof GOOD>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kbbot-rules-'));
  for (const [name, text] of Object.entries({ ...GOOD, ...files })) writeFileSync(join(dir, name), text);
  return dir;
}

describe('loadRules', () => {
  it('loads the shipped lists', () => {
    const rules = loadRules();
    expect(rules.frames.length).toBeGreaterThan(100);
    expect(rules.sentinels.length).toBeGreaterThan(0);
    expect(rules.modules.length).toBeGreaterThan(0);
  });

  it('normalises patterns like frames: case, extension and leading underscores do not matter', () => {
    const rules = loadRules(rulesDir({ 'generic-frames.txt': 'KERNEL32.DLL!_BaseThreadStart@4  thread-start\n' }));
    expect(rules.frames[0]?.glob.source).toBe('kernel32!basethreadstart');
  });

  it.each([
    ['generic-frames.txt', 'kernel32!BaseThreadStart thread-start\nno-bang-here thread-start\n', 'generic-frames.txt:2:'],
    ['generic-frames.txt', '\n\nntdll!RtlFreeHeap  heapish\n', 'generic-frames.txt:3: unknown category'],
    ['generic-frames.txt', 'ntdll!  heap\n', 'generic-frames.txt:1:'],
    ['generic-frames.txt', 'ntdll!RtlFreeHeap\n', 'generic-frames.txt:1:'],
    ['generic-modules.txt', 'ntdll 0.5\nkernel32 2\n', 'generic-modules.txt:2: factor'],
    ['generic-modules.txt', 'ntdll\n', 'generic-modules.txt:1:'],
    ['sentinels.txt', '# ok\nntdll!a!b\n', 'sentinels.txt:2:'],
  ])('reports a bad line in %s as file:line', (file, text, where) => {
    const dir = rulesDir({ [file]: text });
    expect(() => loadRules(dir)).toThrow(KbBotError);
    expect(() => loadRules(dir)).toThrow(where);
    try {
      loadRules(dir);
    } catch (error) {
      expect((error as KbBotError).code).toBe('rule_list_invalid');
    }
  });
});

describe('generic frames cut short in a paste', () => {
  const classifier = new RuleClassifier(loadRules(rulesDir({ 'generic-frames.txt': 'kernel32!BaseThreadStart   thread-start\nntdll!DbgBreakPoint  debug\n' })));
  it.each([
    ['the name whole', 'kernel32!basethreadstart', 'skip'],
    ['the name cut short', 'kernel32!basethreads', 'skip'],
    ['a cut-short debugger break', 'ntdll!dbgbreakp', 'skip'],
    ['too short a piece to say which frame it was', 'kernel32!basethr', 'keep'],
    ['a longer name the rule is a prefix of', 'kernel32!basethreadstartex', 'keep'],
    ['another module', 'mymod!basethreads', 'keep'],
  ])('%s', (_label, key, action) => {
    expect(classifier.classify(key.split('!')[0]!, key).action).toBe(action);
  });

  it('says the rule and that the name was cut short', () => {
    expect(classifier.classify('kernel32', 'kernel32!basethreads')).toMatchObject({ rule: expect.stringContaining('cut short') });
  });
});

describe('generic frames mistyped in a paste', () => {
  const classifier = new RuleClassifier(loadRules(rulesDir({ 'generic-frames.txt': 'ntdll!KiUserExceptionDispatcher  exception\nkernel32!lstrlenW  crt\n' })));
  it.each([
    ['two letters swapped', 'ntdll!kiuserexcpetiondispatcher', true],
    ['a letter dropped', 'ntdll!kiuserexceptiondispatchr', true],
    ['two slips', 'ntdll!kiusrexceptondispatcher', false],
    ['a short name one letter off (too easily another real name)', 'kernel32!lstrlenx', false],
    ['the same slip in another module', 'mymod!kiuserexcpetiondispatcher', false],
  ])('%s', (_label, key, skipped) => {
    expect(classifier.classify(key.split('!')[0]!, key).action === 'skip').toBe(skipped);
  });
});
