/**
 * manifest.yml is a valid Slack app manifest, and it declares everything the code uses: every event the
 * routing table listens to, every scope those events and the Web API methods the adapter calls need, the
 * slash command and the shortcut. The lists come from the code (routing table, scope maps, a scan of the
 * adapter's `client.*.*(` calls), not from a copy in this test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROUTES } from '../../src/slack/listeners/index.js';
import { COMMAND_SCOPES, EVENT_SUBSCRIPTIONS, METHOD_SCOPES } from '../../src/slack/scopes.js';
import { validateJsonSchema } from '../support/json-schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA_PATH = join(ROOT, '../shared/slack/manifest.schema.1.0.0.json');
const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
  features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string; type: string }[]; unfurl_domains: string[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};
const botScopes = new Set(manifest.oauth_config.scopes.bot);
const botEvents = new Set(manifest.settings.event_subscriptions.bot_events);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every `client.<family>.<method>(` and `callSlack(client, '<method>'` call in src/slack: what the adapter really calls. */
function calledMethods(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src/slack'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/client\.([a-z]+)\.([A-Za-z]+)\(/g)) found.add(`${m[1]}.${m[2]}`);
    for (const m of source.matchAll(/callSlack(?:OrThrow)?(?:<[^>]*>)?\(\s*[A-Za-z.]+,\s*'([a-z]+\.[A-Za-z]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('manifest.yml', () => {
  it.skipIf(!existsSync(SCHEMA_PATH))('validates against Slack manifest schema 1.0.0', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    expect(validateJsonSchema(schema, manifest)).toEqual([]);
  });

  it.skipIf(!existsSync(SCHEMA_PATH))('the schema check is real: a 25-character shortcut name and an upper-case unfurl domain are refused', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const broken = structuredClone(manifest);
    broken.features.shortcuts[0] = { ...broken.features.shortcuts[0]!, name: 'x'.repeat(25) } as never;
    broken.features.unfurl_domains = ['Support.Microsoft.com'];
    expect(validateJsonSchema(schema, broken)).toHaveLength(2);
  });

  it('the adapter calls only Web API methods with a known scope, and the routing table declares each of them', () => {
    const declared = new Set(ROUTES.flatMap((r) => r.calls));
    for (const method of calledMethods()) {
      expect(Object.keys(METHOD_SCOPES), `scope map lacks ${method}`).toContain(method);
      expect([...declared], `no route declares ${method}`).toContain(method);
    }
    expect(calledMethods().length).toBeGreaterThan(4);
  });

  it.each(ROUTES.map((r) => [JSON.stringify(r.trigger, (_k, v) => (v instanceof RegExp ? v.source : v)), r] as const))('declares what %s needs', (_name, route) => {
    const needed = new Set<string>(route.calls.flatMap((m) => METHOD_SCOPES[m]));
    const { trigger } = route;
    if (trigger.kind === 'event') {
      const subscription = EVENT_SUBSCRIPTIONS[trigger.event];
      expect(subscription, `no subscription known for ${trigger.event}`).toBeDefined();
      for (const event of subscription!.botEvents) expect([...botEvents]).toContain(event);
      subscription!.scopes.forEach((s) => needed.add(s));
    } else if (trigger.kind === 'command') {
      expect(manifest.features.slash_commands.map((c) => c.command)).toContain(trigger.command);
      COMMAND_SCOPES.forEach((s) => needed.add(s));
    } else if (trigger.kind === 'shortcut') {
      expect(manifest.features.shortcuts.map((s) => s.callback_id)).toContain(trigger.callbackId);
      COMMAND_SCOPES.forEach((s) => needed.add(s));
    } else {
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
    }
    for (const scope of needed) expect([...botScopes]).toContain(scope);
  });

  it('asks for no scope and no event that nothing uses', () => {
    const used = new Set<string>([
      ...ROUTES.flatMap((r) => r.calls.flatMap((m) => [...METHOD_SCOPES[m]])),
      ...ROUTES.flatMap((r) => (r.trigger.kind === 'event' ? EVENT_SUBSCRIPTIONS[r.trigger.event]?.scopes ?? [] : r.trigger.kind === 'command' || r.trigger.kind === 'shortcut' ? COMMAND_SCOPES : [])),
    ]);
    const subscribed = new Set(ROUTES.flatMap((r) => (r.trigger.kind === 'event' ? EVENT_SUBSCRIPTIONS[r.trigger.event]?.botEvents ?? [] : [])));
    expect([...botScopes].filter((s) => !used.has(s))).toEqual([]);
    expect([...botEvents].filter((e) => !subscribed.has(e))).toEqual([]);
  });

  it('runs in Socket Mode and unfurls support.microsoft.com', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.unfurl_domains).toEqual(['support.microsoft.com']);
  });
});
