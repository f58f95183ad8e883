import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger, loggerFromConfig, type Logger } from '../src/log.js';

const BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const APP = 'xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef';
const USER = 'xoxp-2222-3333-4444-deadbeefcafe';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

function capture(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: level, REDIS_URL: 'redis://:hunter2pass@127.0.0.1:6379' });
  return { logger: loggerFromConfig(config, { sink: (l) => lines.push(l), now: () => new Date('2026-11-25T12:00:00Z') }), lines };
}

describe('structured logger', () => {
  it('writes one JSON object per line with ts, level, msg and the fields', () => {
    const { logger, lines } = capture();
    logger.info('reply posted', { channel: 'C1', ms: 12 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ ts: '2026-11-25T12:00:00.000Z', level: 'info', msg: 'reply posted', channel: 'C1', ms: 12 });
  });

  it.each([
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('at LOG_LEVEL=%s writes only %j', (level, expected) => {
    const { logger, lines } = capture(level);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(expected);
  });

  it('works as Bolt logger: variadic arguments, setLevel/getLevel/setName', () => {
    const { logger, lines } = capture('info');
    logger.setName('bolt-app');
    logger.setLevel('ERROR');
    expect(logger.getLevel()).toBe('error');
    logger.warn('dropped');
    logger.error('An unhandled error occurred', new Error('boom'), 42);
    const line = JSON.parse(lines[0] ?? '');
    expect(lines).toHaveLength(1);
    expect(line).toMatchObject({ level: 'error', name: 'bolt-app', msg: 'An unhandled error occurred 42', err: { name: 'Error', message: 'boom' } });
  });

  it('keeps the line structure when a field is named like a reserved key or is circular', () => {
    const { logger, lines } = capture();
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    logger.child({ instance: 'a' }).warn('odd fields', { level: 'x', msg: 'y', loop });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      msg: 'odd fields',
      instance: 'a',
      field_level: 'x',
      field_msg: 'y',
      loop: { a: 1, self: '[circular]' },
    });
  });

  const leaks: [string, (logger: Logger) => void][] = [
    ['a bot token in the message', (l) => l.info(`token is ${BOT}`)],
    ['an app token in a field', (l) => l.info('connecting', { url: `wss://x/?t=${APP}` })],
    ['a user token not in the configuration', (l) => l.warn('seen', { text: `pasted ${USER} by mistake` })],
    ['an Authorization header', (l) => l.error('call failed', { headers: { Authorization: `Bearer ${BOT}` } })],
    ['an Authorization header inside a string', (l) => l.debug(`request headers: {"authorization":"Bearer ${BOT}"}`)],
    ['the signing secret as a value', (l) => l.info('config', { note: `secret=${SECRET}` })],
    ['the signing secret in an error', (l) => l.error(new Error(`bad signature with ${SECRET}`))],
    ['a secret-named field', (l) => l.info('config', { signingSecret: 'anything-at-all', token: 'plain' })],
    ['the Redis password in a URL', (l) => l.warn('redis down', { url: 'redis://:hunter2pass@127.0.0.1:6379' })],
    ['a token inside a stringified body', (l) => l.info('body', JSON.stringify({ token: BOT, nested: { t: APP } }))],
    ['a token in an error cause', (l) => l.error('failed', { err: new Error('outer', { cause: new Error(`inner ${BOT}`) }) })],
  ];

  it.each(leaks)('never writes %s', (_name, write) => {
    const { logger, lines } = capture();
    write(logger);
    const out = lines.join('');
    expect(out.length).toBeGreaterThan(0);
    for (const secret of [BOT, APP, USER, SECRET, 'hunter2pass', 'anything-at-all', 'AbCdEfGhIjKl']) expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it.each([
    ['one long URL-like run', `${'a'.repeat(200_000)}://${'b'.repeat(200_000)}:${'c'.repeat(200_000)}`],
    ['many URL prefixes', '://a:'.repeat(100_000)],
    ['many token prefixes', 'xoxb-'.repeat(100_000)],
    ['many Bearer words', 'Bearer '.repeat(100_000)],
    ['many signature prefixes', 'v0=0123456789abcdef'.repeat(30_000)],
  ])('redacts a 500 kB paste of %s in well under a second', (_name, paste) => {
    const { logger, lines } = createCapture();
    const started = performance.now();
    logger.info('paste', { paste });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines).toHaveLength(1);
  });
});

function createCapture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ sink: (l) => lines.push(l) }), lines };
}
