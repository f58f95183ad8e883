/**
 * A synthetic store of trace signatures for the speed bench: thousands of invented product
 * modules with Zipf-like popularity, each with its own symbols and a frequent dispatch-loop
 * frame, traces of 3-15 frames with generic frames mixed in as real ones have.
 */
import type { Frame, Signature, Trace } from '../src/model.js';
import { GENERIC_FRAMES, inventedModule, inventedSymbol, pick, type Rng } from './eval-queries.js';

const MODULES = 3000;
const SYMBOLS_PER_MODULE = 60;

export function syntheticStore(count: number, rng: Rng): Signature[] {
  const modules = Array.from({ length: MODULES }, (_, m) => {
    const name = `${inventedModule(rng)}${m}`;
    return { name, symbols: Array.from({ length: SYMBOLS_PER_MODULE }, (_, s) => `${inventedSymbol(rng)}${s}`) };
  });
  const popular = (): (typeof modules)[number] => modules[Math.floor(MODULES * rng() ** 2)] ?? modules[0]!;
  const out: Signature[] = [];
  for (let i = 0; i < count; i++) {
    const primary = popular();
    const length = 3 + Math.floor(rng() * 13);
    const trace: Trace = [];
    if (rng() < 0.2) trace.push(pick(rng, GENERIC_FRAMES));
    for (let f = 0; f < length; f++) {
      const m = rng() < 0.75 ? primary : popular();
      trace.push({ module: m.name, symbol: pick(rng, m.symbols), offset: `0x${Math.floor(rng() * 4096).toString(16)}` } satisfies Frame);
    }
    if (rng() < 0.5) trace.push({ module: primary.name, symbol: primary.symbols[0] ?? 'Main' });
    if (rng() < 0.5) trace.push({ module: 'KERNEL32', symbol: 'BaseThreadStart' });
    const id = `Q${9000000 + i}`;
    out.push({
      id,
      title: `${primary.name} stops responding in ${trace[0]?.symbol ?? ''}`,
      product: primary.name,
      versions: [],
      keywords: [],
      symptoms: '',
      cause: '',
      status: '',
      traces: [trace],
      fix: { kind: 'unknown', summary: '' },
      files: [],
      packages: [],
      rollback: [],
      related: [],
      eventIds: [],
      stopCodes: [],
      exceptionCodes: [],
      source: 'curated',
    });
  }
  return out;
}
