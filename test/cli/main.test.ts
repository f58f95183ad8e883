import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// tsx by file URL: `--import tsx` would resolve from the cwd, which is deliberately outside the package.
const tsxLoader = pathToFileURL(`${root}node_modules/tsx/dist/loader.mjs`).href;

/** Runs the CLI as a user would (through tsx, so no build is needed), from a cwd outside the package. */
async function kbbot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', tsxLoader, `${root}src/cli/main.ts`, ...args], {
      cwd: '/',
      env: { ...process.env, NODE_OPTIONS: '', KBBOT_STORE: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('kbbot validate and lookup as processes', () => {
  it('looks up the seed from the bundled store whatever the cwd', async () => {
    const { code, stdout } = await kbbot('lookup', 'Q272274');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Q272274 .*PUSH_NOTIFY/);
  });

  it('exits 2 with a one-line usage message on a bad option', async () => {
    const { code, stderr } = await kbbot('validate', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kbbot validate: .*--bogus.*\(see kbbot validate --help\)\n$/);
  });

  it('exits 1 when validate finds an invalid file', async () => {
    const { code, stdout } = await kbbot('validate', '--store', `${root}test/fixtures/store/bad`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/9 invalid\n$/);
  });
});
