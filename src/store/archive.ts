/**
 * Reads KB articles from what `kbbot ingest` is given: a file, a folder (recursive), or a `.tar.gz`
 * archive. Article files are Latin-1, so bytes are decoded as latin1 whatever they contain.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, KbBotError } from '../errors.js';
import { readTarGz } from './tar.js';

export interface ArticleSource {
  /** Where the text came from: a file path, or `archive.tar.gz:txt/272/Q272274.TXT`. */
  path: string;
  text: string;
}

const ARTICLE_FILE = /\.txt$/i;
const ARCHIVE_FILE = /\.(tar\.gz|tgz)$/i;

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && (ARTICLE_FILE.test(entry.name) || ARCHIVE_FILE.test(entry.name))) yield full;
  }
}

async function* readOne(path: string): AsyncGenerator<ArticleSource> {
  if (ARCHIVE_FILE.test(path)) {
    for await (const member of readTarGz(path)) {
      if (ARTICLE_FILE.test(member.name)) yield { path: `${path}:${member.name}`, text: member.data.toString('latin1') };
    }
    return;
  }
  yield { path, text: (await readFile(path)).toString('latin1') };
}

/** Every article under `paths`, in the order given (folders sorted by name). */
export async function* readArticles(paths: readonly string[]): AsyncGenerator<ArticleSource> {
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new KbBotError(ErrorCode.NotFound, `cannot read ${path}: ${(error as Error).message}`, { path }, { cause: error });
    });
    if (info.isDirectory()) {
      for await (const file of walk(path)) yield* readOne(file);
    } else {
      yield* readOne(path);
    }
  }
}
