/**
 * The record modal's form read back: each mistake named under its input, frames kept or dropped as ticked,
 * versions and rollback floors read from what people type, and an edit that keeps who recorded it and when.
 */
import { describe, expect, it } from 'vitest';
import { readRecordForm, recordParts, teamSignature, type FormValues } from '../../src/bot/record.js';
import { SignatureSchema } from '../../src/model.js';

const PARTS = ['BILLSVC!LedgerCache::Evict', 'BILLSVC!PostingWorker::Run', 'STOP 0x0000000A', 'exception c0000005', 'Event ID 9405'];

function form(over: Partial<Record<string, string>> = {}, kept: number[] = [0, 1, 2, 3, 4]): FormValues {
  const text = (v: string | undefined) => ({ value: { value: v ?? null } });
  return {
    signature: { value: { selected_options: kept.map((i) => ({ value: `p${i}` })) } },
    title: text(over.title ?? 'Ledger cache crash'),
    cause: text(over.cause ?? 'Evict frees an entry in use.'),
    fix_kind: { value: { selected_option: over.fix_kind === '' ? null : { value: over.fix_kind ?? 'hotfix' } } },
    fix_summary: text(over.fix_summary ?? 'Install 7.2.1.'),
    fixed_in: text(over.fixed_in ?? 'billsvc.exe 7.2.1.0\nBilling Suite v7.2'),
    rollback: text(over.rollback ?? 'Never go back below billsvc.exe 7.1.0.4 (ledger format).'),
    links: text(over.links ?? 'https://tickets.example.com/BILL-42\nKB272274\nKI-2'),
  };
}

describe('readRecordForm', () => {
  it.each([
    ['no title', { title: '  ' }, [0], ['title']],
    ['no fix kind', { fix_kind: '' }, [0], ['fix_kind']],
    ['a fixed-in line without a version', { fixed_in: 'billsvc.exe 7.2.1.0\nthe next release' }, [0], ['fixed_in']],
    ['a link that is not one', { links: 'ask Pat' }, [0], ['links']],
    ['every frame and code unticked', {}, [], ['signature']],
  ])('names the input at fault: %s', (_name, over, kept, blocks) => {
    const read = readRecordForm(form(over, kept), PARTS);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.errors)).toEqual(blocks);
  });

  it('reads a good form into signature fields, with the unticked parts dropped', () => {
    const read = readRecordForm(form({}, [0, 2, 4]), PARTS);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.fields).toMatchObject({
      parts: ['BILLSVC!LedgerCache::Evict', 'STOP 0x0000000A', 'Event ID 9405'],
      files: [{ name: 'billsvc.exe', version: '7.2.1.0' }, { name: 'Billing Suite', version: '7.2' }],
      rollback: [{ file: 'billsvc.exe', minVersion: '7.1.0.4' }],
      links: ['https://tickets.example.com/BILL-42'],
      related: ['Q272274', 'KI-2'],
    });
    const sig = SignatureSchema.parse({ id: 'KI-1', ...teamSignature(read.fields, { author: 'UA', thread: 'https://x.slack.com/archives/C1/p1', now: new Date('2026-11-29T10:00:00Z') }) });
    expect(sig).toMatchObject({ traces: [[{ module: 'BILLSVC', symbol: 'LedgerCache::Evict' }]], stopCodes: ['0x0000000A'], eventIds: [9405], exceptionCodes: [], author: 'UA', createdAt: '2026-11-29T10:00:00.000Z' });
  });

  it('an edit keeps the author, the thread, the first recording time and further traces', () => {
    const read = readRecordForm(form({ cause: 'Found the real cause.' }), PARTS);
    if (!read.ok) throw new Error('form should be valid');
    const previous = SignatureSchema.parse({
      id: 'KI-1', title: 'old', author: 'UA', thread: 'https://x/p1', createdAt: '2026-01-01T00:00:00.000Z',
      traces: [[{ module: 'A', symbol: 'a' }], [{ module: 'B', symbol: 'b' }]],
    });
    const edited = teamSignature(read.fields, { author: 'UB', now: new Date('2026-11-29T10:00:00Z') }, previous);
    expect(edited).toMatchObject({ author: 'UA', thread: 'https://x/p1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-11-29T10:00:00.000Z', cause: 'Found the real cause.' });
    expect(edited.traces[1]).toEqual([{ module: 'B', symbol: 'b' }]);
  });
});

describe('recordParts', () => {
  it('offers the paste’s frames crash frame first, then its codes', () => {
    const parts = recordParts('STOP 0x0000000A\n```\nBILLSVC!LedgerCache::Evict+0x3c\nBILLSVC!PostingWorker::Run+0x8e\n```');
    expect(parts).toEqual(['BILLSVC!LedgerCache::Evict', 'BILLSVC!PostingWorker::Run', 'STOP 0x0000000A']);
  });
});
