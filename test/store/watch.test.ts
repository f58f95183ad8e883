import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { buildIndex, matchMessage } from '../../src/match/index.js';
import type { Signature } from '../../src/model.js';
import { packLine, writePack } from '../../src/store/pack.js';
import { watchStore, type StoreSnapshot, type StoreWatcher } from '../../src/store/watch.js';
import { SignatureSchema } from '../../src/model.js';
import { parseTraces } from '../../src/trace/index.js';

const curated = (title: string, frame = 'PUSH_NOTIFY::PushToClient') =>
  JSON.stringify({
    id: 'Q100001',
    title,
    source: 'curated',
    traces: [[{ module: 'STORE', symbol: frame }, { module: 'STORE', symbol: 'CNotify::Deliver' }, { module: 'STORE', symbol: 'EcDoRpc' }]],
  });
const other = JSON.stringify({ id: 'Q100002', title: 'Fresh article from an ingest' });

type Knowledge = ReturnType<typeof buildIndex>;

let dir: string;
let watcher: StoreWatcher<Knowledge> | undefined;
let lines: string[];
let swaps: StoreSnapshot<Knowledge>[];
let waiters: ((s: StoreSnapshot<Knowledge>) => void)[];

/** Resolves with the next snapshot swapped in whose state passes `until`. */
function nextSwap(until: (s: StoreSnapshot<Knowledge>) => boolean): Promise<StoreSnapshot<Knowledge>> {
  return new Promise((resolve) => {
    const check = (s: StoreSnapshot<Knowledge>) => (until(s) ? resolve(s) : waiters.push(check));
    waiters.push(check);
  });
}

async function start(watch = true, store = dir): Promise<StoreWatcher<Knowledge>> {
  watcher = await watchStore<Knowledge>(store, {
    build: (signatures) => buildIndex([...signatures.values()] as Signature[]),
    onSwap: (s) => {
      swaps.push(s);
      const pending = waiters.splice(0);
      for (const w of pending) w(s);
    },
    logger: createLogger({ sink: (l) => lines.push(l) }),
    debounceMs: 30,
    watch,
  });
  return watcher;
}

/** Writes like an editor or ingest does: a temp file renamed into place. */
async function writeAtomically(name: string, text: string): Promise<void> {
  await writeFile(join(dir, `.${name}.tmp`), text);
  await rename(join(dir, `.${name}.tmp`), join(dir, name));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kbbot-watch-'));
  lines = [];
  swaps = [];
  waiters = [];
  await writeFile(join(dir, 'Q100001.json'), curated('Original title'));
});
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('watchStore', () => {
  it('keeps the last good version of a file edited into an invalid one, reports why, and serves the fix', async () => {
    const w = await start();
    expect(w.current().signatures.get('Q100001')?.title).toBe('Original title');

    const broken = nextSwap((s) => s.errors.length > 0);
    await writeFile(join(dir, 'Q100001.json'), '{"id": "Q100001", "title": ');
    const invalid = await broken;
    expect(invalid.signatures.get('Q100001')?.title).toBe('Original title');
    expect(invalid.kept).toEqual([join(dir, 'Q100001.json')]);
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'signature file invalid');
    expect(warning).toMatchObject({ level: 'warn', path: join(dir, 'Q100001.json'), keptLastGood: true });
    expect(warning.reason).toContain('cannot parse');

    const fixed = nextSwap((s) => s.signatures.get('Q100001')?.title === 'Fixed title');
    await writeFile(join(dir, 'Q100001.json'), curated('Fixed title'));
    const served = await fixed;
    expect(served.errors).toEqual([]);
    expect(served.kept).toEqual([]);
  });

  it('keeps the last good version when a field turns invalid, not only on a syntax error', async () => {
    const w = await start();
    const broken = nextSwap((s) => s.errors.length > 0);
    await writeAtomically('Q100001.json', JSON.stringify({ id: 'Q100001', title: 'x', stopCodes: ['not-a-code'] }));
    const invalid = await broken;
    expect(invalid.errors[0]).toMatchObject({ path: join(dir, 'Q100001.json'), field: 'stopCodes.0' });
    expect(w.current().signatures.get('Q100001')?.title).toBe('Original title');
  });

  it('serves a fresh file as soon as it appears, and matches against it', async () => {
    const w = await start();
    const fresh = nextSwap((s) => s.signatures.has('Q100002'));
    await writeAtomically('Q100002.json', other);
    expect((await fresh).signatures.get('Q100002')?.title).toBe('Fresh article from an ingest');
    const traces = parseTraces('STORE!PUSH_NOTIFY::PushToClient+0xb0\nSTORE!CNotify::Deliver+0x1c\nSTORE!EcDoRpc+0x20');
    const parsed = { traces, kbRefs: [], clues: [] };
    expect(matchMessage(w.current().knowledge, parsed).candidates[0]?.kb).toBe('Q100001');
  });

  it('drops a deleted file (deleting is not turning invalid)', async () => {
    await writeFile(join(dir, 'Q100002.json'), other);
    const w = await start();
    const gone = nextSwap((s) => !s.signatures.has('Q100002'));
    await rm(join(dir, 'Q100002.json'));
    expect((await gone).errors).toEqual([]);
    expect(w.current().signatures.has('Q100001')).toBe(true);
  });

  it('leaves a request with the snapshot it started with while a new one is swapped in', async () => {
    const w = await start(false);
    const held = w.current();
    const heldIndex = held.knowledge;
    await writeFile(join(dir, 'Q100001.json'), curated('Second title', 'OTHER::Symbol'));
    await writeFile(join(dir, 'Q100002.json'), other);
    const next = await w.reload('SIGHUP');
    expect(next.version).toBe(held.version + 1);
    expect(held.signatures.get('Q100001')?.title).toBe('Original title');
    expect(held.signatures.has('Q100002')).toBe(false);
    expect(held.knowledge).toBe(heldIndex);
    expect(w.current()).toBe(next);
    expect(next.signatures.get('Q100001')?.title).toBe('Second title');
  });

  it('coalesces reloads requested while one is running', async () => {
    const w = await start(false);
    const results = await Promise.all([w.reload('a'), w.reload('b'), w.reload('c')]);
    expect(new Set(results.map((s) => s.version)).size).toBe(1);
    expect(swaps.length).toBeLessThanOrEqual(3);
  });

  it('keeps serving the previous version when the store directory vanishes mid-replacement', async () => {
    const w = await start(false);
    await rm(dir, { recursive: true });
    const same = await w.reload('SIGHUP');
    expect(same).toBe(w.current());
    expect(same.signatures.get('Q100001')?.title).toBe('Original title');
    expect(lines.some((l) => JSON.parse(l).msg.startsWith('signature store reload failed'))).toBe(true);
  });
});

