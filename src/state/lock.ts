/**
 * One process per data directory: two writers appending to one journal would interleave and
 * compact over each other. The lock file holds the owner's pid; a lock left by a dead process
 * (SIGKILL, power loss) is taken over.
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { ErrorCode, KbBotError } from '../errors.js';

const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  release(): Promise<void>;
}

export async function lockDataDir(path: string): Promise<DirLock> {
  if (heldHere.has(path)) throw inUse(path, process.pid);
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) throw inUse(path, owner);
    await writeFile(path, String(process.pid));
  }
  heldHere.add(path);
  return {
    async release() {
      heldHere.delete(path);
      await rm(path, { force: true });
    },
  };
}

function inUse(path: string, pid: number): KbBotError {
  return new KbBotError(
    ErrorCode.StateUnavailable,
    `the data directory is in use by another kbbot (pid ${pid}, lock ${path}); give each instance its own KBBOT_DATA_DIR, or set REDIS_URL to run several side by side`,
    { path, pid },
  );
}
