/**
 * Slack request verification (v0): HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret,
 * compared in constant time. Unlike Bolt 5.1's check, a timestamp more than five minutes in the FUTURE is
 * refused too: a captured request cannot be replayed by pre-dating it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_CLOCK_SKEW_SEC = 300;

export type VerifyFailure = 'missing_signature' | 'bad_timestamp' | 'stale_timestamp' | 'future_timestamp' | 'bad_signature';
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

export interface VerifyInput {
  signingSecret: string;
  rawBody: Buffer | string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs?: number;
}

export function computeSignature(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

export function verifySlackSignature(input: VerifyInput): VerifyResult {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: 'missing_signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const skew = Math.floor((input.nowMs ?? Date.now()) / 1000) - Number(timestamp);
  if (skew > MAX_CLOCK_SKEW_SEC) return { ok: false, reason: 'stale_timestamp' };
  if (skew < -MAX_CLOCK_SKEW_SEC) return { ok: false, reason: 'future_timestamp' };
  const expected = Buffer.from(computeSignature(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; a length mismatch is already a mismatch, and length is not secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