describe('watchStore on a packed store', () => {
  const sigOf = (text: string) => SignatureSchema.parse(JSON.parse(text));
  const pack = () => join(dir, 'store.jsonl.gz');

  beforeEach(async () => {
    await writePack(pack(), [sigOf(curated('Original title'))]);
  });

  it('serves a pack replaced by a new one (written atomically, as kbbot ingest does)', async () => {
    const w = await start(true, pack());
    expect(w.current().signatures.get('Q100001')?.title).toBe('Original title');
    const fresh = nextSwap((s) => s.signatures.has('Q100002'));
    await writePack(pack(), [sigOf(curated('Retitled')), sigOf(other)]);
    const served = await fresh;
    expect(served.signatures.get('Q100001')?.title).toBe('Retitled');
    expect(served.errors).toEqual([]);
  });

  it('keeps the last good version of a signature whose line turns invalid, naming pack and id', async () => {
    const path = join(dir, 'store.jsonl');
    await writePack(path, [sigOf(curated('Original title')), sigOf(other)]);
    const w = await start(true, path);
    const broken = nextSwap((s) => s.errors.length > 0);
    const bad = packLine(sigOf(curated('Original title'))).replace('"title":"Original title"', '"title":""');
    await writeAtomically('store.jsonl', `{"kbbot":"signature-pack","version":1}\n${bad}\n${packLine(sigOf(other))}\n{"kbbot":"end","signatures":2}\n`);
    const invalid = await broken;
    expect(invalid.errors[0]).toMatchObject({ path: `${path}#Q100001`, field: 'title' });
    expect(invalid.kept).toEqual([`${path}#Q100001`]);
    expect(w.current().signatures.get('Q100001')?.title).toBe('Original title');
  });

  it('keeps every signature a pack cut short has lost (lost lines are not deletions)', async () => {
    const path = join(dir, 'store.jsonl');
    await writePack(path, [sigOf(curated('Original title')), sigOf(other)]);
    const w = await start(false, path);
    await writeFile(path, `{"kbbot":"signature-pack","version":1}\n${packLine(sigOf(curated('Original title')))}\n`);
    const cut = await w.reload('SIGHUP');
    expect(cut.errors).toEqual([expect.objectContaining({ path, field: '(pack)', truncated: true })]);
    expect([...cut.signatures.keys()].sort()).toEqual(['Q100001', 'Q100002']);
    expect(cut.kept).toEqual([`${path}#Q100002`]);
  });
});
