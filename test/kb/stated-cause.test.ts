import { describe, expect, it } from 'vitest';
import { statedCause } from '../../src/kb/stated-cause.js';

describe('a cause stated outside a CAUSE section (issue 8)', () => {
  it.each([
    ['a single cause sentence', 'SYMPTOMS', 'The widget stops. This error may occur if the disk is full. Restart it.', 'This error may occur if the disk is full.'],
    [
      'a list the sentence opens, every item kept',
      'SYMPTOMS',
      'The widget stops.\n\nThis error can be caused by one of the following:\n\n - The [Widget] section in WIDGET.INI is missing.\n\n   Add it back.\n\n - The WIDGET.DLL file is damaged.\n\nTo check the file, run Setup.\n',
      'This error can be caused by one of the following: - The [Widget] section in WIDGET.INI is missing. Add it back. - The WIDGET.DLL file is damaged.',
    ],
    [
      'a list printed in the same paragraph',
      'MORE INFORMATION',
      'Event 9 commonly occurs when: - The pipe is closed. -or- - The server is stopped.\n\nFor more help, call support.\n',
      'Event 9 commonly occurs when: - The pipe is closed. -or- - The server is stopped.',
    ],
    [
      'a list in a flattened article',
      'SYMPTOMS',
      'This error is caused by one of the following conditions: - IPX.COM is not the correct version. - VIPX.386 is not the correct version. Replace both files.',
      'This error is caused by one of the following conditions: - IPX.COM is not the correct version. - VIPX.386 is not the correct version.',
    ],
  ])('reads %s', (_name, key, body, expected) => {
    expect(statedCause([{ key, body }])).toBe(expected);
  });

  it.each([
    [
      'an explanation going on in the same paragraph',
      'This happens when the widget clock is ahead of the site clock. If you advance the widget clock, this creates a larger gap.\n\nSee the log.\n',
      'This happens when the widget clock is ahead of the site clock. If you advance the widget clock, this creates a larger gap.',
    ],
    [
      'an instruction after the cause',
      'This error happens when the user types the name incorrectly. Have the user try again. The account is then found.\n',
      'This error happens when the user types the name incorrectly.',
    ],
    [
      'a remedy after the cause',
      'This occurs if the file is read-only. By using the Attrib command, you can change the attribute back.\n',
      'This occurs if the file is read-only.',
    ],
    [
      'a status after the cause',
      'This problem is caused by WIDGET.COM. A future updated version of this file may address this problem.\n',
      'This problem is caused by WIDGET.COM.',
    ],
    [
      'a sentence opening a list of its own',
      'This occurs when the cache is full. In some situations, another error occurs:\n\n   Error 9\n',
      'This occurs when the cache is full.',
    ],
    [
      'what to do if it happens',
      'This is usually caused by the widget agent. If this happens, enable verbose mode to see where it fails.\n',
      'This is usually caused by the widget agent.',
    ],
    [
      'a contrast: where the problem does not occur',
      'This problem occurs if you use Widget 1.1. This problem does not occur with Widget 1.0.\n',
      'This problem occurs if you use Widget 1.1.',
    ],
    [
      'a side note with no link to the cause',
      'This occurs because the widget stores positions as real numbers. However, for any negative value, the widget is one pixel off.\n',
      'This occurs because the widget stores positions as real numbers.',
    ],
    [
      'a conclusion drawn from the cause',
      'Because the widget memory is not contiguous, there is no room above 1 MB. Therefore, the widget has no place to load high. Other widgets work the same way.\n',
      'Because the widget memory is not contiguous, there is no room above 1 MB. Therefore, the widget has no place to load high.',
    ],
    [
      'a cause sentence ending in the same words as an earlier one',
      'The image shows only over the widget that is the source of the data. This is because the image belongs to the widget that is the source of the data. This is what the shell does too.\n',
      'This is because the image belongs to the widget that is the source of the data. This is what the shell does too.',
    ],
    [
      'a comparison with another version (an aside, even with a link word)',
      'This behavior occurs when the two properties are set the same. This behavior is different from Widget 3.0, which shows a dialog.\n',
      'This behavior occurs when the two properties are set the same.',
    ],
    [
      'where the problem was seen',
      'The problem occurs when printing from Widget 8.0. These errors have been observed on a LaserJet 4 Plus.\n',
      'The problem occurs when printing from Widget 8.0.',
    ],
    [
      'how to check it',
      'The problem only happens when the remote host does not send the mode. This fact can be verified by tracing the connection.\n',
      'The problem only happens when the remote host does not send the mode.',
    ],
    [
      'the solution',
      'This problem may occur when the disk cannot keep up with the trace. Memory keeps growing, which causes the failure. The solution to this is to limit the size of the trace.\n',
      'This problem may occur when the disk cannot keep up with the trace. Memory keeps growing, which causes the failure.',
    ],
    [
      'the error named by its number',
      'The following error occurs when the widget function is passed an empty name. This is Widget error number 11.\n',
      'The following error occurs when the widget function is passed an empty name.',
    ],
    [
      'a "However" sentence that carries the cause on (kept: read over the archive, as often the cause as an aside)',
      'Because every widget message holds the tag, widget servers send a receipt back. However, by the time this receipt reaches the gateway, it is treated as mail.\n',
      'Because every widget message holds the tag, widget servers send a receipt back. However, by the time this receipt reaches the gateway, it is treated as mail.',
    ],
    [
      'another cause of the same problem, with no link word',
      'This problem occurs when you use the widget protocol over Token Ring. The problem also occurs when you use the updated widget redirector.\n',
      'This problem occurs when you use the widget protocol over Token Ring. The problem also occurs when you use the updated widget redirector.',
    ],
    [
      'a condition told over several sentences, each saying when it occurs',
      'This error occurs if two widget connections are open. When the first is closed and another is opened, the error occurs. However, it only occurs with the Acme widget driver. Other drivers work correctly.\n',
      'This error occurs if two widget connections are open. When the first is closed and another is opened, the error occurs. However, it only occurs with the Acme widget driver.',
    ],
    [
      'another symptom said with "may occur", or a remedy with "no longer occurs"',
      'This problem only occurs when a widget client reads the message. A widget hang may occur. If you change the font, the problem no longer occurs.\n',
      'This problem only occurs when a widget client reads the message.',
    ],
    [
      'a remedy said as "resolves"',
      'This can occur if the widget log is too small. Increasing the log size resolves this issue.\n',
      'This can occur if the widget log is too small.',
    ],
  ])('ends a stated cause where its paragraph stops explaining it: %s', (_name, body, expected) => {
    expect(statedCause([{ key: 'MORE INFORMATION', body }])).toBe(expected);
  });

  it.each([
    ['"<verb> <conjunction>"', 'The widget stops. It happens when the disk is full.', 'It happens when the disk is full.'],
    ['"<verb> only <conjunction>"', 'The widget stops. This appears only if the disk is full.', 'This appears only if the disk is full.'],
    ['"<modal> <hedge> caused by"', 'The widget stops. The error is usually caused by a full disk.', 'The error is usually caused by a full disk.'],
    ['"due to"', 'The widget stops. The error might be due to a full disk.', 'The error might be due to a full disk.'],
    ['"This is because", in any case', 'The widget stops. THIS IS BECAUSE the disk is full.', 'THIS IS BECAUSE the disk is full.'],
    ['"Because" as the opener', 'The widget stops. Because the disk is full, no file is written.', 'Because the disk is full, no file is written.'],
    ['nothing for "because" inside a sentence', 'The widget stops because the disk is full.', ''],
    ['nothing for "never occurs when"', 'The widget stops. It never occurs when the disk is empty.', ''],
  ])('tells the cause sentence by its wording (rules/stated-cause.txt): %s', (_name, body, expected) => {
    expect(statedCause([{ key: 'SYMPTOMS', body }])).toBe(expected);
  });

  it.each([
    [
      'a symptom and its message block glued on by the splitter (no period before the cause)',
      'When you print to the widget printer, the job may fail with the following error:\n\n   ERROR: invalidaccess\n   STACK:\n\n   300\n\nThis problem occurs when you use the 6.x widget driver.\n',
      'This problem occurs when you use the 6.x widget driver.',
    ],
    [
      'a list item before the cause words (kept: the item does not open like a sentence)',
      'It fails with these controls:\n\n - A.ocx\n\n - B.ocx This problem occurs only if the focus is changed.\n',
      'It fails with these controls: - A.ocx - B.ocx This problem occurs only if the focus is changed.',
    ],
  ])('starts the cause sentence in its own paragraph: %s', (_name, body, expected) => {
    expect(statedCause([{ key: 'SYMPTOMS', body }])).toBe(expected);
  });

  it('reads no cause in when a problem does not occur', () => {
    expect(statedCause([{ key: 'SYMPTOMS', body: 'The widget stops.\n\nThis problem does not occur if you use the 32-bit widget.\n' }])).toBe('');
  });

  it('keeps a numbered list the sentence opens, its first number included', () => {
    const body = 'The widget waits. This can occur if:\n\n1. The client has not answered.\n\n   -or-\n\n2. The host holds the session.\n\nRestart it.\n';
    expect(statedCause([{ key: 'MORE INFORMATION', body }])).toBe('This can occur if: 1. The client has not answered. -or- 2. The host holds the session.');
  });

  it('keeps a cause sentence alone when the list comes before its cause words', () => {
    const body = 'It fails with these controls: - A.ocx - B.ocx This problem occurs only if the focus is changed with the mouse.\n\n   Using the TAB key does not cause it.\n';
    expect(statedCause([{ key: 'SYMPTOMS', body }])).toBe('It fails with these controls: - A.ocx - B.ocx This problem occurs only if the focus is changed with the mouse.');
  });

  it('finds nothing in prose that states no cause', () => {
    expect(statedCause([{ key: 'SYMPTOMS', body: 'The widget stops.\n\n - Restart it.\n' }])).toBe('');
  });

  it('goes on into the next paragraph when it opens with a cause of its own', () => {
    const body = 'The widget deletes files.\n\nThis occurs when the widget count is over 32,767.\n\nThis issue only occurs if the widget is not shut down properly.\n\nThe widget logs event 2171.\n';
    expect(statedCause([{ key: 'SYMPTOMS', body }])).toBe('This occurs when the widget count is over 32,767. This issue only occurs if the widget is not shut down properly.');
  });

  it('stops at its paragraph when the next one opens with no cause', () => {
    const body = 'This occurs when the widget count is over 32,767.\n\nThe widget logs event 2171 when it occurs.\n';
    expect(statedCause([{ key: 'SYMPTOMS', body }])).toBe('This occurs when the widget count is over 32,767.');
  });

  it.each([
    ['a RESOLUTION opening with the cause', 'RESOLUTION', 'This error is generated when you sign in to a widget 3.0 server with a 3.1 client.\n\nOnly a 3.0 client works with it.\n', 'This error is generated when you sign in to a widget 3.0 server with a 3.1 client.'],
    ['a WORKAROUND opening with the cause', 'WORKAROUND', 'The misalignment occurs only when a quick widget report is printed.\n\n1. Open the report.\n', 'The misalignment occurs only when a quick widget report is printed.'],
    ['nothing for a cause sentence further into the RESOLUTION (a side note of the fix)', 'RESOLUTION', 'Set the widget size to 64.\n\nThis error may also occur when the widget client is old.\n', ''],
    ['nothing for a RESOLUTION opening with a remedy', 'RESOLUTION', 'To resolve this problem, which occurs when the widget is old, update it.\n', ''],
    ['nothing for a RESOLUTION opening with a reason for the fix ("Because ...")', 'RESOLUTION', 'Because parentheses have no effect on widget strings, do not use them.\n', ''],
    ['nothing for a RESOLUTION opening with when it does not happen ("No errors occur if")', 'RESOLUTION', 'No errors occur if the widget type is set.\n', ''],
  ])('reads the fix sections last: %s', (_name, key, body, expected) => {
    expect(statedCause([{ key: 'SYMPTOMS', body: 'The widget stops.\n' }, { key, body }])).toBe(expected);
  });

  it('prefers a cause stated in the symptoms to one opening the RESOLUTION', () => {
    expect(statedCause([{ key: 'RESOLUTION', body: 'This occurs when the widget is old.\n' }, { key: 'SYMPTOMS', body: 'The widget stops. It happens when the disk is full.\n' }])).toBe('It happens when the disk is full.');
  });
});
