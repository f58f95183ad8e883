/**
 * Crash sites several articles share (issue 9.5): a paste that shows only the shared part is
 * `possible` with all of them; one that also shows what only one of them prints is that one's
 * `match`; one that leaves the only candidate's stack right at its crash site is another crash
 * through that site. Small hand-written signatures, not article text.
 */
import { describe, expect, it } from 'vitest';
import { matchMessage } from '../../src/match/index.js';
import { SignatureSchema, type Signature } from '../../src/model.js';
import { buildWhyReply, renderText } from '../../src/reply/index.js';
import { parseMessage } from '../../src/trace/index.js';
import { fixtureIndex } from './fixtures.js';

const sig = (id: string, frames: string[]): Signature =>
  SignatureSchema.parse({ id, title: id, traces: [frames.map((p) => ({ module: p.split('!')[0], symbol: p.split('!')[1] }))] });
const lines = (frames: string[]) => frames.map((f, i) => `${f}+0x${(16 * (i + 1)).toString(16)}`).join('\n');

// Two articles destroying a window object twice: one through the DDE conversation cleanup (one more frame), one directly.
const DIRECT = ['WINCORE!HMMarkObjectDestroy', 'WINCORE!HMDestroyUnlockedObject', 'WINCORE!DestroyThreadsObjects', 'WINCORE!xxxDestroyThreadInfo', 'WINCORE!UserThreadCallout'];
const VIA_DDE = ['WINCORE!HMMarkObjectDestroy', 'WINCORE!FreeDdeConv', ...DIRECT.slice(1)];
// One article's stack a frame deeper than another's: the queue reader crashes in the writer it calls.
const READER = ['MTACORE!ReadQueueEntry', 'MTACORE!ScanQueue', 'MTACORE!QueueMain', 'MTACORE!DispatchWorker'];
const WRITER = ['MTACORE!PutNameList', ...READER];
// Two articles formatting a row: the same three frames, then two callers.
const FORMAT = ['ROWFMT!FormatMultiString', 'ROWFMT!FormatValue', 'ROWFMT!FormatRow'];
const QUERY_ROWS = [...FORMAT, 'ROWFMT!VTable::QueryRows', 'ROWFMT!QueryRowsOp', 'ROWFMT!QueryRowsRpc'];
const RECIPIENTS = [...FORMAT, 'ROWFMT!FormatRecipientRow', 'ROWFMT!ModifyRecipients', 'ROWFMT!DecodeRecipients', 'ROWFMT!ExtractTnef'];

const index = fixtureIndex([sig('Q920001', DIRECT), sig('Q920002', VIA_DDE), sig('Q920003', READER), sig('Q920004', WRITER), sig('Q920005', QUERY_ROWS), sig('Q920006', RECIPIENTS)]);
const match = (frames: string[], store = index) => matchMessage(store, parseMessage(lines(frames)));

describe('crash sites several articles share', () => {
  // `explained`: confident enough for a match but for the shared site, so each candidate says whom it shares it with
  it.each([
    ['the direct path, which the DDE path also prints', DIRECT, ['Q920001', 'Q920002'], true],
    ['the reader, which is the writer below its crash frame', READER, ['Q920003', 'Q920004'], true],
    ['the three frames two row formatters share', FORMAT, ['Q920005', 'Q920006'], true],
    ['the crash frame alone (one frame: not confident enough to name either)', DIRECT.slice(0, 1), ['Q920001', 'Q920002'], false],
  ])('answers possible with every article sharing the site, naming none: %s', (_label, frames, expected, explained) => {
    const result = match(frames);
    expect(result.verdict).toBe('possible');
    expect(result.candidates.slice(0, expected.length).map((c) => c.kb).sort()).toEqual(expected);
    for (const c of result.candidates.slice(0, expected.length)) {
      expect(c.sharedSite?.articles.sort()).toEqual(explained ? expected.filter((kb) => kb !== c.kb) : undefined);
    }
  });

  it.each([
    ['a frame only the DDE path prints', VIA_DDE, 'Q920002'],
    ['the writer crash frame above the reader frames', WRITER, 'Q920004'],
    ['the query-rows callers below the shared frames', QUERY_ROWS, 'Q920005'],
    ['one recipient caller below the shared frames', [...FORMAT, 'ROWFMT!FormatRecipientRow'], 'Q920006'],
  ])('names the one article the paste tells apart: %s', (_label, frames, kb) => {
    const result = match(frames);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
    expect(result.candidates[0]?.sharedSite).toBeUndefined();
  });

  it('says in the why view that the articles share the crash site', () => {
    const result = match(DIRECT);
    const top = result.candidates[0]!;
    const other = top.kb === 'Q920001' ? 'Q920002' : 'Q920001';
    const text = renderText(buildWhyReply(top, index.signatures.find((s) => s.id === top.kb)));
    expect(text).toContain('Shared crash site');
    expect(text).toContain(other);
    expect(text.toLowerCase()).toContain('wincore!hmmarkobjectdestroy');
  });
});

