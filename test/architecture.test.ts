/**
 * The layout is the architecture: these rules are checked on every import specifier in src/,
 * so a shortcut across layers fails the suite instead of waiting for review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface SourceFile {
  path: string;
  text: string;
  imports: string[];
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const files: SourceFile[] = sourceFiles(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  const imports = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
  return { path: relative(SRC, path).split('\\').join('/'), text, imports };
});

/** Which top-level folder of src/ a relative import lands in, seen from `from`. */
function targetFolder(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const resolved = join(from.split('/').slice(0, -1).join('/'), specifier).split('\\').join('/');
  return resolved.includes('/') ? resolved.split('/')[0] : resolved;
}

const CORE = ['trace', 'kb', 'match', 'store', 'state', 'bot', 'reply'];

/** The "who may import whom" table of ARCHITECTURE.md: module (folder or top-level file) → what it may import. */
function allowedImports(): Map<string, Set<string> | 'everything'> {
  const doc = readFileSync(fileURLToPath(new URL('../ARCHITECTURE.md', import.meta.url)), 'utf8');
  const table = doc.slice(doc.indexOf('| module | may import |'));
  const rows = table.split('\n').slice(2).filter((l) => l.startsWith('| `'));
  return new Map(
    rows.map((row) => {
      const [, module = '', allowed = ''] = /^\| `([\w-]+)\/?` \|(.*)\|$/.exec(row) ?? [];
      const names = [...allowed.matchAll(/`([\w-]+)`/g)].map((m) => m[1]!);
      return [module, allowed.trim() === 'everything' ? 'everything' : new Set(names)] as const;
    }),
  );
}

/** The module a src/ path belongs to: its top folder, or a top-level file's name without `.ts`. */
function moduleOf(path: string): string {
  return path.includes('/') ? path.split('/')[0]! : path.replace(/\.ts$/, '');
}

/** src/-relative path of the module a relative import names (`.js` written, `.ts` on disk). */
function resolveModule(from: string, specifier: string): string {
  return join(from.split('/').slice(0, -1).join('/'), specifier).split('\\').join('/').replace(/\.js$/, '.ts');
}

/** Every import cycle among src/ modules (type-only imports included: they tie the modules' designs as much), each once. */
function importCycles(): string[][] {
  const graph = new Map(files.map((f) => [f.path, f.imports.filter((s) => s.startsWith('.')).map((s) => resolveModule(f.path, s))]));
  const cycles = new Map<string, string[]>();
  const visit = (node: string, stack: string[], onStack: Set<string>, done: Set<string>) => {
    if (onStack.has(node)) {
      const cycle = stack.slice(stack.indexOf(node));
      const first = [...cycle].sort()[0]!;
      const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
      cycles.set(rotated.join(' → '), rotated);
      return;
    }
    if (done.has(node)) return;
    onStack.add(node);
    stack.push(node);
    for (const next of graph.get(node) ?? []) visit(next, stack, onStack, done);
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  const done = new Set<string>();
  for (const node of graph.keys()) visit(node, [], new Set(), done);
  return [...cycles.values()];
}

describe('architecture', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each([
    ['@slack/bolt', 'slack/'],
    ['fuse.js', 'match/'],
    ['prom-client', 'slack/metrics.ts'],
  ])('imports %s only from src/%s', (pkg, folder) => {
    const offenders = files.filter((f) => f.imports.includes(pkg) && !f.path.startsWith(folder)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('has no import cycles between modules', () => {
    expect(importCycles().map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });

  it('imports across modules only as the table in ARCHITECTURE.md allows', () => {
    const allowed = allowedImports();
    expect(allowed.size).toBeGreaterThan(10);
    const modules = new Set(files.map((f) => moduleOf(f.path)));
    expect([...modules].filter((m) => !allowed.has(m))).toEqual([]);
    const offenders = files.flatMap((f) => {
      const from = moduleOf(f.path);
      const may = allowed.get(from);
      return f.imports
        .filter((s) => s.startsWith('.'))
        .map((s) => moduleOf(resolveModule(f.path, s)))
        .filter((to) => to !== from && may !== 'everything' && !may?.has(to))
        .map((to) => `${f.path} → ${to}`);
    });
    expect([...new Set(offenders)]).toEqual([]);
  });

  it('writes to the terminal only from the CLI and the logger', () => {
    const offenders = files.filter((f) => !f.path.startsWith('cli/') && f.path !== 'log.ts' && /process\.(stdout|stderr)\b|console\.\w+\(/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in config.ts', () => {
    const offenders = files.filter((f) => f.path !== 'config.ts' && f.text.includes('process.env')).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('exits the process only in the CLI', () => {
    const offenders = files.filter((f) => !f.path.startsWith('cli/') && /process\.exit\(/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it.each(CORE)('keeps src/%s free of the Slack and CLI adapters', (folder) => {
    const offenders = files
      .filter((f) => f.path.startsWith(`${folder}/`))
      .flatMap((f) => f.imports.filter((s) => ['slack', 'cli'].includes(targetFolder(f.path, s) ?? '')).map((s) => `${f.path} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the parsers below the matcher and the bot', () => {
    const below = ['trace', 'kb'];
    const offenders = files
      .filter((f) => below.some((b) => f.path.startsWith(`${b}/`)))
      .flatMap((f) => f.imports.filter((s) => ['match', 'bot', 'reply', 'state', 'store'].includes(targetFolder(f.path, s) ?? '')).map((s) => `${f.path} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('keeps model.ts and errors.ts free of internal imports other than each other', () => {
    const offenders = files
      .filter((f) => f.path === 'model.ts' || f.path === 'errors.ts')
      .flatMap((f) => f.imports.filter((s) => s.startsWith('.') && s !== './errors.js' && s !== './model.js').map((s) => `${f.path} → ${s}`));
    expect(offenders).toEqual([]);
  });
});
