/**
 * The single definition of kbbot's data. Every file on disk, every CLI `--json`
 * output and every message between the core and the adapters has its schema here;
 * the TypeScript types are `z.infer` of these schemas.
 */
import { z } from 'zod';

/**
 * A signature's id: a KB article, `Q` followed by digits (Q272274), or a team's own known issue,
 * `KI-` followed by digits (KI-12). Both answer pastes; cards say which kind they are.
 */
export const KbIdSchema = z.string().regex(/^(Q\d{1,8}|KI-[1-9]\d{0,6})$/, 'must be Q followed by digits (Q272274) or KI- followed by digits (KI-12)');
/** True when the id names a team's known issue rather than a KB article. */
export const isTeamId = (id: string): boolean => id.startsWith('KI-');
export type KbId = z.infer<typeof KbIdSchema>;

/** ISO calendar date, yyyy-mm-dd. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date yyyy-mm-dd');

/** Dotted numeric file version as printed (5.5.2654.3, 4.0.1381.133). */
export const VersionSchema = z.string().regex(/^\d+(\.\d+){1,4}$/, 'must be a dotted numeric version, e.g. 5.5.2654.3');

/**
 * The ecosystem a frame comes from, when it is not a Windows debugger's (those carry none). Frames of
 * different ecosystems never share a match key, so a Java paste cannot match a Windows signature by accident.
 */
export const LangSchema = z.enum(['java', 'dotnet', 'python', 'go', 'js', 'rust', 'ruby', 'php', 'native', 'kernel']);
export type Lang = z.infer<typeof LangSchema>;

/** One stack frame as printed: module as printed (`STORE`), symbol (`PUSH_NOTIFY::PushToClient`), offset (`0xb0`). */
export const FrameSchema = z.object({
  module: z.string(),
  symbol: z.string(),
  offset: z.string().optional(),
  /** Set on frames read from other stacks than Windows debuggers' (Java, Python, Go, ...). */
  lang: LangSchema.optional(),
});
export type Frame = z.infer<typeof FrameSchema>;

/** An ordered trace, crash frame first. */
export const TraceSchema = z.array(FrameSchema);
export type Trace = z.infer<typeof TraceSchema>;

/**
 * How the article says the problem is resolved: `configuration` (a setting, registry change or steps that make it
 * go away), `not-yet` (confirmed and being researched, no fix named today), `none` (by design, a limitation).
 */
export const FixKindSchema = z.enum(['hotfix', 'service-pack', 'update', 'upgrade', 'configuration', 'workaround', 'none', 'not-yet', 'unknown']);
export type FixKind = z.infer<typeof FixKindSchema>;

export const FixSchema = z.object({
  kind: FixKindSchema,
  summary: z.string(),
  /** The service pack the article names as carrying (or going to carry) the fix, e.g. "Exchange Server 5.5 Service Pack 4". */
  servicePack: z.string().optional(),
  /** A product version the article names as fixing the problem. */
  version: z.string().optional(),
  /** Other kinds the article also offers (a hotfix and a workaround). */
  also: z.array(FixKindSchema).optional(),
  /** What carries the fix as the article names it: service packs, packages or articles, fixing product versions (never an affected one). */
  carriers: z.array(z.string()).optional(),
  /** For lists of fixes released after a service pack ("post-SP4 fixes"): that service pack, which is not the fix. */
  after: z.string().optional(),
  /** A numbered procedure: how many steps, and the first ones summarised. */
  steps: z.object({ count: z.number().int().positive(), first: z.array(z.string()) }).optional(),
});
export type Fix = z.infer<typeof FixSchema>;

/** One row of a file-attribute table. */
export const FileRowSchema = z.object({
  name: z.string().min(1),
  version: VersionSchema.optional(),
  size: z.number().int().nonnegative().optional(),
  date: IsoDateSchema.optional(),
  time: z.string().optional(),
  platform: z.string().optional(),
  component: z.string().optional(),
  language: z.string().optional(),
  /** The size exactly as printed when it is not a byte count (`1.3 MB`, `122 KB`); `size` is then left out. */
  sizeText: z.string().optional(),
  /** What tells this row from another row of the same file: product, service pack level, table heading. */
  product: z.string().optional(),
});
export type FileRow = z.infer<typeof FileRowSchema>;

