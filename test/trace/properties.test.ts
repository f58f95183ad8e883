import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Frame, ParsedMessageSchema } from '../../src/model.js';
import { normalizeFrame, parseMessage, parseTraces } from '../../src/trace/index.js';

const hex = (digits: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${digits}}$`));
// starts with g-z so that no generated name is all hex digits (which reads as an address)
const identifier = fc.stringMatching(/^[G-Zg-z][A-Za-z0-9_]{0,15}$/);
const moduleName = fc.constantFrom('STORE', 'store.exe', 'ntdll', 'KERNEL32', 'rpcrt4.dll', 'emsmta', 'NT', 'myapp', 'Ntfs.sys');
const frameArb: fc.Arbitrary<Frame> = fc.record({
  module: moduleName,
  symbol: fc.oneof(identifier, fc.tuple(identifier, identifier).map(([c, m]) => `${c}::${m}`)),
  offset: fc.option(hex(3).map((h) => `0x${h.replace(/^0+(?=.)/, '')}`), { nil: undefined }),
}).map((f) => (f.offset === undefined ? { module: f.module, symbol: f.symbol } : f));

const name = (f: Frame) => `${f.module}!${f.symbol}${f.offset ? `+${f.offset}` : ''}`;
const addr = '0012f0a8';

/** Prints frames the way each tool does. */
const layouts: Record<string, (frames: Frame[]) => string> = {
  kd: (fs) => `FramePtr RetAddr Param1 Param2 Param3 Function Name\n${fs.map((f) => `${addr} 77e6cbe8 00000000 0156f718 0156f710 ${name(f)}`).join('\n')}`,
  kvn: (fs) => ` # ChildEBP RetAddr  Args to Child\n${fs.map((f, i) => `${i.toString(16).padStart(2, '0')} ${addr} 77e6cbe8 00000000 0156f718 0156f710 ${name(f)} (FPO: [0,0,0])`).join('\n')}`,
  x64: (fs) => `Child-SP          RetAddr           Call Site\n${fs.map((f) => `00000000\`${addr} 00000000\`77e6cbe8 ${name(f)}`).join('\n')}`,
  drwatson: (fs) => `FramePtr ReturnAd Param#1  Param#2  Param#3  Param#4  Function Name\n${fs.map((f) => `${addr} 77e6cbe8 00000000 0156f718 0156f710 00000001\n${name(f)}`).join('\n')}`,
  vs: (fs) => fs.map((f, i) => `${i === 0 ? '>' : ' '}\t${f.module}!${f.symbol}()${f.offset ? ` + ${f.offset} bytes` : ''}\tC++`).join('\n'),
  bare: (fs) => fs.map((f) => `- ${name(f)}`).join('\n'),
};

describe('parseTraces on generated traces', () => {
  it.each(Object.keys(layouts))('reads back every frame printed in the %s layout, also with line breaks collapsed', (layout) => {
    fc.assert(fc.property(fc.array(frameArb, { minLength: 1, maxLength: 30 }), (frames) => {
      const text = `The store crashed with this stack:\n${layouts[layout]!(frames)}\nAny idea what this is?`;
      expect(parseTraces(text)).toEqual([frames]);
      expect(parseTraces(text.replace(/\s+/g, ' '))).toEqual([frames]);
    }), { numRuns: 60 });
  });
});

/** Pieces hostile text is made of: brackets, bangs, prompts, addresses, half frames, entities, markup. */
const piece = fc.constantFrom(
  '!', '!!', 'a!', '!b', 'store!', 'STORE!EcRpc', '+0x', '+', '0x1f', '(', ')', '[', ']', '<', '>', '`', "'", '::', '@', '@@', '?',
  '?Foo@@', 'kd>', '0:000>', 'FramePtr', 'WARNING:', '(FPO:', 'bytes', 'Line', '00000000`0012f0a8', '0156f6d0', ' ', '\n', '\r\n',
  '\t', 'Q272274', 'KB', 'kb#', '272274', 'STOP', '0xA', 'c0000005', 'Event ID:', 'Source:', 'store.exe', '5.5.2653.12',
  '&amp;', '&lt;', '&gt;', '&', ';', '<@U1>', '<http://x|y>', '```', '\u201c', '\u2019', 'operator', '<BR/>', 'support.microsoft.com/kb/',
);
const hostile = fc.array(piece, { maxLength: 200 }).map((parts) => parts.join(''));

describe('parseMessage on any input', () => {
  it('never throws and returns a well-formed ParsedMessage', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), hostile), (text) => {
      const parsed = parseMessage(text);
      expect(ParsedMessageSchema.parse(parsed)).toEqual(parsed);
      for (const trace of parsed.traces) {
        expect(trace.length).toBeGreaterThan(0);
        for (const frame of trace) {
          expect(frame.module.length).toBeGreaterThan(0);
          expect(frame.symbol.length).toBeGreaterThan(0);
          expect(frame.module).not.toMatch(/\s|!/);
          if (frame.offset !== undefined) expect(frame.offset).toMatch(/^0x[0-9a-fA-F]{1,16}$/);
          const normal = normalizeFrame(frame);
          expect(normal.key).toBe(`${normal.module}!${normal.symbol}`);
          expect(normal.key).toBe(normal.key.toLowerCase());
        }
      }
    }), { numRuns: 200 });
  });
});

describe('normalizeFrame on any frame', () => {
  const decorated = fc.array(fc.constantFrom('?', '??', '?$', '@', '@@', '0', '1', '_', 'A', 'V', 'P', 'Q', 'E', 'Z', '$0', 'Name', '?A0x1@', 'X'), { maxLength: 60 })
    .map((parts) => parts.join(''));
  it('never throws and always gives a lower-case module!symbol key', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.oneof(fc.string({ maxLength: 80 }), decorated), (module, symbol) => {
      const normal = normalizeFrame({ module, symbol });
      expect(normal.key).toBe(`${normal.module}!${normal.symbol}`);
      expect(normal.key).toBe(normal.key.toLowerCase());
    }), { numRuns: 500 });
  });
});

/** CPU milliseconds spent by this process in fn (less disturbed by other processes than wall time). */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('parse time', () => {
  const MB = 1 << 20;
  const line = '0156f6d0 004e7348 00000000 0156f718 0156f710 STORE!PUSH_NOTIFY::PushToClient+0xb0 (FPO: [0,0,0]) ';
  const inputs: [string, (size: number) => string][] = [
    ['one character', (n) => 'a'.repeat(n)],
    ['exclamation marks', (n) => '!'.repeat(n)],
    ['open brackets', (n) => 'a!b( '.repeat(n / 5)],
    ['unclosed markup and entities', (n) => '<&amp'.repeat(n / 5)],
    ['repeated frames', (n) => line.repeat(n / line.length)],
  ];

  it.each(inputs)('reads a 1 MB paste of %s in well under two CPU seconds, growing about linearly', (_name, make) => {
    const small = make(MB / 4);
    const large = make(MB);
    parseMessage(small); // warm up the JIT
    const smallMs = Math.max(cpuMs(() => parseMessage(small)), 5);
    const largeMs = cpuMs(() => parseMessage(large));
    expect(largeMs).toBeLessThan(2000);
    // 4x the input: linear is ~4x; quadratic would be ~16x
    expect(largeMs / smallMs).toBeLessThan(12);
  });
});
