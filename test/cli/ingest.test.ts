import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/ingest.js';
import { captureIo } from './capture-io.js';

const fixture = (name: string) => new URL(`../fixtures/kb/${name}`, import.meta.url).pathname;

describe('kbbot ingest', () => {
  it('prints the summary and writes one report line per article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbbot-cli-ingest-'));
    copyFileSync(fixture('sna-hotfix.txt'), join(dir, 'Q190001.TXT'));
    writeFileSync(join(dir, 'junk.txt'), 'hello');
    const out = join(dir, 'signatures');
    const report = join(dir, 'report.jsonl');
    const io = captureIo();

    const code = await run([dir, '--out', out, '--report', report, '--workers', '0'], io);

    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/articles read:\s+2/);
    expect(io.stdout()).toMatch(/signatures written:\s+1/);
    expect(io.stdout()).toMatch(/with traces:\s+1 \(1 with 2 or more frames\)/);
    expect(io.stdout()).toMatch(/rejected:\s+1\n/);
    expect(io.stdout()).toMatch(/\n\s+1\s+no DOCUMENT header\n/);
    expect(readdirSync(out)).toEqual(['Q190001.json']);
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.objectContaining({ id: 'Q190001', status: 'written', counts: expect.objectContaining({ maxFrames: 2 }) }));
    expect(lines).toContainEqual(expect.objectContaining({ status: 'rejected', reason: 'no DOCUMENT header' }));
  });

  it.each([
    [['some/path'], /missing --out/],
    [['--out', 'x'], /missing argument/],
    [['a.txt', '--out', 'x', '--workers', 'many'], /--workers must be/],
  ])('refuses %j as a usage error', async (argv, message) => {
    await expect(run(argv, captureIo())).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(message) });
  });

  it('prints its help', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.stdout()).toContain('usage: kbbot ingest PATH...');
  });
});
