import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SignatureSchema, type Signature } from '../../src/model.js';
import { compileFastCheck } from '../../src/store/fast-check.js';
import { defaultStoreDir, loadStore, packLine, parseSignatureText, validateSignatureData } from '../../src/store/index.js';

const isWritten = compileFastCheck(SignatureSchema);
const good = fileURLToPath(new URL('../fixtures/store/good/', import.meta.url));

/** A signature as a pack line reads back: what kbbot wrote. */
const asWritten = (sig: Signature): Record<string, unknown> => JSON.parse(packLine(sig)) as Record<string, unknown>;

/** Every signature the repository ships, and the good fixtures, as kbbot writes them. */
async function writtenSignatures(): Promise<Record<string, unknown>[]> {
  const stores = await Promise.all([loadStore(defaultStoreDir()), loadStore(good)]);
  return stores.flatMap((s) => [...s.signatures.values()].map(asWritten));
}

describe('the fast check passes signatures kbbot wrote, exactly as the schema would return them', () => {
  it('passes every shipped and fixture signature once written, and the schema returns each unchanged', async () => {
    const written = await writtenSignatures();
    expect(written.length).toBeGreaterThan(20);
    for (const data of written) {
      expect(isWritten(data), String(data.id)).toBe(true);
      // Same keys in the same order, same values: the loader may hand the parsed object on as it is.
      expect(JSON.stringify(SignatureSchema.parse(data))).toBe(JSON.stringify(data));
    }
  });

  it('loads a hand-written file that leaves defaults out through the schema, defaults filled', () => {
    const parsed = parseSignatureText('Q1.yml', 'id: Q1\ntitle: Store stops\ntraces:\n  - - module: STORE\n      symbol: EcRpc\n');
    expect(parsed.ok && isWritten(parsed.data)).toBe(false);
    const result = validateSignatureData('Q1.yml', parsed.ok ? parsed.data : undefined);
    expect(result.ok && result.signature.fix).toEqual({ kind: 'unknown', summary: '' });
  });
});

describe('anything the schema would reject or change fails the fast check, and the schema names the field', () => {
  const base = (): Record<string, unknown> =>
    asWritten(
      SignatureSchema.parse({
        id: 'Q272274',
        title: 'Store stops',
        published: '2001-07-16',
        traces: [[{ module: 'STORE', symbol: 'EcRpc', offset: '0x10', lang: 'native' }]],
        fix: { kind: 'hotfix', summary: 'Apply it', steps: { count: 2, first: ['a'] } },
        files: [{ name: 'Store.exe', version: '5.5.2654.3', size: 10, date: '2000-09-16' }],
        rollback: [{ text: 'Do not roll back', minVersion: '5.5.1' }],
        eventIds: [1000],
        stopCodes: ['0x0000000A'],
        bugchecks: [{ code: '0x0000000A', parameters: ['b'] }],
        retired: false,
      }),
    );
  const cases: [string, (d: Record<string, any>) => void, string][] = [
    ['a bad id', (d) => (d.id = 'X1'), 'id'],
    ['an empty title', (d) => (d.title = ''), 'title'],
    ['a date that is not ISO', (d) => (d.published = '16/07/2001'), 'published'],
    ['a frame without a symbol', (d) => delete d.traces[0][0].symbol, 'traces.0.0.symbol'],
    ['an unknown frame language', (d) => (d.traces[0][0].lang = 'cobol'), 'traces.0.0.lang'],
    ['a frame with a misspelt key', (d) => (d.traces[0][0].modul = 'X'), 'traces.0.0.modul'],
    ['an unknown fix kind', (d) => (d.fix.kind = 'magic'), 'fix.kind'],
    ['zero steps', (d) => (d.fix.steps.count = 0), 'fix.steps.count'],
    ['a fractional file size', (d) => (d.files[0].size = 1.5), 'files.0.size'],
    ['a negative file size', (d) => (d.files[0].size = -1), 'files.0.size'],
    ['a file version that is not dotted', (d) => (d.files[0].version = 'v5'), 'files.0.version'],
    ['an empty rollback text', (d) => (d.rollback[0].text = ''), 'rollback.0.text'],
    ['a negative event id', (d) => (d.eventIds = [-1]), 'eventIds.0'],
    ['a lower-case STOP code', (d) => (d.stopCodes = ['0x0000000a']), 'stopCodes.0'],
    ['a null where a string belongs', (d) => (d.symptoms = null), 'symptoms'],
    ['a string where a boolean belongs', (d) => (d.retired = 'no'), 'retired'],
    ['an unknown top-level field', (d) => (d.severity = 'high'), 'severity'],
  ];
  it.each(cases)('%s', (_, spoil, field) => {
    const data = base();
    expect(isWritten(data)).toBe(true);
    spoil(data);
    expect(isWritten(data)).toBe(false);
    const result = validateSignatureData('store.jsonl#Q272274', data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain(field);
  });

  it.each([
    ['a defaulted field left out (the schema adds it)', (d: Record<string, unknown>) => delete d.keywords],
    ['keys out of the schema order (the schema reorders them)', (d: Record<string, unknown>) => {
      const { id, ...rest } = d;
      for (const k of Object.keys(d)) delete d[k];
      Object.assign(d, rest, { id });
    }],
  ])('%s: not passed as it is, loaded as written', (_, change) => {
    const data = base();
    change(data);
    expect(isWritten(data)).toBe(false);
    const result = validateSignatureData('store.jsonl#Q272274', data);
    expect(result.ok && JSON.stringify(result.signature)).toBe(JSON.stringify(base()));
  });

  it('a bug check without parameters: not passed as it is, loaded with none', () => {
    const data = base() as Record<string, any>;
    delete data.bugchecks[0].parameters;
    expect(isWritten(data)).toBe(false);
    const result = validateSignatureData('store.jsonl#Q272274', data);
    expect(result.ok && result.signature.bugchecks).toEqual([{ code: '0x0000000A', parameters: [] }]);
  });
});

describe('a schema part the fast check does not know is left to the schema', () => {
  it('a string transform, a strict object, a union: never passed', async () => {
    const { z } = await import('zod');
    expect(compileFastCheck(z.string().trim())(' a ')).toBe(false);
    expect(compileFastCheck(z.object({ a: z.string() }).strict())({ a: 'x' })).toBe(false);
    expect(compileFastCheck(z.union([z.string(), z.number()]))('x')).toBe(false);
    expect(compileFastCheck(z.object({ a: z.string() }))({ a: 'x' })).toBe(true);
  });
});

// The shipped signatures are also checked file by file: any that pass must be what the schema returns.
describe('shipped signature files as they are on disk', () => {
  it('any file that passes as it is equals what the schema returns for it', () => {
    const dir = defaultStoreDir();
    for (const name of readdirSync(dir).filter((n) => /\.(json|ya?ml)$/.test(n))) {
      const parsed = parseSignatureText(name, readFileSync(`${dir}/${name}`, 'utf8'));
      if (!parsed.ok || !isWritten(parsed.data)) continue;
      expect(JSON.stringify(SignatureSchema.parse(parsed.data)), name).toBe(JSON.stringify(parsed.data));
    }
  });
});
