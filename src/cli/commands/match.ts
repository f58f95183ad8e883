/**
 * `kbbot match [--store DIR] [--json] [FILE|-]`: one pasted message against the store.
 * `kbbot match --batch FILE.jsonl`: one `{"id","text"}` message a line, one result a line.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ErrorCode, KbBotError } from '../../errors.js';
import type { Candidate, FrameAlignment, MatchResult, ParsedMessage } from '../../model.js';
import { matchKnowledge, type Knowledge } from '../../bot/index.js';
import { parseMessage } from '../../trace/index.js';
import { parseCommandArgs, processIo, STORE_OPTION, type CommandIo, type CommandSpec } from '../args.js';
import { openKnowledge } from '../store.js';

export const matchSpec = {
  name: 'match',
  synopsis: '[--store DIR] [--json] [FILE|-] | --batch FILE.jsonl [--store DIR]',
  description:
    'Reads a pasted message (a file, or stdin when FILE is - or missing), finds its stack traces, KB references\n' +
    'and clues, and matches the traces against the store: a verdict (match / possible / none) and the\n' +
    'candidates with their confidence and the frames that matched. --batch reads one {"id","text"} message\n' +
    'a line and writes one {"id","verdict","candidates"} line each, in input order.',
  options: {
    json: { type: 'boolean', description: 'print { frames, kbRefs, clues, verdict, candidates } as JSON' },
    batch: { type: 'string', value: 'FILE', description: 'match every {"id","text"} line of a JSONL file' },
    store: STORE_OPTION,
  },
  positionals: { min: 0, max: 1 },
  examples: ['kbbot match paste.txt', 'pbpaste | kbbot match --json', 'kbbot match --batch messages.jsonl --store signatures/'],
} satisfies CommandSpec;

async function readInput(path: string | undefined): Promise<string> {
  if (path !== undefined && path !== '-') {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new KbBotError(ErrorCode.NotFound, `cannot read ${path}: ${why}`, { path }, { cause: error });
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The store with the team's known issues layered on top, as the bot answers from. */
async function openMatchKnowledge(storeFlag: string | undefined, io: CommandIo): Promise<Knowledge> {
  return (await openKnowledge({ command: 'match', flag: storeFlag, io })).knowledge;
}

function alignmentLine(a: FrameAlignment): string {
  const where = a.signatureIndex !== undefined ? ` (article frame ${a.signatureIndex})` : '';
  const why = a.reason ? `: ${a.reason}` : '';
  return `      #${String(a.queryIndex).padEnd(3)} ${a.frame.padEnd(44)} ${a.status}${where}${why}`;
}

function candidateText(c: Candidate, rank: number): string[] {
  const lines = [`${rank}. ${c.kb}  confidence ${c.score.toFixed(2)}  ${c.title}`, `   matched: ${c.matchedFrames.join(', ') || '(none)'}`];
  for (const v of c.versionChecks) {
    const installed = v.installed ? 'fix installed' : 'fix NOT installed';
    const floor = v.rollbackFloor ? `; rollback floor ${v.rollbackFloor} (${v.rollbackAllowed ? 'reported version is at or above it' : 'reported version is below it'})` : '';
    lines.push(`   ${v.file}: reported ${v.reported}, fix ships ${v.fixed}: ${installed}${floor}`);
  }
  // a clue match explains itself clue by clue instead of frame by frame
  if (rank === 1 && c.alignment.length === 0 && c.clueMatches) for (const m of c.clueMatches) lines.push(`   ${m.kind}: ${m.details.join('; ')}`);
  else if (rank === 1) lines.push('   frames:', ...c.alignment.map(alignmentLine));
  return lines;
}

export function renderMatchText(parsed: ParsedMessage, result: MatchResult): string {
  const frames = parsed.traces.reduce((n, t) => n + t.length, 0);
  const lines = [`${parsed.traces.length} trace(s), ${frames} frame(s); KB references: ${parsed.kbRefs.join(', ') || 'none'}`];
  const clues = parsed.clues.map((c) =>
    c.kind === 'event-id'
      ? `event ${c.id}${c.source ? ` from ${c.source}` : ''}`
      : c.kind === 'file-version'
        ? `${c.file ?? 'version'} ${c.version}`
        : c.kind === 'exception'
          ? `${c.type}${c.message ? `: ${c.message}` : ''}`
          : c.kind === 'bugcheck'
            ? `STOP ${c.code ?? c.name ?? '?'}${c.driver ? ` in ${c.driver}` : ''}`
            : c.kind === 'app-error'
              ? `${c.app ?? c.module ?? 'application'} error${c.code ? ` ${c.code}` : ''}`
              : c.kind === 'error-message'
                ? `message "${c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text}"`
                : c.code,
  );
  if (clues.length > 0) lines.push(`clues: ${clues.join(', ')}`);
  lines.push(`verdict: ${result.verdict}`);
  if (result.verdict === 'none') lines.push(frames > 0 ? 'no known issue matches these frames' : clues.length > 0 ? 'no known issue matches these clues' : 'no stack trace to match');
  result.candidates.forEach((c, i) => lines.push(...candidateText(c, i + 1)));
  return `${lines.join('\n')}\n`;
}

export function matchJson(parsed: ParsedMessage, result: MatchResult): object {
  return {
    frames: parsed.traces.flat(),
    kbRefs: parsed.kbRefs,
    clues: parsed.clues,
    verdict: result.verdict,
    candidates: result.candidates.map((c) => ({ kb: c.kb, score: c.score, title: c.title, matchedFrames: c.matchedFrames, alignment: c.alignment, versionChecks: c.versionChecks, ...(c.clueMatches ? { clueMatches: c.clueMatches } : {}) })),
  };
}

function batchLine(knowledge: Knowledge, line: string, lineNo: number): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, line: lineNo, error: 'not JSON' });
  }
  const { id, text } = (input ?? {}) as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return JSON.stringify({ id: id ?? null, line: lineNo, error: 'missing "text" string' });
  const result = matchKnowledge(knowledge, parseMessage(text));
  return JSON.stringify({ id, verdict: result.verdict, candidates: result.candidates.slice(0, 5).map((c) => ({ kb: c.kb, score: c.score })) });
}

async function runBatch(path: string, knowledge: Knowledge, io: CommandIo): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    io.out(`${batchLine(knowledge, line, lineNo)}\n`);
  }
  return 0;
}

export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const args = parseCommandArgs(matchSpec, argv);
  if (args.help) {
    io.out(args.text);
    return 0;
  }
  if (args.values.batch !== undefined) {
    if (args.positionals.length > 0) throw new KbBotError(ErrorCode.Usage, '--batch reads its own file; give no FILE argument (see kbbot match --help)');
    return runBatch(args.values.batch, await openMatchKnowledge(args.values.store, io), io);
  }
  const text = await readInput(args.positionals[0]);
  const knowledge = await openMatchKnowledge(args.values.store, io);
  const parsed = parseMessage(text);
  const result = matchKnowledge(knowledge, parsed);
  io.out(args.values.json ? `${JSON.stringify(matchJson(parsed, result), null, 2)}\n` : renderMatchText(parsed, result));
  return 0;
}