export const RollbackSchema = z.object({
  text: z.string().min(1),
  file: z.string().optional(),
  minVersion: VersionSchema.optional(),
});
export type Rollback = z.infer<typeof RollbackSchema>;

/** One event-log entry as an article prints it. */
export const ArticleEventSchema = z.object({
  id: z.number().int().nonnegative(),
  source: z.string().optional(),
  description: z.string().optional(),
});
export type ArticleEvent = z.infer<typeof ArticleEventSchema>;

/** One STOP screen or bug check an article names. */
export const ArticleBugcheckSchema = z.object({
  code: z.string().regex(/^0x[0-9A-F]{8}$/, 'must be 0x followed by 8 upper-case hex digits'),
  driver: z.string().optional(),
  /** Parameters as lower-case hex without 0x and leading zeros (`b`, `80013693`). */
  parameters: z.array(z.string()).default([]),
  /** Positions (0-3) of parameters the article says vary ("the first parameter may vary"): another value there is the same crash. */
  varies: z.array(z.number().int().min(0).max(3)).optional(),
});
export type ArticleBugcheck = z.infer<typeof ArticleBugcheckSchema>;

/**
 * What an article is: a problem (symptoms, cause, resolution), a how-to, information, or an index of other
 * articles, bugs, fixes or files. Only problem articles have fix fields on their card.
 */
export const ArticleKindSchema = z.enum(['problem', 'howto', 'info', 'index']);
export type ArticleKind = z.infer<typeof ArticleKindSchema>;

export const SignatureSchema = z.object({
  id: KbIdSchema,
  title: z.string().min(1),
  product: z.string().default(''),
  versions: z.array(z.string()).default([]),
  published: IsoDateSchema.optional(),
  keywords: z.array(z.string()).default([]),
  symptoms: z.string().default(''),
  cause: z.string().default(''),
  status: z.string().default(''),
  traces: z.array(TraceSchema).default([]),
  /** The article's kind; absent in older files, read as `problem`. */
  articleKind: ArticleKindSchema.optional(),
  fix: FixSchema.default({ kind: 'unknown', summary: '' }),
  files: z.array(FileRowSchema).default([]),
  packages: z.array(FileRowSchema).default([]),
  rollback: z.array(RollbackSchema).default([]),
  related: z.array(KbIdSchema).default([]),
  eventIds: z.array(z.number().int().nonnegative()).default([]),
  stopCodes: z.array(z.string().regex(/^0x[0-9A-F]{8}$/, 'must be 0x followed by 8 upper-case hex digits')).default([]),
  exceptionCodes: z.array(z.string().regex(/^[0-9a-f]{8}$/, 'must be 8 lower-case hex digits')).default([]),
  /** Event-log entries the article prints: id with its source and description (insertion strings as the article shows them). */
  events: z.array(ArticleEventSchema).optional(),
  /** STOP screens the article prints or names: code, parameters and the driver it names. */
  bugchecks: z.array(ArticleBugcheckSchema).optional(),
  /** Programs and modules the article names as crashing or faulting (Dr. Watson `App:`, `in module`, a STOP's driver, a file in the title). */
  faultModules: z.array(z.string()).optional(),
  /** Fault addresses the article prints (the offset of a Win9x fault line's `014f:300b68e0`, the popup's instruction address), lower-case without leading zeros: a pasted one names this crash. */
  faultAddresses: z.array(z.string()).optional(),
  /** Error messages and dialogs the article says a user sees, insertion strings marked (`Source file not found: <path>`, `%1`). */
  errorMessages: z.array(z.string()).optional(),
  /** Where the signature came from: `ingest` (parsed) or `curated` (hand-written). */
  source: z.enum(['ingest', 'curated']).default('ingest'),
  /** Team known issues (KI-N): the Slack user who recorded it. */
  author: z.string().optional(),
  /** Team known issues: permalink of the thread the issue was worked out in. */
  thread: z.string().optional(),
  /** Team known issues: further links (runbooks, tickets, KB pages), as written. */
  links: z.array(z.string()).optional(),
  /** Team known issues: ISO timestamps of the first recording and the last edit. */
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  /** Retired: kept for history (`/kb KI-3` shows it) but no longer matched. */
  retired: z.boolean().optional(),
});
/** A signature as stored and used (defaults applied). */
export type Signature = z.infer<typeof SignatureSchema>;
/** A signature as written in a file (defaulted fields may be left out). */
export type SignatureInput = z.input<typeof SignatureSchema>;

