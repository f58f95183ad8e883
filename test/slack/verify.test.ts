/** Request verification: Slack's v0 signature, five minutes of clock skew either way, constant-time compare. */
import { describe, expect, it } from 'vitest';
import { parseSlackBody } from '../../src/slack/http-receiver.js';
import { verifySlackSignature } from '../../src/slack/verify.js';
import { signBody } from '../support/sign.js';

const SECRET = 'unit-secret';
const NOW_SEC = 1_800_000_000;
const body = '{"type":"event_callback","event":{}}';

function verify(timestampSec: number, overrides: { signature?: string; body?: string; timestamp?: string } = {}) {
  const signed = signBody(SECRET, body, timestampSec);
  return verifySlackSignature({
    signingSecret: SECRET,
    rawBody: overrides.body ?? body,
    signature: overrides.signature ?? signed['x-slack-signature'],
    timestamp: overrides.timestamp ?? signed['x-slack-request-timestamp'],
    nowMs: NOW_SEC * 1000,
  });
}

describe('verifySlackSignature', () => {
  it.each([
    ['a request signed now', NOW_SEC, {}, { ok: true }],
    ['exactly 300 s old', NOW_SEC - 300, {}, { ok: true }],
    ['exactly 300 s ahead', NOW_SEC + 300, {}, { ok: true }],
    ['301 s old', NOW_SEC - 301, {}, { ok: false, reason: 'stale_timestamp' }],
    ['301 s in the future', NOW_SEC + 301, {}, { ok: false, reason: 'future_timestamp' }],
    ['a body changed after signing', NOW_SEC, { body: body.replace('event_callback', 'evil') }, { ok: false, reason: 'bad_signature' }],
    ['a truncated signature', NOW_SEC, { signature: 'v0=abc' }, { ok: false, reason: 'bad_signature' }],
    ['a v1 signature', NOW_SEC, { signature: `v1=${'a'.repeat(64)}` }, { ok: false, reason: 'bad_signature' }],
    ['no signature', NOW_SEC, { signature: '' }, { ok: false, reason: 'missing_signature' }],
    ['a non-numeric timestamp', NOW_SEC, { timestamp: '17e8' }, { ok: false, reason: 'bad_timestamp' }],
  ])('%s', (_name, ts, overrides, expected) => {
    expect(verify(ts, overrides)).toEqual(expected);
  });
});

describe('parseSlackBody', () => {
  const json = 'application/json';
  const form = 'application/x-www-form-urlencoded';
  it.each([
    ['an event callback', '{"type":"event_callback","event":{"type":"message"}}', json, 'event_callback'],
    ['a slash command form', 'command=%2Fkb&text=Q272274', form, undefined],
    ['a block_actions payload', `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`, form, 'block_actions'],
  ])('accepts %s', (_name, raw, type, expected) => {
    expect(parseSlackBody(Buffer.from(raw), type).type).toBe(expected);
  });

  it.each([
    ['truncated JSON', '{"type":', json, 400],
    ['a JSON array', '[1,2]', json, 400],
    ['an unknown type', '{"type":"surprise"}', json, 400],
    ['an interactive payload that is not JSON', 'payload=%7Bnope', form, 400],
    ['plain text', 'hello', 'text/plain', 415],
  ])('refuses %s', (_name, raw, type, status) => {
    expect(() => parseSlackBody(Buffer.from(raw), type)).toThrow(expect.objectContaining({ status }));
  });
});
