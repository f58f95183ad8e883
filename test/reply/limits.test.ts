import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Candidate, Signature } from '../../src/model.js';
import { SignatureSchema } from '../../src/model.js';
import {
  buildArticleCard,
  buildFilesReply,
  buildHomeView,
  buildMatchReply,
  buildPossibleReply,
  buildRelatedReply,
  buildRollbackReply,
  buildSearchReply,
  buildVersionCheckReply,
  buildWhyReply,
  clipMrkdwn,
  fitBlocks,
  SLACK_LIMITS,
  type Reply,
} from '../../src/reply/index.js';
import { findBlockKitViolation } from '../support/block-kit-limits.js';

const long = (n: number, unit = 'crash '): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** An article as large as anything a store could hold: every field far over Slack's limits. */
const hugeSignature: Signature = SignatureSchema.parse({
  id: 'Q123456',
  title: long(5000, 'Title <b> & '),
  product: long(3000),
  versions: Array.from({ length: 200 }, (_, i) => `${i}.0`),
  cause: long(60_000, 'cause ``` fence '),
  symptoms: long(60_000),
  status: long(10_000),
  traces: [Array.from({ length: 300 }, (_, i) => ({ module: `MOD${i}`, symbol: long(400, `Sym${i}::`) }))],
  fix: { kind: 'hotfix', summary: long(20_000), servicePack: long(2000), version: '1.2.3.4' },
  files: Array.from({ length: 600 }, (_, i) => ({ name: `file${i}${long(200, 'x')}.dll`, version: `5.5.${i}.1`, size: i * 1000, platform: `plat${i % 40}` })),
  packages: Array.from({ length: 100 }, (_, i) => ({ name: `pkg${i}.exe`, platform: `plat${i % 7}` })),
  rollback: Array.from({ length: 100 }, (_, i) => ({ text: long(3000, `rollback ${i} `), file: `file${i}.dll`, minVersion: '5.5.1.1' })),
  related: Array.from({ length: 500 }, (_, i) => `Q${100000 + i}`),
});

const hugeCandidate: Candidate = {
  kb: 'Q123456',
  score: 0.97,
  title: hugeSignature.title,
  matchedFrames: Array.from({ length: 300 }, (_, i) => `mod${i}!${long(300)}`),
  alignment: Array.from({ length: 5000 }, (_, i) => ({ queryIndex: i, signatureIndex: i % 300, frame: long(3000, 'frame!'), status: 'matched' as const })),
  traceIndex: 0,
  versionChecks: Array.from({ length: 200 }, (_, i) => ({ file: long(500), reported: '5.5.1.1', fixed: `5.5.${i}.1`, installed: false, rollbackFloor: '5.5.0.1', rollbackAllowed: true })),
};

const lines = Array.from({ length: 500 }, (_, i) => ({ kb: `Q${200000 + i}`, score: 0.5, title: long(4000) }));

const cases: [string, () => Reply, 'message' | 'view'][] = [
  ['match reply', () => buildMatchReply({ candidate: hugeCandidate, signature: hugeSignature, otherCount: 499, pastedFrames: hugeCandidate.matchedFrames }), 'message'],
  ['possible reply', () => buildPossibleReply(lines), 'message'],
  ['article card', () => buildArticleCard(hugeSignature), 'message'],
  ['files reply', () => buildFilesReply(hugeSignature), 'message'],
  ['files reply for one platform', () => buildFilesReply(hugeSignature, 'plat3'), 'message'],
  ['rollback reply', () => buildRollbackReply(hugeSignature), 'message'],
  ['version check reply', () => buildVersionCheckReply(hugeSignature, hugeCandidate.versionChecks), 'message'],
  ['related reply', () => buildRelatedReply(hugeSignature, new Map(lines.map((l) => [l.kb, l.title]))), 'message'],
  ['why reply', () => buildWhyReply(hugeCandidate, hugeSignature), 'message'],
  ['search reply', () => buildSearchReply(long(5000), lines), 'message'],
  ['home view', () => buildHomeView({ articles: 56989, withTraces: 1200, withFiles: 9000, withRollback: 300, examples: lines }), 'view'],
];

describe('Slack limits', () => {
  it.each(cases)('a huge input never makes the %s break a limit', (_, build, surface) => {
    const reply = build();
    expect(findBlockKitViolation(reply.blocks, surface)).toBeUndefined();
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it.each([
    ['match reply', ['kb_files', 'kb_rollback', 'kb_others', 'kb_why', 'kb_feedback_right', 'kb_feedback_wrong']],
    ['article card', ['kb_files', 'kb_rollback', 'kb_related']],
  ])('the shortened %s keeps its buttons and marks what it cut', (name, ids) => {
    const reply = cases.find(([n]) => n === name)?.[1]() as Reply;
    const actionIds = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : []));
    expect(actionIds).toEqual(ids);
    expect(JSON.stringify(reply.blocks)).toContain('…');
  });

  it('cuts 80 sections to 50 blocks, the last saying where the rest is', () => {
    const blocks: KnownBlock[] = Array.from({ length: 80 }, (_, i) => ({ type: 'section', text: { type: 'mrkdwn', text: `row ${i}` } }));
    const fitted = fitBlocks(blocks, { moreHint: 'open the article' });
    expect(fitted).toHaveLength(50);
    expect(JSON.stringify(fitted.at(-1))).toContain('open the article');
    expect(findBlockKitViolation(fitted)).toBeUndefined();
  });

  it('keeps the buttons when the text budget runs out', () => {
    const blocks: KnownBlock[] = [
      ...Array.from({ length: 10 }, (): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: long(2900) } })),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Files' }, action_id: 'kb_files', value: 'Q1' }] },
    ];
    const fitted = fitBlocks(blocks);
    expect(fitted.some((b) => b.type === 'actions')).toBe(true);
    expect(findBlockKitViolation(fitted)).toBeUndefined();
  });

  it.each([
    ['closes a code fence it cut open', `intro\n\`\`\`\n${long(5000, 'frame\n')}\`\`\``, /```$/],
    ['does not cut inside a link', `${long(2990)} <https://support.microsoft.com/kb/272274|Q272274> tail`, /…$/],
  ])('clipping mrkdwn %s', (_, text, ending) => {
    const clipped = clipMrkdwn(text, 3000);
    expect(clipped.length).toBeLessThanOrEqual(3000);
    expect(clipped).toMatch(ending);
    expect((clipped.match(/```/g) ?? []).length % 2).toBe(0);
    expect(clipped.lastIndexOf('<')).toBeLessThanOrEqual(clipped.lastIndexOf('>'));
  });
});