/** Other clues read from a pasted message. */
export const ClueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stop-code'), code: z.string() }),
  z.object({ kind: z.literal('exception-code'), code: z.string() }),
  z.object({ kind: z.literal('event-id'), id: z.number().int(), source: z.string().optional(), description: z.string().optional(), level: z.string().optional() }),
  z.object({ kind: z.literal('file-version'), version: VersionSchema, file: z.string().optional() }),
  /** A STOP screen or bug check: code and/or symbolic name (resolved against rules/bugcheck-codes.txt by match/), parameters, driver. */
  z.object({
    kind: z.literal('bugcheck'),
    code: z.string().optional(),
    name: z.string().optional(),
    driver: z.string().optional(),
    parameters: z.array(z.string()).optional(),
    /** Drivers an NT 4.0 screen's module list or stack dump names. */
    modules: z.array(z.string()).optional(),
  }),
  /** An application crash report: Dr. Watson, Application Error 1000 / APPCRASH, the "instruction at" popup, a Win9x fault line. */
  z.object({
    kind: z.literal('app-error'),
    app: z.string().optional(),
    appVersion: VersionSchema.optional(),
    module: z.string().optional(),
    moduleVersion: VersionSchema.optional(),
    code: z.string().optional(),
    offset: z.string().optional(),
  }),
  /** Error text as pasted: a message box, quoted text, a line that reads as an error, or a whole short paste. */
  z.object({ kind: z.literal('error-message'), text: z.string(), how: z.enum(['dialog', 'quoted', 'line', 'whole', 'text']) }),
  /** An exception, panic or oops named with a trace (`java.lang.NullPointerException`, `panic`, `BUG`), with its message. */
  z.object({ kind: z.literal('exception'), lang: LangSchema, type: z.string(), message: z.string().optional() }),
]);
export type Clue = z.infer<typeof ClueSchema>;

/** What a pasted message holds: traces, KB references and other clues. */
export const ParsedMessageSchema = z.object({
  /** Every trace found, each crash frame first. */
  traces: z.array(TraceSchema),
  /** Canonical ids of the KB articles the message names, in order of first mention, no repeats. */
  kbRefs: z.array(KbIdSchema),
  clues: z.array(ClueSchema),
  /**
   * The paste's own words (trace/context-words.ts), read when it holds a STOP screen or crash report and no trace: what the
   * person says around it (the program, the hardware, what they did) orders the articles printing the same code or module.
   */
  context: z.array(z.string()).optional(),
  /**
   * The paste's distinct words (trace/text-words.ts), kept when it holds no trace: matched against every article's
   * title, symptoms and messages (match/text-route.ts), they order and complete what the readers above found.
   */
  words: z.array(z.string()).optional(),
});
export type ParsedMessage = z.infer<typeof ParsedMessageSchema>;

