/**
 * The team store: known issues a team records itself (ids `KI-1`, `KI-2`, …), and the votes that say which
 * answer was right for a crash. Two backends behind one interface:
 *  - a folder of YAML files (`KI-3.yml`, one per issue, readable and kept in git if the team likes), ids
 *    claimed by creating `.ids/KI-N` exclusively, so two writers (two processes, `kbbot add`) never take
 *    the same id; votes appended to `.votes.jsonl`;
 *  - Redis (several instances): ids from `INCR`, signatures and votes in hashes, a version counter bumped in
 *    the same transaction as every write.
 * `version()` changes with every write by anyone: a poller reloads when it does (see team-watch.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ErrorCode, KbBotError } from '../errors.js';
import type { Logger } from '../log.js';
import { SignatureSchema, VoteSchema, type KbId, type Signature, type SignatureInput, type Vote } from '../model.js';
import { createKnownIssue, formatTeamYaml, IDS_DIR, parseTeamSignature, type TeamDraft } from './known-issue.js';
import { loadSignatureFile, type StoreError } from './signature-file.js';
import { orderSignature } from './write.js';

export { formatTeamYaml, parseTeamSignature, type TeamDraft } from './known-issue.js';

export interface TeamStore {
  readonly kind: 'folder' | 'redis';
  /** Every team signature, retired ones included, in id order. */
  list(): Promise<Signature[]>;
  get(id: KbId): Promise<Signature | undefined>;
  /** Takes the next free `KI-N` (never one already taken, also by another instance) and writes the draft under it. */
  create(draft: TeamDraft): Promise<Signature>;
  /** Rewrites an existing team signature (an edit, a retirement). Throws `not_found` for an unknown id. */
  update(sig: SignatureInput): Promise<Signature>;
  /** Records one person's vote; a later vote on the same (fingerprint, user, kb) replaces it. */
  vote(vote: Vote): Promise<void>;
  /** The current votes, one per (fingerprint, user, kb). */
  votes(): Promise<Vote[]>;
  /** Changes whenever anything above was written, by any writer. */
  version(): Promise<string>;
  close(): Promise<void>;
}

export const TEAM_ID_PATTERN = /^KI-([1-9]\d{0,6})$/;

function idNumber(id: string): number | undefined {
  const m = TEAM_ID_PATTERN.exec(id);
  return m ? Number(m[1]) : undefined;
}

function byId(a: Signature, b: Signature): number {
  return (idNumber(a.id) ?? 0) - (idNumber(b.id) ?? 0);
}

function voteKey(v: Pick<Vote, 'fingerprint' | 'user' | 'kb'>): string {
  return `${v.fingerprint}\u0000${v.user}\u0000${v.kb}`;
}

/** Last vote per (fingerprint, user, kb), in the order they were first cast. */
function latestVotes(votes: Iterable<Vote>): Vote[] {
  const byKey = new Map<string, Vote>();
  for (const v of votes) byKey.set(voteKey(v), v);
  return [...byKey.values()];
}

// ---------------------------------------------------------------- folder

export interface FolderTeamOptions {
  logger?: Logger;
}

/** Append-only: compacting it safely needs every appender to take a lock (docs/votes-compaction.md). */
const VOTES_FILE = '.votes.jsonl';

export class FolderTeamStore implements TeamStore {
  readonly kind = 'folder' as const;
  constructor(
    readonly dir: string,
    private readonly logger?: Logger,
  ) {}

  static async open(dir: string, options: FolderTeamOptions = {}): Promise<FolderTeamStore> {
    try {
      await mkdir(join(dir, IDS_DIR), { recursive: true });
    } catch (error) {
      throw new KbBotError(ErrorCode.StoreUnreadable, `cannot create the team store ${dir}: ${(error as Error).message}`, { path: dir }, { cause: error });
    }
    return new FolderTeamStore(dir, options.logger);
  }

  private pathOf(id: KbId): string {
    return join(this.dir, `${id}.yml`);
  }

  private async signatureFiles(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.filter((n) => /^KI-[1-9]\d{0,6}\.(yml|yaml|json)$/.test(n));
  }

  async list(): Promise<Signature[]> {
    const out: Signature[] = [];
    const errors: StoreError[] = [];
    for (const name of await this.signatureFiles()) {
      const checked = loadSignatureFile(join(this.dir, name));
      if (checked.ok) out.push(checked.signature);
      else errors.push(...checked.errors);
    }
    for (const e of errors) this.logger?.warn('team signature invalid', { path: e.path, field: e.field, reason: e.message });
    return out.sort(byId);
  }

  async get(id: KbId): Promise<Signature | undefined> {
    for (const ext of ['yml', 'yaml', 'json']) {
      const path = join(this.dir, `${id}.${ext}`);
      try {
        await stat(path);
      } catch {
        continue;
      }
      const checked = loadSignatureFile(path);
      return checked.ok ? checked.signature : undefined;
    }
    return undefined;
  }

