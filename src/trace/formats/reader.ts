/** What every reader of a non-Windows stack format shares: its input, its output, and the bounds. */
import type { Clue, Frame, Lang } from '../../model.js';
import type { Line } from './lines.js';

/** The same bounds as the Windows reader: the matcher reads the top of a stack. */
export const MAX_FRAMES = 256;
export const MAX_TRACES = 64;

export interface FoundTrace {
  frames: Frame[];
  /** Clean-line index of its first frame, to order traces as they were pasted. */
  line: number;
}

/** What one reader found; `claimed` lines are its own (other readers and the Windows reader skip them). */
export interface ReaderOutput {
  traces: FoundTrace[];
  clues: Clue[];
}

/**
 * A reader sees every clean line once, in order, skipping lines already claimed by a reader
 * that ran before it, and claims the lines it reads. It must do constant work per line.
 */
export type Reader = (lines: Line[], claimed: Uint8Array) => ReaderOutput;

/**
 * The loop most readers share: `rule` sees each line no earlier reader claimed, in order, with the reader's
 * traces; a claimed line ends the open trace (it is another stack's).
 */
export function readUnclaimed(lang: Lang, lines: Line[], claimed: Uint8Array, rule: (text: string, i: number, out: Traces) => void): ReaderOutput {
  const out = new Traces(lang);
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) out.end();
    else rule(lines[i]!.text, i, out);
  }
  return out.output();
}

/** Collects frames into traces for one reader. */
export class Traces {
  readonly traces: FoundTrace[] = [];
  readonly clues: Clue[] = [];
  private current: FoundTrace | undefined;

  constructor(private readonly lang: Lang) {}

  /** Adds a frame to the open trace (opening one at `line` when none is). Empty names are left out. */
  frame(line: number, module: string, symbol: string, offset?: string): void {
    if (symbol.trim() === '' || module.trim() === '') {
      this.open(line);
      return;
    }
    const trace = this.open(line);
    if (trace.frames.length >= MAX_FRAMES) return;
    const frame: Frame = { module: module.trim(), symbol: symbol.trim(), lang: this.lang };
    if (offset !== undefined) frame.offset = offset;
    trace.frames.push(frame);
  }

  /** Starts a trace at `line` unless one is open. */
  open(line: number): FoundTrace {
    if (!this.current) this.current = { frames: [], line };
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== undefined;
  }

  get frameCount(): number {
    return this.current?.frames.length ?? 0;
  }

  /** Closes the open trace; kept when it holds a frame. */
  end(): void {
    if (this.current && this.current.frames.length > 0 && this.traces.length < MAX_TRACES) this.traces.push(this.current);
    this.current = undefined;
  }

  /** Reverses the open trace (Python prints the crash frame last). */
  reverseOpen(): void {
    this.current?.frames.reverse();
  }

  exception(type: string, message?: string): void {
    if (this.clues.length >= MAX_TRACES) return;
    const m = message?.trim();
    this.clues.push(m ? { kind: 'exception', lang: this.lang, type: type.trim(), message: m.slice(0, 300) } : { kind: 'exception', lang: this.lang, type: type.trim() });
  }

  output(): ReaderOutput {
    this.end();
    return { traces: this.traces, clues: this.clues };
  }
}