export const VerdictSchema = z.enum(['match', 'possible', 'none']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One pasted frame lined up with the signature frame it matched (or why it was skipped). */
export const FrameAlignmentSchema = z.object({
  /** Position in the pasted trace (0 = crash frame). */
  queryIndex: z.number().int(),
  /** Position in the signature's trace, when matched. */
  signatureIndex: z.number().int().optional(),
  frame: z.string(),
  status: z.enum(['matched', 'fuzzy', 'skipped', 'unmatched']),
  /** Why the frame was skipped (the rule list that named it) or how it matched. */
  reason: z.string().optional(),
});
export type FrameAlignment = z.infer<typeof FrameAlignmentSchema>;

/** The installed/fixed verdict for a version the person reported. */
export const VersionCheckSchema = z.object({
  file: z.string(),
  reported: VersionSchema,
  fixed: VersionSchema,
  /** reported >= fixed */
  installed: z.boolean(),
  /** Rollback floor the article gives for this file, if any. */
  rollbackFloor: VersionSchema.optional(),
  /** reported >= rollbackFloor (only when a floor exists). */
  rollbackAllowed: z.boolean().optional(),
});
export type VersionCheck = z.infer<typeof VersionCheckSchema>;

/** How one pasted clue met the article: what was pasted, what the article holds, and which parts agreed. */
export const ClueMatchSchema = z.object({
  kind: z.enum(['event', 'bugcheck', 'app-error', 'message', 'words']),
  pasted: z.string(),
  article: z.string(),
  /** Parts that agreed or differed, in words (`source MSExchangeIS Private`, `description words: database, upgraded`). */
  details: z.array(z.string()).default([]),
});
export type ClueMatch = z.infer<typeof ClueMatchSchema>;

/**
 * Why a candidate that scored high enough is offered as `possible`, not named the match: its
 * crash site (crash frame and the next informative frames) is shared (match/crash-site.ts).
 */
export const SharedSiteSchema = z.object({
  /** The other articles crashing at the same site, which nothing in the paste tells apart from this one. */
  articles: z.array(KbIdSchema),
  /** The frames of the site the paste showed, as `module!symbol`. */
  frames: z.array(z.string()),
  /** The pasted frame where the paste leaves this article's stack at its crash site (another crash through it). */
  leavesAt: z.string().optional(),
});
export type SharedSite = z.infer<typeof SharedSiteSchema>;

export const CandidateSchema = z.object({
  kb: KbIdSchema,
  score: z.number().min(0).max(1),
  title: z.string(),
  /** Normalised frames that matched, as `module!symbol`. */
  matchedFrames: z.array(z.string()),
  alignment: z.array(FrameAlignmentSchema).default([]),
  /** Index of the signature trace that matched best. */
  traceIndex: z.number().int().optional(),
  versionChecks: z.array(VersionCheckSchema).default([]),
  /** Clues other than frames that matched the article (event, STOP, application error), for the why view. */
  clueMatches: z.array(ClueMatchSchema).optional(),
  /** Set when the crash site is shared and the verdict therefore `possible` (the why view says so). */
  sharedSite: SharedSiteSchema.optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const MatchResultSchema = z.object({
  verdict: VerdictSchema,
  candidates: z.array(CandidateSchema),
});
export type MatchResult = z.infer<typeof MatchResultSchema>;

/** What the bot remembers about a thread it answered (kept in state, and in its reply's message metadata). */
export const ThreadMatchSchema = z.object({
  channel: z.string(),
  threadTs: z.string(),
  verdict: VerdictSchema,
  /** The article the thread is about (top candidate, or the referenced article). */
  kb: KbIdSchema.optional(),
  candidates: z.array(z.object({ kb: KbIdSchema, score: z.number() })).default([]),
  /** Articles already announced in this thread, so none is announced twice. */
  announced: z.array(KbIdSchema).default([]),
  /** ts of the bot's reply, so edits and feedback update it in place. */
  replyTs: z.string().optional(),
  /** The pasted trace's first frames, so "why this match" can be rebuilt from a button or after a restart. */
  trace: TraceSchema.optional(),
  /** The pasted event, STOP and application-error clues, so "why this match" can be rebuilt for a clue match. */
  clues: z.array(ClueSchema).optional(),
  /** The paste's words (a paste without a trace), so the why view of an answer they shaped can be rebuilt too. */
  words: z.array(z.string()).optional(),
  /** The crash's fingerprint (normalised frames, else clues): feedback is counted per fingerprint. */
  fingerprint: z.string().optional(),
  updatedAt: z.number().int(),
});
export type ThreadMatch = z.infer<typeof ThreadMatchSchema>;

export const FeedbackSchema = z.object({
  channel: z.string(),
  threadTs: z.string(),
  kb: KbIdSchema,
  user: z.string(),
  verdict: z.enum(['right', 'wrong']),
  at: z.number().int(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/**
 * One person's say on one answer for one crash: `right` (confirmed, or named as the right answer after
 * a thumbs-down) or `wrong`. Keyed by (fingerprint, user, kb): clicking again replaces, never adds.
 */
export const VoteSchema = z.object({
  fingerprint: z.string().min(1),
  user: z.string().min(1),
  kb: KbIdSchema,
  verdict: z.enum(['right', 'wrong']),
  at: z.number().int(),
});
export type Vote = z.infer<typeof VoteSchema>;
