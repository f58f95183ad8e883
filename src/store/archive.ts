/**
 * Reads KB articles from what `kbbot ingest` is given: a file, a folder (recursive), a `.tar.gz` or `.zip`
 * archive, or such an archive's http(s) URL (streamed, src/store/remote.ts). Archives are recognised by
 * their first bytes (gzip, zip, plain tar), so a download's URL needs no file extension. Article files
 * are Latin-1, so bytes are decoded as latin1 whatever they contain.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, KbBotError } from '../errors.js';
import { isUrl, openUrl, type ByteSource } from './remote.js';
import { gunzip, readTar, type TarMember } from './tar.js';
import { readZip } from './zip.js';

export interface ArticleSource {
  /** Where the text came from: a file path, or `archive.tar.gz:txt/272/Q272274.TXT`. */
  path: string;
  text: string;
}

/** How far an archive has been read: compressed bytes so far, of `size` when known. */
export interface ReadProgress {
  source: string;
  bytes: number;
  size: number | undefined;
}

export interface ReadOptions {
  /** Called as an archive's bytes arrive (often: callers throttle their output). */
  onProgress?: (progress: ReadProgress) => void;
}

const ARTICLE_FILE = /\.txt$/i;
const ARCHIVE_FILE = /\.(tar\.gz|tgz|zip)$/i;
const isArticle = (name: string): boolean => ARTICLE_FILE.test(name);

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && (ARTICLE_FILE.test(entry.name) || ARCHIVE_FILE.test(entry.name))) yield full;
  }
}

/** Counts the bytes going past for `onProgress`. */
async function* counted(source: ByteSource, onProgress: ReadOptions['onProgress']): AsyncGenerator<Buffer> {
  let bytes = 0;
  onProgress?.({ source: source.label, bytes, size: source.size });
  for await (const chunk of source.chunks) {
    bytes += chunk.length;
    onProgress?.({ source: source.label, bytes, size: source.size });
    yield chunk;
  }
}

/** The article members of an archive, whichever kind its first bytes say it is. */
async function* archiveMembers(source: ByteSource, options: ReadOptions): AsyncGenerator<TarMember> {
  const iterator = counted(source, options.onProgress)[Symbol.asyncIterator]();
  // Enough of the start to tell gzip (1f 8b) and zip (PK\3\4) apart, and a plain tar by "ustar" at 257.
  const head: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 262 && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      headLength += next.value.length;
    }
  }
  const start = Buffer.concat(head);
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      if (start.length > 0) yield start;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early (an error) closes the file or the download too.
      await iterator.return?.(undefined);
    }
  }
  if (start[0] === 0x1f && start[1] === 0x8b) yield* readTar(gunzip(bytes()), source.label, isArticle);
  else if (start.length >= 4 && start.readUInt32LE(0) === 0x04034b50) yield* readZip(bytes(), source.label, isArticle);
  else if (start.toString('latin1', 257, 262) === 'ustar') yield* readTar(bytes(), source.label, isArticle);
  else {
    const shown = JSON.stringify(start.toString('latin1', 0, 16));
    throw new KbBotError(ErrorCode.StoreUnreadable, `${source.label} is not a .tar.gz or .zip archive (it starts with ${shown})`, { archive: source.label });
  }
}

async function fileSource(path: string): Promise<ByteSource> {
  const { size } = await stat(path);
  return { label: path, size, chunks: createReadStream(path, { highWaterMark: 256 * 1024 }) };
}

async function* fromArchive(source: ByteSource, options: ReadOptions): AsyncGenerator<ArticleSource> {
  for await (const member of archiveMembers(source, options)) yield { path: `${source.label}:${member.name}`, text: member.data.toString('latin1') };
}

async function* readOne(path: string, options: ReadOptions): AsyncGenerator<ArticleSource> {
  if (ARCHIVE_FILE.test(path)) yield* fromArchive(await fileSource(path), options);
  else yield { path, text: (await readFile(path)).toString('latin1') };
}

/** Every article under `paths`, in the order given (folders sorted by name, archives in archive order). */
export async function* readArticles(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<ArticleSource> {
  for (const path of paths) {
    if (isUrl(path)) {
      yield* fromArchive(await openUrl(path), options);
      continue;
    }
    const info = await stat(path).catch((error: unknown) => {
      throw new KbBotError(ErrorCode.NotFound, `cannot read ${path}: ${(error as Error).message}`, { path }, { cause: error });
    });
    if (info.isDirectory()) {
      for await (const file of walk(path)) yield* readOne(file, options);
    } else {
      yield* readOne(path, options);
    }
  }
}
