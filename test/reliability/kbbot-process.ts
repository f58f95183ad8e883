/** Starts and stops test/reliability/run-kbbot.ts as a child process and reads its output. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('./run-kbbot.ts', import.meta.url));

export interface KbbotProcess {
  child: ChildProcess;
  port: number;
  eventsUrl: string;
  /** Parsed JSON log lines written so far (stderr). */
  logs: Record<string, unknown>[];
  /** Parsed stdout lines (ready, stopped). */
  out: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startKbbot(env: Record<string, string>): Promise<KbbotProcess> {
  // KBBOT_CHILD_NODE_ARGS adds node flags to the child (e.g. --cpu-prof to profile a load run).
  const extra = process.env.KBBOT_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, ['--expose-gc', ...extra, '--import', 'tsx', RUNNER], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const out: Record<string, unknown>[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const lines = (stream: NodeJS.ReadableStream, into: Record<string, unknown>[], raw: string[]) => {
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        raw.push(line);
        try {
          into.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // Not a JSON line (a crash trace): kept in `raw` for the error message.
        }
      }
    });
  };
  const raw: string[] = [];
  lines(child.stdout!, out, raw);
  lines(child.stderr!, logs, raw);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const ready = out.find((o) => o.ready);
      if (ready) {
        clearInterval(timer);
        resolve(Number(ready.port));
      }
    }, 20);
    void exited.then(({ code }) => {
      clearInterval(timer);
      reject(new Error(`kbbot exited (${code}) before it was ready:\n${raw.join('\n')}`));
    });
  });
  return { child, port, eventsUrl: `http://127.0.0.1:${port}/slack/events`, logs, out, exited };
}
