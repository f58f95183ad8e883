/**
 * An archive over HTTP(S): `kbbot ingest https://…/master.tar.gz` streams the download straight into the
 * tar or zip reader, so the whole KB archive is parsed as it arrives and never sits on disk or in memory.
 * Redirects are followed (GitHub's archive links redirect to codeload.github.com); anything but a 2xx, a
 * connection that fails, or a body shorter than its Content-Length is an error naming the URL.
 */
import { ErrorCode, KbBotError } from '../errors.js';

export interface ByteSource {
  /** What errors and article paths call it: the URL as given, or the file path. */
  label: string;
  /** Total bytes when known (Content-Length, a file's size). */
  size: number | undefined;
  chunks: AsyncIterable<Buffer>;
}

export const isUrl = (path: string): boolean => /^https?:\/\//i.test(path);

function downloadError(url: string, why: string, cause?: unknown): KbBotError {
  return new KbBotError(ErrorCode.NotFound, `cannot download ${url}: ${why}`, { url }, cause === undefined ? {} : { cause });
}

/** The message of a fetch failure, which undici hides in `cause` ("fetch failed" on its own says nothing). */
function reason(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export async function openUrl(url: string): Promise<ByteSource> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', headers: { 'user-agent': 'kbbot-ingest', accept: '*/*', 'accept-encoding': 'identity' } });
  } catch (error) {
    throw downloadError(url, reason(error), error);
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => {});
    throw downloadError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const header = response.headers.get('content-length');
  const length = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  // With gzip transfer-encoding fetch would hand over more bytes than Content-Length counts; archives are sent as is.
  const size = response.headers.get('content-encoding') ? undefined : length;
  const body = response.body;
  async function* chunks(): AsyncGenerator<Buffer> {
    let received = 0;
    try {
      for await (const chunk of body) {
        received += chunk.byteLength;
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    } catch (error) {
      throw downloadError(url, `the download broke off after ${received} bytes${size === undefined ? '' : ` of ${size}`} (${reason(error)})`, error);
    }
    if (size !== undefined && received < size) throw downloadError(url, `the download ended after ${received} of ${size} bytes`);
  }
  return { label: url, size, chunks: chunks() };
}
