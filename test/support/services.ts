/**
 * What a test needs from the machine beyond the repository: a `redis-server` binary, the shared KB
 * archive. On a fresh machine a test that lacks one is skipped with one line saying how to run it;
 * under `.ci/run` (KBBOT_TEST_REQUIRE_SERVICES=1) a missing service fails the run instead, so CI
 * never passes by skipping.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ARCHIVE_PATH = fileURLToPath(new URL('../../../shared/kb-corpus.tar.gz', import.meta.url));

interface Service {
  available(): boolean;
  /** How to make it available, for the skip line. */
  howTo: string;
}

const services = {
  redis: {
    available: () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0,
    howTo: 'redis-server is not installed; to run them: apt-get install -y redis-server (.ci/run does this)',
  },
  archive: {
    available: () => existsSync(ARCHIVE_PATH),
    howTo: `the KB archive is absent; to run them: put kb-corpus.tar.gz at ${ARCHIVE_PATH}`,
  },
} satisfies Record<string, Service>;

export type ServiceName = keyof typeof services;

const known = new Map<ServiceName, boolean>();
const reported = new Set<string>();

/** True when the service is here. */
export function hasService(name: ServiceName): boolean {
  let here = known.get(name);
  if (here === undefined) {
    here = services[name].available();
    known.set(name, here);
  }
  return here;
}

/**
 * True when the tests of `what` must be skipped for want of `name`: prints one line saying so and how
 * to run them. Throws when the run requires every service (CI), so the skip becomes a failure.
 */
export function skipWithout(name: ServiceName, what: string): boolean {
  if (hasService(name)) return false;
  const line = `skipping ${what}: ${services[name].howTo}`;
  if (process.env.KBBOT_TEST_REQUIRE_SERVICES === '1') throw new Error(`${line} (KBBOT_TEST_REQUIRE_SERVICES=1 makes this a failure)`);
  if (!reported.has(line)) {
    reported.add(line);
    console.warn(line);
  }
  return true;
}
