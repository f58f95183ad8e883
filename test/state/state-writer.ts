/**
 * Child process for the crash tests: writes mutes and feedback one after another and prints
 * `acked N` only after write N resolved. The parent SIGKILLs it at some point and reopens the store.
 * argv: file <dataDir> | redis <url> <prefix>
 */
import { openStateStore } from '../../src/state/index.js';

const [kind, target, prefix] = process.argv.slice(2);
const store = await openStateStore(
  kind === 'redis' ? { dataDir: undefined, redisUrl: target } : { dataDir: target, redisUrl: undefined },
  { redisPrefix: prefix },
);
for (let i = 0; ; i += 1) {
  await store.setMuted(`C${i}`, true);
  await store.recordFeedback({ channel: `C${i}`, threadTs: `${i}.000100`, kb: 'Q272274', user: 'U1', verdict: 'right', at: i });
  process.stdout.write(`acked ${i}\n`);
}
