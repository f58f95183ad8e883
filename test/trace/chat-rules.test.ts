/** rules/chat-clause.txt: the chat reader reads the wording the file lists, and a bad line is reported with file:line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saidInChat, withoutChatTail } from '../../src/trace/chat-clause.js';
import { CHAT_RULES_FILE, loadChatRules, parseChatRules } from '../../src/trace/chat-rules.js';

const bundled = loadChatRules();
/** An entry as someone types it: `says?` → `says`, `every ?time` → `every time`, `hmm+` → `hmmm`. */
const typed = (entry: string): string => entry.replace(/(.)\+/g, '$1$1$1').replace(/\?/g, '');
const entries = (list: Parameters<typeof bundled.words>[0]): string[] => [...bundled.words(list)].map(typed);

const MESSAGE = 'the RPC server is unavailable';

describe('the chat reader reads the wording rules/chat-clause.txt lists', () => {
  it.each(entries('greeting'))('drops the greeting "%s"', (greeting) => {
    expect(saidInChat(`${greeting}, getting ${MESSAGE}`)).toBe(MESSAGE);
  });

  it.each(entries('say-verb'))('reads a program that "%s" a message', (verb) => {
    expect(saidInChat(`outlook ${verb} ${MESSAGE}`)).toBe(MESSAGE);
  });

  it.each(entries('person'))('reads "%s are getting" a message', (person) => {
    expect(saidInChat(`${person} are getting ${MESSAGE}`)).toBe(MESSAGE);
  });

  it.each(entries('when'))('cuts off a "%s I …" tail', (when) => {
    expect(withoutChatTail(`${MESSAGE} ${when} I open outlook`)).toBe(MESSAGE);
  });

  it.each(entries('since-what'))('cuts off a "since %s" tail', (what) => {
    expect(saidInChat(`getting ${MESSAGE} since ${what}`)).toBe(MESSAGE);
  });

  it('tries a longer entry before one it begins with, whatever the file order', () => {
    const rules = loadChatRules();
    expect(rules.alt('named-noun').indexOf('error message')).toBeLessThan(rules.alt('named-noun').indexOf('|error|'));
    const reordered = parseChatRules(
      readBundledWith((text) => text.replace('[named-noun]\nerror message | error |', '[named-noun]\nerror | error message |')),
    );
    expect(reordered.alt('named-noun')).toBe(rules.alt('named-noun'));
  });
});

/** The bundled file with one change (a test's bad line lands where the bundled line was). */
function readBundledWith(change: (text: string) => string): string {
  const text = readFileSync(new URL(`../../rules/${CHAT_RULES_FILE}`, import.meta.url), 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  return changed;
}

describe('a bad rules/chat-clause.txt', () => {
  it.each([
    ['an unknown list', '[greetings]\nhey', ':2: unknown list [greetings]'],
    ['an entry before any list', 'hey | hi', ':2: an entry before any [list] line'],
    ['an empty entry', '[greeting]\nhey || hi', ":3: an empty entry in 'hey || hi'"],
    ['a trailing separator', '[greeting]\nhey | hi |', ':3: an empty entry'],
    ['regex syntax', '[greeting]\nhey | h[ae]llo', ":3: 'h[ae]llo': only letters, digits, spaces"],
    ['a doubled mark', '[greeting]\nhey | hi??', ":3: 'hi??': only letters"],
    ['a mark with nothing before it', '[greeting]\n?hey', ":3: '?hey': only letters"],
    ['an upper-case entry', '[greeting]\nHey', ":3: 'Hey': [greeting] is written in lower case"],
    ['a lower-case typed lead start', '[typed-lead-start]\nwe', ":3: 'we': [typed-lead-start] is written as typed"],
    ['a phrase among filler words', '[filler]\nthe same', ":3: 'the same': [filler] holds single words"],
    ['an entry listed twice', '[greeting]\nhey | hi\nhey', ":4: 'hey' listed twice in [greeting]"],
    ['a list given twice', '[greeting]\nhey\n[greeting]\nhi', ':4: list [greeting] given twice'],
  ])('rejects %s with the file and line', (_name, body, where) => {
    expect(() => parseChatRules(`# comment\n${body}`, 'chat-clause.txt')).toThrow(`chat-clause.txt${where}`);
  });

  it('names a list left out, and a list without entries by its line', () => {
    expect(() => parseChatRules(readBundledWith((t) => t.replace(/\[filler\][^[]*$/, '')), 'chat-clause.txt')).toThrow('chat-clause.txt: list [filler] is missing');
    const emptied = readBundledWith((t) => t.replace(/\[own\]\nmy \| our\n/, '[own]\n'));
    const line = emptied.split('\n').indexOf('[own]') + 1;
    expect(() => parseChatRules(emptied, 'chat-clause.txt')).toThrow(`chat-clause.txt:${line}: list [own] has no entries`);
  });

  it('loads a folder that holds the file, and names the path it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbbot-chat-rules-'));
    expect(() => loadChatRules(dir)).toThrow(`cannot read rule list ${join(dir, CHAT_RULES_FILE)}`);
    writeFileSync(join(dir, CHAT_RULES_FILE), readBundledWith((t) => t.replace('| hmm+ |', '| hmm+ | howdy |')));
    expect(loadChatRules(dir).words('greeting').has('howdy')).toBe(true);
  });
});