  private async write(sig: Signature): Promise<void> {
    const target = this.pathOf(sig.id);
    const temp = join(this.dir, `.${sig.id}.yml.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, formatTeamYaml(sig), 'utf8');
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new KbBotError(ErrorCode.StoreUnreadable, `cannot write ${target}: ${(error as Error).message}`, { path: target }, { cause: error });
    }
  }

  /** Through the one writer of new known issues (known-issue.ts), which `kbbot add` uses too. */
  async create(draft: TeamDraft): Promise<Signature> {
    return (await createKnownIssue(this.dir, draft, { format: 'yaml' })).signature;
  }

  async update(input: SignatureInput): Promise<Signature> {
    const sig = parseTeamSignature(input);
    if ((await this.get(sig.id)) === undefined) throw new KbBotError(ErrorCode.NotFound, `${sig.id} is not in the team store`, { id: sig.id });
    await this.write(sig);
    return sig;
  }

  async vote(vote: Vote): Promise<void> {
    // One short line per append: O_APPEND keeps concurrent writers' lines whole.
    await appendFile(join(this.dir, VOTES_FILE), `${JSON.stringify(VoteSchema.parse(vote))}\n`, 'utf8');
  }

  async votes(): Promise<Vote[]> {
    let text: string;
    try {
      text = await readFile(join(this.dir, VOTES_FILE), 'utf8');
    } catch {
      return [];
    }
    const parsed: Vote[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const v = VoteSchema.safeParse(JSON.parse(line));
        if (v.success) parsed.push(v.data);
      } catch {
        // A torn last line (a crash mid-append) is skipped.
      }
    }
    return latestVotes(parsed);
  }

  async version(): Promise<string> {
    const hash = createHash('sha1');
    for (const name of [...(await this.signatureFiles()), VOTES_FILE].sort()) {
      try {
        const s = await stat(join(this.dir, name));
        hash.update(`${name}:${s.size}:${s.mtimeMs}\n`);
      } catch {
        hash.update(`${name}:-\n`);
      }
    }
    return hash.digest('hex');
  }

  async close(): Promise<void> {}
}

// ---------------------------------------------------------------- redis

export interface RedisTeamOptions {
  url: string;
  /** Key prefix, shared with the state store's (several bots or tests on one Redis). */
  prefix?: string;
  logger?: Logger;
}

export class RedisTeamStore implements TeamStore {
  readonly kind = 'redis' as const;
  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  static async open(options: RedisTeamOptions): Promise<RedisTeamStore> {
    const redis = new Redis(options.url, { lazyConnect: true, connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(times * 200, 2_000) });
    redis.on('error', (error: Error) => options.logger?.warn('redis connection error (team store)', { err: error.message }));
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new KbBotError(ErrorCode.StateUnavailable, `cannot reach Redis at REDIS_URL: ${(error as Error).message}`, {}, { cause: error });
    }
    return new RedisTeamStore(redis, `${options.prefix ?? 'kbbot:'}team:`);
  }

  private key(name: 'next' | 'sigs' | 'votes' | 'version'): string {
    return this.prefix + name;
  }

  async list(): Promise<Signature[]> {
    const all = await this.redis.hvals(this.key('sigs'));
    return all.flatMap((raw) => {
      const parsed = SignatureSchema.safeParse(JSON.parse(raw));
      return parsed.success ? [parsed.data] : [];
    }).sort(byId);
  }

  async get(id: KbId): Promise<Signature | undefined> {
    const raw = await this.redis.hget(this.key('sigs'), id);
    if (raw === null) return undefined;
    const parsed = SignatureSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  }

  private async write(sig: Signature): Promise<void> {
    await this.redis.multi().hset(this.key('sigs'), sig.id, JSON.stringify(orderSignature(sig))).incr(this.key('version')).exec();
  }

  async create(draft: TeamDraft): Promise<Signature> {
    parseTeamSignature({ ...draft, id: 'KI-1' });
    const n = await this.redis.incr(this.key('next'));
    const sig = parseTeamSignature({ ...draft, id: `KI-${n}` });
    await this.write(sig);
    return sig;
  }

  async update(input: SignatureInput): Promise<Signature> {
    const sig = parseTeamSignature(input);
    if (!(await this.redis.hexists(this.key('sigs'), sig.id))) throw new KbBotError(ErrorCode.NotFound, `${sig.id} is not in the team store`, { id: sig.id });
    await this.write(sig);
    return sig;
  }

  async vote(vote: Vote): Promise<void> {
    const v = VoteSchema.parse(vote);
    await this.redis.multi().hset(this.key('votes'), voteKey(v), JSON.stringify(v)).incr(this.key('version')).exec();
  }

  async votes(): Promise<Vote[]> {
    const all = await this.redis.hvals(this.key('votes'));
    return all.flatMap((raw) => {
      const parsed = VoteSchema.safeParse(JSON.parse(raw));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async version(): Promise<string> {
    return (await this.redis.get(this.key('version'))) ?? '0';
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** The team store a configuration asks for: Redis when there is a REDIS_URL, else the folder. */
export async function openTeamStore(options: { redisUrl?: string | undefined; folder: string; redisPrefix?: string; logger?: Logger }): Promise<TeamStore> {
  if (options.redisUrl) return RedisTeamStore.open({ url: options.redisUrl, ...(options.redisPrefix ? { prefix: options.redisPrefix } : {}), ...(options.logger ? { logger: options.logger } : {}) });
  return FolderTeamStore.open(options.folder, options.logger ? { logger: options.logger } : {});
}
