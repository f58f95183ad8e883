import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles, type ReadProgress } from '../../src/store/archive.js';
import { startArchiveServer, type ArchiveServer } from '../support/archive-server.js';
import { buildZip } from '../support/zip.js';

const fixture = (name: string) => new URL(`../fixtures/kb/${name}`, import.meta.url).pathname;

/** Like GitHub's tarball of jeffpar/kbarchive: everything under one top folder, articles in txt/NNN/, other files beside. */
function githubLikeTarball(): Buffer {
  const root = mkdtempSync(join(tmpdir(), 'kbbot-remote-'));
  const top = join(root, 'kbarchive-master');
  mkdirSync(join(top, 'txt', '190'), { recursive: true });
  mkdirSync(join(top, 'docs'), { recursive: true });
  copyFileSync(fixture('sna-hotfix.txt'), join(top, 'txt', '190', 'Q190001.TXT'));
  copyFileSync(fixture('winnt-stop.txt'), join(top, 'txt', '190', 'Q190002.TXT'));
  writeFileSync(join(top, 'README.md'), '# not an article');
  writeFileSync(join(top, 'docs', 'index.html'), '<html></html>');
  // Incompressible, so the download comes in many pieces; never buffered, since it is not an article.
  writeFileSync(join(top, 'docs', 'search-index.bin'), randomBytes(300 * 1024));
  const archive = join(root, 'master.tar.gz');
  execFileSync('tar', ['-czf', archive, '-C', root, 'kbarchive-master']);
  return readFileSync(archive);
}

function articleZip(descriptor?: 'signed' | 'unsigned'): Buffer {
  return buildZip([
    { name: 'kbarchive-master/', data: '', method: 'store' },
    { name: 'kbarchive-master/txt/190/Q190001.TXT', data: readFileSync(fixture('sna-hotfix.txt')), ...(descriptor ? { descriptor } : {}) },
    { name: 'kbarchive-master/README.md', data: '# not an article' },
    { name: 'kbarchive-master/txt/190/Q190002.TXT', data: readFileSync(fixture('winnt-stop.txt')), ...(descriptor ? { descriptor } : {}) },
  ]);
}

async function collect(paths: string[], onProgress?: (p: ReadProgress) => void): Promise<string[]> {
  const names: string[] = [];
  for await (const a of readArticles(paths, onProgress ? { onProgress } : {})) names.push(a.path.slice(a.path.lastIndexOf(':') + 1));
  return names;
}

let server: ArchiveServer;
let tarball: Buffer;

beforeAll(async () => {
  tarball = githubLikeTarball();
  server = await startArchiveServer({
    '/jeffpar/kbarchive/archive/refs/heads/master.tar.gz': { kind: 'redirect', to: '/codeload/tar.gz/refs/heads/master' },
    '/codeload/tar.gz/refs/heads/master': { kind: 'file', body: tarball, contentType: 'application/x-gzip', chunked: true },
    '/sized.tar.gz': { kind: 'file', body: tarball },
    '/archive.zip': { kind: 'file', body: articleZip() },
    '/streamed.zip': { kind: 'file', body: articleZip('signed'), chunked: true },
    '/cut.tar.gz': { kind: 'truncated', body: tarball },
    '/cut.zip': { kind: 'truncated', body: articleZip() },
    '/page.html': { kind: 'file', body: Buffer.from('<!DOCTYPE html><html>sign in</html>'), contentType: 'text/html' },
    '/busy': { kind: 'status', status: 503 },
  });
});

afterAll(async () => {
  await server.close();
});

const ARTICLES = ['kbarchive-master/txt/190/Q190001.TXT', 'kbarchive-master/txt/190/Q190002.TXT'];

describe('readArticles from an http URL', () => {
  it.each([
    ['a GitHub-style tarball link that redirects to a chunked download', '/jeffpar/kbarchive/archive/refs/heads/master.tar.gz'],
    ['a .tar.gz with a Content-Length', '/sized.tar.gz'],
    ['a .zip with sizes in its headers', '/archive.zip'],
    ['a streamed .zip (sizes in data descriptors, chunked)', '/streamed.zip'],
  ])('reads the articles of %s, under the top folder, skipping other files', async (_name, path) => {
    expect((await collect([server.url(path)])).sort()).toEqual(ARTICLES);
  });

  it('decodes the articles as the local reader does', async () => {
    const texts: string[] = [];
    for await (const a of readArticles([server.url('/archive.zip')])) texts.push(a.text);
    expect(texts[0]).toBe(readFileSync(fixture('sna-hotfix.txt')).toString('latin1'));
  });

  it.each([
    ['a 404', '/nothing-here.tar.gz', /^cannot download http:\/\/127\.0\.0\.1:\d+\/nothing-here\.tar\.gz: HTTP 404 Not Found$/],
    ['a 503', '/busy', /: HTTP 503 Service Unavailable$/],
    ['a .tar.gz cut off halfway', '/cut.tar.gz', /^cannot download .*\/cut\.tar\.gz: the download (broke off|ended) after \d+ (bytes )?of \d+/],
    ['a .zip cut off halfway', '/cut.zip', /^cannot download .*\/cut\.zip: the download (broke off|ended) after \d+ (bytes )?of \d+/],
    ['an HTML page instead of an archive', '/page.html', /page\.html is not a \.tar\.gz or \.zip archive \(it starts with "<!DOCTYPE html><"\)/],
  ])('reports %s with the URL and what went wrong', async (_name, path, message) => {
    await expect(collect([server.url(path)])).rejects.toThrow(message);
  });

  it('reports a refused connection', async () => {
    const closed = await startArchiveServer({});
    const url = closed.url('/x.tar.gz');
    await closed.close();
    await expect(collect([url])).rejects.toThrow(/^cannot download http:\/\/127\.0\.0\.1:\d+\/x\.tar\.gz: ECONNREFUSED$/);
  });

  it('reports bytes read against the Content-Length, ending at the whole size', async () => {
    const seen: ReadProgress[] = [];
    await collect([server.url('/sized.tar.gz')], (p) => seen.push({ ...p }));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((p) => p.size === tarball.length)).toBe(true);
    expect(seen.at(-1)?.bytes).toBe(tarball.length);
    expect(seen.map((p) => p.bytes)).toEqual([...seen.map((p) => p.bytes)].sort((a, b) => a - b));
  });

  it('reports an unknown size for a chunked download', async () => {
    const seen: ReadProgress[] = [];
    await collect([server.url('/codeload/tar.gz/refs/heads/master')], (p) => seen.push({ ...p }));
    expect(seen.at(-1)).toEqual({ source: server.url('/codeload/tar.gz/refs/heads/master'), bytes: tarball.length, size: undefined });
  });
});