describe('a paste that leaves the only candidate at its crash site', () => {
  // each store holds one of the two articles, as when the paste's own article is not in the store
  const onlyDde = fixtureIndex([sig('Q920002', VIA_DDE)]);
  const onlyDirect = fixtureIndex([sig('Q920001', DIRECT)]);
  const onlyReader = fixtureIndex([sig('Q920003', READER)]);
  const onlyRecipients = fixtureIndex([sig('Q920006', RECIPIENTS)]);

  // leavesAt: the pasted frame the why view names; undefined where the alignment score alone is below a match
  it.each([
    ['goes from the crash frame to the next without the frame the article prints between them', DIRECT, onlyDde, 'Q920002', 'WINCORE!HMDestroyUnlockedObject'],
    ['follows the article through its site, then one other caller', QUERY_ROWS.slice(0, 4), onlyRecipients, 'Q920006', 'ROWFMT!VTable::QueryRows'],
    ['follows the article through its site, then three other callers', QUERY_ROWS, onlyRecipients, 'Q920006', undefined],
    ['goes from the crash frame to the next through another function of their module', VIA_DDE, onlyDirect, 'Q920001', 'WINCORE!FreeDdeConv'],
  ])('is possible, not a match: %s', (_label, frames, store, kb, leavesAt) => {
    const result = match(frames, store);
    expect(result.verdict).toBe('possible');
    expect(result.candidates[0]?.kb).toBe(kb);
    expect(result.candidates[0]?.sharedSite?.leavesAt?.toLowerCase()).toBe(leavesAt?.toLowerCase());
    const text = renderText(buildWhyReply(result.candidates[0]!, store.signatures.find((s) => s.id === kb)));
    expect(text.includes('Another path')).toBe(leavesAt !== undefined);
  });

  it('still matches a paste with a frame of its own on top (a generic frame mistyped looks the same)', () => {
    const result = match(['NT!KiTrp0E', ...READER], onlyReader);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q920003');
  });

  it.each([
    ['the article whole', RECIPIENTS],
    ['the caller below the site misspelt (too short a name to be resolved as a typo)', [...FORMAT, 'ROWFMT!FormatRecipRow', ...RECIPIENTS.slice(4)]],
    ['the caller below the site cut short', [...FORMAT, 'ROWFMT!FormatRecip']],
    ['a frame of its own inside the stack, below the site', [...FORMAT, 'ROWFMT!FormatRecipientRow', 'APP!CMyHook::OnModify', ...RECIPIENTS.slice(4)]],
    ['a frame of other software inside the site (a hook, not the module taking another path)', [FORMAT[0]!, 'APP!CMyHook::OnFormat', ...RECIPIENTS.slice(1)]],
    ['the crash frame again inside the site, after a frame of other software', [FORMAT[0]!, 'APP!CMyHook::OnFormat', ...RECIPIENTS]],
    ['the crash frame again inside the site, cut short', [FORMAT[0]!, 'ROWFMT!FormatMultiStr', ...RECIPIENTS.slice(1)]],
  ])('still matches a paste of the article itself: %s', (_label, frames) => {
    const result = match(frames, onlyRecipients);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q920006');
  });
});
