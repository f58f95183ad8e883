/**
 * Long pastes arrive as snippets: a `file_share` message whose `files[]` point at `url_private`. Reading one
 * takes `files:read` and a GET with the bot token. The token is only ever sent to Slack's file host (or the
 * configured Web API host, for staging and tests), and only text files up to a size limit are read.
 */
import type { Logger } from '../log.js';
import { escapeMrkdwn } from '../reply/text.js';

export const MAX_SNIPPET_BYTES = 1024 * 1024;
export const MAX_SNIPPETS = 3;
const TEXT_FILETYPES = new Set(['text', 'txt', 'log', 'csv', 'xml', 'json', 'cpp', 'c', 'csharp', 'powershell', 'shell', 'diff']);

export interface SlackFile {
  id?: string;
  /** `check_file_info`: the event carries a stub; files.info has the rest. */
  file_access?: string;
  name?: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
}

export interface SnippetReader {
  botToken: string;
  /** Origins the bot token may be sent to, e.g. https://files.slack.com. */
  allowedOrigins: readonly string[];
  logger: Logger;
}

function isTextFile(file: SlackFile): boolean {
  return (file.mimetype?.startsWith('text/') ?? false) || TEXT_FILETYPES.has(file.filetype ?? '');
}

/** Slack's file host plus the configured Web API's origin (a stand-in or staging server). */
export function snippetOrigins(slackApiUrl: string | undefined): string[] {
  const origins = ['https://files.slack.com'];
  if (slackApiUrl) origins.push(new URL(slackApiUrl).origin);
  return origins;
}

async function readCapped(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Looks a file up with files.info (for stubs that carry only an id). */
export type FileInfo = (id: string) => Promise<SlackFile | undefined>;

/** Stubs (`file_access: check_file_info`, or no url_private) are completed through files.info. */
async function complete(files: SlackFile[], fileInfo: FileInfo | undefined, logger: Logger): Promise<SlackFile[]> {
  const out: SlackFile[] = [];
  for (const file of files.slice(0, MAX_SNIPPETS * 2)) {
    const stub = file.file_access === 'check_file_info' || (file.url_private === undefined && file.id !== undefined);
    if (!stub || !fileInfo || !file.id) {
      out.push(file);
      continue;
    }
    try {
      const full = await fileInfo(file.id);
      if (full) out.push(full);
    } catch (error) {
      logger.warn('files.info failed', { file: file.id, err: error });
    }
  }
  return out;
}

/** The text of the message's text snippets (at most a few, each capped), joined by blank lines. */
export async function readSnippets(files: unknown, reader: SnippetReader, fileInfo?: FileInfo): Promise<string> {
  if (!Array.isArray(files) || files.length === 0) return '';
  const texts: string[] = [];
  const completed = await complete(files as SlackFile[], fileInfo, reader.logger);
  for (const file of completed.filter(isTextFile).slice(0, MAX_SNIPPETS)) {
    const url = file.url_private;
    if (!url || (file.size ?? 0) > MAX_SNIPPET_BYTES) continue;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      continue;
    }
    if (!reader.allowedOrigins.includes(origin)) {
      reader.logger.warn('snippet host not allowed', { file: file.id, origin });
      continue;
    }
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${reader.botToken}` }, redirect: 'error' });
      if (!response.ok) {
        reader.logger.warn('snippet fetch failed', { file: file.id, status: response.status });
        continue;
      }
      // Escaped like message text, so the one Slack-text decoder reads both the same way.
      texts.push(escapeMrkdwn(await readCapped(response, MAX_SNIPPET_BYTES)));
    } catch (error) {
      reader.logger.warn('snippet fetch failed', { file: file.id, err: error });
    }
  }
  return texts.join('\n\n');
}
