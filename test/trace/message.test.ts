import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParsedMessageSchema } from '../../src/model.js';
import { decodeSlackText, parseMessage } from '../../src/trace/index.js';

describe('decodeSlackText', () => {
  it.each([
    ['entities', 'R&amp;D &lt;b&gt; &amp;lt;', 'R&D <b> &lt;'],
    ['a labelled link', 'see <http://support.microsoft.com/kb/272274|this article>', 'see this article (http://support.microsoft.com/kb/272274)'],
    ['an auto-link of what was typed', '<http://support.microsoft.com/kb/272274|support.microsoft.com/kb/272274>', 'support.microsoft.com/kb/272274'],
    ['a bare link', '<https://example.com/a>', 'https://example.com/a'],
    ['a user mention', '<@U123> and <@U456|bob>', '@U123 and @bob'],
    ['a channel', '<#C123|oncall> and <#C456>', '#oncall and #C456'],
    ['special mentions', '<!here> <!channel> <!subteam^S1|@dba>', '@here @channel @dba'],
    ['code fences', '```STORE!EcRpc```', '\nSTORE!EcRpc\n'],
    ['smart quotes', '\u201cfixed\u201d isn\u2019t', '"fixed" isn\'t'],
    ['a stray < and &', 'a < b & c > d', 'a < b & c > d'],
  ])('decodes %s', (_name, text, decoded) => {
    expect(decodeSlackText(text)).toBe(decoded);
  });
});

describe('parseMessage', () => {
  const text = readFileSync(new URL('../fixtures/trace/slack-message.txt', import.meta.url), 'utf8');

  it('reads the trace, KB reference and clues from a message as Slack delivers it', () => {
    const parsed = parseMessage(text);
    expect(ParsedMessageSchema.parse(parsed)).toEqual(parsed);
    expect(parsed.traces).toHaveLength(1);
    expect(parsed.traces[0]!.map((f) => `${f.module}!${f.symbol}`)).toEqual([
      'STORE!PUSH_NOTIFY::PushToClient', 'STORE!ScanForOutstandingNotifications', 'STORE!EcProcessTask', 'KERNEL32!BaseThreadStart',
    ]);
    expect(parsed.kbRefs).toEqual(['Q272274']);
    expect(parsed.clues).toEqual([
      { kind: 'file-version', version: '5.5.2653.12', file: 'store.exe' },
      { kind: 'exception-code', code: 'c0000005' },
      { kind: 'file-version', version: '5.5.2654.3' },
    ]);
  });

  it('finds no trace, reference or clue in plain chat, only its words', () => {
    expect(parseMessage('Help! kbbot! is anyone around? &lt;3')).toEqual({ traces: [], kbRefs: [], clues: [], words: ['help', 'kbbot', 'anyone', 'around'] });
  });

  it('keeps the words of a paste without a trace, and none of a paste with one', () => {
    expect(parseMessage('WINWORD caused an invalid page fault, only with DOCVARIABLE fields in the header').words).toEqual(['winword', 'caused', 'invalid', 'page', 'fault', 'only', 'docvariable', 'fields', 'header']);
    expect(parseMessage('crash:\nntdll!RtlpFreeHeap+0x1c\nntdll!RtlFreeHeap+0x20\nmyapp!CWidget::Free+0x10').words).toBeUndefined();
  });
});
