import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/store/archive.js';
import { readTarGz } from '../../src/store/tar.js';
import { buildZip } from '../support/zip.js';

const fixture = (name: string) => new URL(`../fixtures/kb/${name}`, import.meta.url).pathname;

/** A folder tree of article files: txt/190/Q190001.TXT, txt/190/Q190002.TXT, a nested folder and a non-article file. */
function articleTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'kbbot-archive-'));
  mkdirSync(join(root, 'txt', '190'), { recursive: true });
  mkdirSync(join(root, 'txt', '090', 'deeper'), { recursive: true });
  copyFileSync(fixture('sna-hotfix.txt'), join(root, 'txt', '190', 'Q190001.TXT'));
  copyFileSync(fixture('winnt-stop.txt'), join(root, 'txt', '190', 'Q190002.TXT'));
  copyFileSync(fixture('word-latin1.txt'), join(root, 'txt', '090', 'deeper', 'Q90003.TXT'));
  writeFileSync(join(root, 'txt', 'README.md'), 'not an article');
  return root;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readArticles', () => {
  it('reads a single file, decoding its bytes as Latin-1', async () => {
    const [article] = await collect(readArticles([fixture('word-latin1.txt')]));
    expect(article?.text).toContain('Café');
    expect(article?.text).toContain('\r\n');
  });

  it('walks a folder recursively, in name order, skipping non-article files', async () => {
    const root = articleTree();
    const paths = (await collect(readArticles([root]))).map((a) => a.path.slice(root.length + 1));
    expect(paths).toEqual(['txt/090/deeper/Q90003.TXT', 'txt/190/Q190001.TXT', 'txt/190/Q190002.TXT']);
  });

  it('streams the members of a .tar.gz archive with their text', async () => {
    const root = articleTree();
    const archive = join(root, 'corpus.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', root, 'txt']);
    const articles = await collect(readArticles([archive]));
    expect(articles.map((a) => a.path.split(':').pop())).toEqual(
      expect.arrayContaining(['txt/090/deeper/Q90003.TXT', 'txt/190/Q190001.TXT', 'txt/190/Q190002.TXT']),
    );
    expect(articles).toHaveLength(3);
    const latin = articles.find((a) => a.path.endsWith('Q90003.TXT'));
    expect(latin?.text).toContain('Café');
  });

  it('reads member names longer than 100 characters (GNU and pax long names)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kbbot-longname-'));
    const deep = join(root, 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'Q1.TXT'), 'DOCUMENT:Q1  01-JAN-2000\nTITLE   :x\n');
    const archive = join(root, 'long.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', root, 'a'.repeat(60)]);
    const names = (await collect(readTarGz(archive))).map((m) => m.name);
    expect(names).toEqual([`${'a'.repeat(60)}/${'b'.repeat(60)}/Q1.TXT`]);
  });

  it('reads the articles of a .zip file, found in a folder too', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kbbot-zip-'));
    writeFileSync(join(root, 'kb.zip'), buildZip([{ name: 'top/txt/190/Q190001.TXT', data: readFileSync(fixture('sna-hotfix.txt')) }, { name: 'top/a.md', data: 'x' }]));
    const articles = await collect(readArticles([root]));
    expect(articles.map((a) => a.path)).toEqual([`${join(root, 'kb.zip')}:top/txt/190/Q190001.TXT`]);
    expect(articles[0]?.text).toBe(readFileSync(fixture('sna-hotfix.txt')).toString('latin1'));
  });

  it('says a damaged archive is not readable, naming it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kbbot-bad-archive-'));
    writeFileSync(join(root, 'kb.tar.gz'), 'not gzip at all');
    await expect(collect(readArticles([join(root, 'kb.tar.gz')]))).rejects.toThrow(/kb\.tar\.gz is not a \.tar\.gz or \.zip archive/);
  });

  it('reports a missing path as not_found', async () => {
    await expect(collect(readArticles(['/nonexistent/kb']))).rejects.toMatchObject({ code: 'not_found' });
  });
});
