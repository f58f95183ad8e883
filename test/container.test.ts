/**
 * The Dockerfile and compose.yaml against what the app reads (src/config.ts) and needs at run time.
 * No Docker engine runs here, so the image is not built: these checks read both files as text and make
 * sure they name only real settings with valid values, mount the folders the settings point at, expose
 * the ports the app listens on, and run Redis with its append-only file on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EnvSchema, loadConfig } from '../src/config.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (name: string) => readFileSync(`${ROOT}${name}`, 'utf8');

interface Instruction {
  op: string;
  args: string;
}

interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** Dockerfile instructions per stage (comments dropped, `\` continuations joined). */
function dockerStages(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [from = '', , name = String(stages.length)] = args.split(/\s+/);
      stages.push({ name, from, instructions: [] });
    } else if (stages.length > 0) stages.at(-1)!.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

/** `ENV A=1 B=2` pairs of a stage. */
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.op === 'ENV')) for (const m of i.args.matchAll(/(\w+)=(\S+)/g)) env[m[1]!] = m[2]!;
  return env;
}

const dockerfile = read('Dockerfile');
const stages = dockerStages(dockerfile);
const runtime = stages.at(-1)!;
const imageEnv = envOf(runtime);
const compose = parse(read('compose.yaml')) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[]; volumes?: string[]; command?: string[]; depends_on?: Record<string, unknown> }>;
};
const kbbot = compose.services.kbbot!;
const composeEnv = kbbot.environment ?? {};
const settings = new Set(Object.keys(EnvSchema.shape));
/** Compose's `${VAR:-default}` as a user who set nothing would get it. */
const substituted = (value: string) => value.replace(/\$\{\w+:-([^}]*)\}/g, '$1');

describe('Dockerfile', () => {
  it('builds in one stage and runs from another with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const copies = runtime.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);
    const fromStage = (path: string) => copies.find((c) => new RegExp(`--from=(\\w+) \\S*${path}`).test(c))?.match(/--from=(\w+)/)?.[1];
    const depsStage = stages.find((s) => s.name === fromStage('node_modules'));
    expect(depsStage?.instructions.some((i) => i.op === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args))).toBe(true);
    expect(stages.find((s) => s.name === fromStage('dist'))?.instructions.some((i) => i.op === 'RUN' && /npm run build/.test(i.args))).toBe(true);
  });

  it('runs as a user other than root', () => {
    const user = runtime.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('uses the Node.js major version package.json asks for', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const major = /(\d+)/.exec(engines)?.[1];
    expect(dockerfile).toMatch(new RegExp(`ARG NODE_IMAGE=node:${major}[-.]`));
    expect(stages.every((s) => s.from === '${NODE_IMAGE}')).toBe(true);
  });

  it('copies what the package ships (package.json "files") into the image', () => {
    const files = (JSON.parse(read('package.json')) as { files: string[] }).files;
    const copied = runtime.instructions.filter((i) => i.op === 'COPY').map((i) => i.args).join('\n');
    for (const f of files) expect(copied).toMatch(new RegExp(`(^|\\s|/)${f.replace('.', '\\.')}(\\s|$)`, 'm'));
  });

  it('sets only settings the app reads, with values it accepts', () => {
    const appEnv = Object.keys(imageEnv).filter((k) => k !== 'NODE_ENV');
    expect(appEnv.filter((k) => !settings.has(k))).toEqual([]);
    expect(() => loadConfig(imageEnv)).not.toThrow();
  });

  it('declares the store and data folders the settings point at as volumes', () => {
    const volumes = runtime.instructions.find((i) => i.op === 'VOLUME')?.args ?? '';
    const declared = JSON.parse(volumes) as string[];
    expect(declared).toEqual(expect.arrayContaining([imageEnv.KBBOT_STORE, imageEnv.KBBOT_DATA_DIR]));
  });

  it('exposes PORT and METRICS_PORT and checks health on /healthz', () => {
    const exposed = runtime.instructions.find((i) => i.op === 'EXPOSE')?.args.split(/\s+/) ?? [];
    expect(exposed).toEqual(expect.arrayContaining([imageEnv.PORT, imageEnv.METRICS_PORT]));
    expect(runtime.instructions.find((i) => i.op === 'HEALTHCHECK')?.args).toMatch(/METRICS_PORT.*\/healthz/);
  });

  it('starts kbbot start through the built CLI', () => {
    expect(runtime.instructions.find((i) => i.op === 'ENTRYPOINT')?.args).toBe('["node", "dist/cli/main.js"]');
    expect(runtime.instructions.find((i) => i.op === 'CMD')?.args).toBe('["start"]');
  });

  it('keeps node_modules and build output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});

describe('compose.yaml', () => {
  it('sets only settings the app reads', () => {
    expect(Object.keys(composeEnv).filter((k) => !settings.has(k))).toEqual([]);
  });

  it('is a valid configuration with Slack credentials filled in, in the mode they choose', () => {
    const env = Object.fromEntries(Object.entries(composeEnv).map(([k, v]) => [k, substituted(String(v))]));
    const socket = loadConfig({ ...env, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack.kind).toBe('socket');
    expect(socket.metricsPort).toBe(Number(imageEnv.METRICS_PORT));
    expect(loadConfig({ ...env, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toMatchObject({ kind: 'http', port: Number(imageEnv.PORT) });
  });

  it('agrees with the image on the store and data folders, and mounts volumes there', () => {
    expect(composeEnv.KBBOT_STORE).toBe(imageEnv.KBBOT_STORE);
    expect(composeEnv.KBBOT_DATA_DIR).toBe(imageEnv.KBBOT_DATA_DIR);
    const mounted = (kbbot.volumes ?? []).map((v) => v.split(':')[1]);
    expect(mounted).toEqual(expect.arrayContaining([composeEnv.KBBOT_STORE, composeEnv.KBBOT_DATA_DIR]));
  });

  it('publishes the ports the app listens on', () => {
    const containerPorts = (kbbot.ports ?? []).map((p) => p.split(':').at(-1));
    expect(containerPorts).toEqual(expect.arrayContaining([composeEnv.PORT, composeEnv.METRICS_PORT]));
  });

  it('points REDIS_URL at its Redis service, started first, with the append-only file on', () => {
    const host = new URL(String(composeEnv.REDIS_URL)).hostname;
    const redis = compose.services[host];
    expect(redis).toBeDefined();
    expect(Object.keys(kbbot.depends_on ?? {})).toContain(host);
    expect(redis?.command?.join(' ')).toMatch(/--appendonly yes/);
    expect((redis?.volumes ?? []).some((v) => v.endsWith(':/data'))).toBe(true);
  });
});
