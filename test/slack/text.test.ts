/** Reading Slack message text: rich_text fallback, mentions, and links left to the unfurl. */
import { describe, expect, it } from 'vitest';
import { channelTypeOf } from '../../src/slack/listeners/incoming.js';
import { mentionsUser, messageText, withoutUnfurledLinks } from '../../src/slack/text.js';

describe('messageText', () => {
  const richTrace = [
    {
      type: 'rich_text',
      elements: [
        { type: 'rich_text_section', elements: [{ type: 'text', text: 'crash in ' }, { type: 'user', user_id: 'U1' }] },
        { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'STORE!A<T>::B+0x1' }] },
      ],
    },
  ];
  it.each([
    ['text when there is text', { text: 'hello', blocks: richTrace }, 'hello'],
    ['rich_text when the text is empty, escaped like Slack text', { text: ' ', blocks: richTrace }, 'crash in <@U1>\nSTORE!A&lt;T&gt;::B+0x1\n'],
    ['nothing when there is neither', {}, ''],
  ])('reads %s', (_name, event, expected) => {
    expect(messageText(event)).toBe(expected);
  });
});

describe('withoutUnfurledLinks', () => {
  it.each([
    ['a bare KB link', 'see <https://support.microsoft.com/kb/272274>', 'see '],
    ['a labelled KB link', '<https://support.microsoft.com/en-us/help/272274|KB272274> now', ' now'],
    ['other links', 'see <https://example.com/kb/272274>', 'see <https://example.com/kb/272274>'],
    ['mentions and KB numbers', '<@U1> KB272274', '<@U1> KB272274'],
    ['an unclosed bracket', 'a < b and STORE!X', 'a < b and STORE!X'],
  ])('handles %s', (_name, text, expected) => {
    expect(withoutUnfurledLinks(text)).toBe(expected);
  });

  it('stays linear on a hostile paste of brackets', () => {
    const hostile = '<'.repeat(200_000) + '>'.repeat(200_000);
    const started = performance.now();
    withoutUnfurledLinks(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('mentions and channel types', () => {
  it.each([
    ['<@UKB> hi', true],
    ['<@UKB|kbbot> hi', true],
    ['<@UKBX> hi', false],
    ['UKB hi', false],
  ])('"%s" mentions UKB: %s', (text, expected) => {
    expect(mentionsUser(text, 'UKB')).toBe(expected);
  });

  it.each([
    ['im', 'D1', 'im'],
    [undefined, 'D1', 'im'],
    [undefined, 'G1', 'group'],
    [undefined, 'C1', 'channel'],
    ['mpim', 'G2', 'mpim'],
  ] as const)('channel_type %s in %s is %s', (type, channel, expected) => {
    expect(channelTypeOf(type, channel)).toBe(expected);
  });
});
