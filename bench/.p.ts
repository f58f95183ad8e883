import { readFileSync } from 'node:fs';
import { parseMessage, normalizeFrame } from '../src/trace/index.js';
const p = parseMessage(readFileSync(process.argv[2]!, 'utf8'));
for (const t of p.traces) console.log(t.map((f) => `${normalizeFrame(f).key}`).join('\n  '), '\n--');
console.log(JSON.stringify(p.clues));
