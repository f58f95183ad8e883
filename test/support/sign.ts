/**
 * Slack request signing for tests: the same v0 HMAC-SHA256 Slack computes over `v0:<timestamp>:<raw body>`,
 * plus helpers that POST signed events, slash commands and interactive payloads to a running app.
 */
import { createHmac } from 'node:crypto';

export interface SignedHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** Signs `body` as Slack does; `timestampSec` defaults to now (pass a skewed one to test rejection). */
export function signBody(secret: string, body: string, timestampSec: number = Math.floor(Date.now() / 1000)): SignedHeaders {
  const digest = createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSec) };
}

/** Form-encodes fields as Slack posts slash commands (`application/x-www-form-urlencoded`). */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Interactive payloads (block_actions, message_action…) arrive as a form with one `payload` field of JSON. */
export function interactiveBody(payload: unknown): string {
  return formBody({ payload: JSON.stringify(payload) });
}

export interface PostOptions {
  secret: string;
  /** Defaults to application/json for objects and form-encoding for strings built with formBody/interactiveBody. */
  contentType?: string;
  timestampSec?: number;
  /** Extra headers, e.g. { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }. */
  headers?: Record<string, string>;
  /** Replace the computed signature (to test forgeries). */
  signature?: string;
}

export interface PostResult {
  status: number;
  body: string;
}

/** POSTs a signed request; `body` is an object (sent as JSON) or an already encoded form string. */
export async function postSigned(url: string, body: unknown, options: PostOptions): Promise<PostResult> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = options.contentType ?? (typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json');
  const signed = signBody(options.secret, raw, options.timestampSec);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...signed,
      ...(options.signature !== undefined ? { 'x-slack-signature': options.signature } : {}),
      ...options.headers,
    },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}
