import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldStackFrame } from '../../src/kb/prechecks.js';
import { parseTraces } from '../../src/trace/index.js';

describe('mayHoldStackFrame', () => {
  it.each([
    ['a frame', 'STORE!PUSH_NOTIFY::PushToClient+0xb0', true],
    ['a module wrapped before its symbol', 'USER32!\r\n  CallWindowProc(a, b)', true],
    ['a module file name', 'c:\\winnt\\system32\\ntdll.dll!RtlFreeHeap', true],
    ['prose without a bang', 'The server stops responding when you open a folder.', false],
    ['an exclamation after a space or a colon', 'Warning ! Note:!', false],
    ['a bang at the start of the text', '!analyze -v', false],
  ])('%s', (_name, text, expected) => {
    expect(mayHoldStackFrame(text)).toBe(expected);
  });

  it('is false only for texts the trace parser reads no frame from', () => {
    const piece = fc.constantFrom('!', 'STORE', 'mod', ':', ' ', '\r\n', '+0xb0', 'Foo::Bar', '(', ')', '>', '"', 'c:\\x.dll', '0x1234', '<nosymbols>', '*', '`');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        if (!mayHoldStackFrame(text)) expect(parseTraces(text)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
