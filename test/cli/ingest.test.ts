import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/ingest.js';
import { startArchiveServer } from '../support/archive-server.js';
import { buildZip } from '../support/zip.js';
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

describe('kbbot ingest URL', () => {
  const zip = () =>
    buildZip([
      { name: 'kbarchive-master/txt/190/Q190001.TXT', data: readFileSync(fixture('sna-hotfix.txt')), descriptor: 'signed' },
      { name: 'kbarchive-master/txt/190/Q190002.TXT', data: readFileSync(fixture('winnt-stop.txt')), descriptor: 'signed' },
      { name: 'kbarchive-master/docs/robots.txt', data: 'User-agent: *' },
    ]);

  it('streams a zip over HTTP into signature files, with progress on stderr and the summary on stdout', async () => {
    const server = await startArchiveServer({ '/master.zip': { kind: 'redirect', to: '/download' }, '/download': { kind: 'file', body: zip() } });
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'kbbot-cli-ingest-url-')), 'signatures');
      const io = captureIo();
      const code = await run([server.url('/master.zip'), '--out', out, '--workers', '0'], io);
      expect(code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['Q190001.json', 'Q190002.json']);
      expect(io.stdout()).toMatch(/articles read:\s+3\n/);
      expect(io.stdout()).toMatch(/signatures written:\s+2\n/);
      // Not a terminal: plain lines, the last with every article and the whole size.
      expect(io.stderr()).toMatch(/^ingest: 3 articles \(\d+\/s\), 0\.0 of 0\.0 MB \(100%\)\n$/m);
    } finally {
      await server.close();
    }
  });

  it('exits with the download error and writes nothing more when the server answers 404', async () => {
    const server = await startArchiveServer({});
    try {
      const io = captureIo();
      await expect(run([server.url('/gone.tar.gz'), '--out', mkdtempSync(join(tmpdir(), 'kbbot-cli-404-')), '--workers', '0'], io)).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringMatching(/^cannot download http:\/\/127\.0\.0\.1:\d+\/gone\.tar\.gz: HTTP 404 Not Found$/),
      });
    } finally {
      await server.close();
    }
  });
});
