import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { FileStateStore, JOURNAL_FILE, LOCK_FILE, openStateStore } from '../../src/state/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kbbot-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const muteLine = (channel: string, muted = true) => `${JSON.stringify({ op: 'mute', channel, muted })}\n`;

describe('file state journal', () => {
  it.each([
    ['a torn last line', `${muteLine('C1')}{"op":"mute","chan`],
    ['a torn last line that is valid JSON without its newline', `${muteLine('C1')}${muteLine('C2').trimEnd()}`],
  ])('replays the complete lines and drops %s', async (_name, content) => {
    await writeFile(join(dir, JOURNAL_FILE), content);
    const lines: string[] = [];
    const store = await FileStateStore.open({ dataDir: dir, logger: createLogger({ sink: (l) => lines.push(l) }) });
    expect(await store.isMuted('C1')).toBe(true);
    expect(await store.isMuted('C2')).toBe(false);
    await store.setMuted('C3', true);
    await store.close();
    // The next write starts on its own line: the journal reads back whole.
    const reopened = await FileStateStore.open({ dataDir: dir });
    expect([await reopened.isMuted('C1'), await reopened.isMuted('C3')]).toEqual([true, true]);
    await reopened.close();
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'warn', msg: 'state journal had damaged lines' });
  });

  it('skips a corrupt line in the middle and keeps the rest', async () => {
    await writeFile(join(dir, JOURNAL_FILE), `${muteLine('C1')}not json\n{"op":"nope"}\n${muteLine('C2')}`);
    const store = await FileStateStore.open({ dataDir: dir });
    expect([await store.isMuted('C1'), await store.isMuted('C2')]).toEqual([true, true]);
    await store.close();
  });

  it('compacts a long journal to the live state, atomically, without losing anything', async () => {
    const store = await FileStateStore.open({ dataDir: dir });
    for (let round = 0; round < 3; round += 1) {
      await Promise.all(Array.from({ length: 700 }, (_, i) => store.setMuted(`C${i % 10}`, i % 2 === 0)));
    }
    await store.setMuted('C-final', true);
    await store.close();
    const lines = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeLessThan(1_100);
    expect(await readdir(dir)).toEqual([JOURNAL_FILE]);
    const reopened = await FileStateStore.open({ dataDir: dir });
    // Even-numbered writes muted C0, C2, … last; odd ones unmuted C1, C3, ….
    expect(await reopened.isMuted('C0')).toBe(true);
    expect(await reopened.isMuted('C1')).toBe(false);
    expect(await reopened.isMuted('C-final')).toBe(true);
    await reopened.close();
  });

  it('starts from the previous journal when a compaction was interrupted before its rename', async () => {
    await writeFile(join(dir, JOURNAL_FILE), muteLine('C1'));
    await writeFile(join(dir, `${JOURNAL_FILE}.tmp`), muteLine('C-half'));
    const store = await FileStateStore.open({ dataDir: dir });
    expect([await store.isMuted('C1'), await store.isMuted('C-half')]).toEqual([true, false]);
    await store.close();
  });

  it('refuses a second instance on the same data directory, naming the way out', async () => {
    const first = await openStateStore({ dataDir: dir, redisUrl: undefined });
    await expect(openStateStore({ dataDir: dir, redisUrl: undefined })).rejects.toMatchObject({
      code: 'state_unavailable',
      message: expect.stringContaining('REDIS_URL'),
    });
    await first.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await appendFile(join(dir, LOCK_FILE), dead);
    const store = await openStateStore({ dataDir: dir, redisUrl: undefined });
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await store.close();
  });
});
