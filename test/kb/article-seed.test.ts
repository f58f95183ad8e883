import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/kb/index.js';
import { SignatureSchema, type Signature } from '../../src/model.js';
import { archiveAvailable, readArchiveArticle } from '../support/archive.js';

const flattenedText = readFileSync(new URL('../fixtures/Q272274-flattened.txt', import.meta.url), 'latin1');

const forms: [string, () => Signature][] = [['flattened paste', () => parseArticle(flattenedText)]];
if (archiveAvailable('the formatted Q272274')) forms.push(['formatted archive file', () => parseArticle(readArchiveArticle('Q272274'))]);

describe.each(forms)('the seed article Q272274 as a %s', (_form, parse) => {
  const sig = parse();

  it('is a valid ingested signature with the header fields', () => {
    expect(SignatureSchema.parse(sig)).toEqual(sig);
    expect(sig).toMatchObject({
      id: 'Q272274',
      source: 'ingest',
      title: 'XADM: Information Store Stops Responding on PUSH_NOTIFY Function',
      product: 'Microsoft Exchange',
      versions: ['5.5'],
      keywords: ['exc55'],
      published: '2002-05-08',
    });
  });

  it('reads the 4-frame trace, crash frame first', () => {
    expect(sig.traces).toHaveLength(1);
    const trace = sig.traces[0] ?? [];
    expect(trace).toHaveLength(4);
    expect(trace[0]).toEqual({ module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient', offset: '0xb0' });
    expect(trace[3]).toEqual({ module: 'KERNEL32', symbol: 'BaseThreadStart', offset: '0x64' });
  });

  it('calls the fix a hotfix and names the next Exchange 5.5 service pack', () => {
    expect(sig.fix.kind).toBe('hotfix');
    expect(sig.fix.summary).toMatch(/supported fix is now available/);
    expect(sig.fix.servicePack).toMatch(/next Exchange Server 5\.5 service pack/i);
  });

  it('lists the four installed files and the two hotfix packages', () => {
    expect(sig.files.map((f) => [f.name, f.platform, f.version, f.size, f.date])).toEqual([
      ['Store.exe', 'i386', '5.5.2654.3', 2621440, '2000-09-16'],
      ['Store.exe', 'alpha', '5.5.2654.3', 3682304, '2000-09-16'],
      ['Emsmdb32.dll', 'i386', '5.5.2654.3', 561152, '2000-09-16'],
      ['Emsmdb32.dll', 'alpha', '5.5.2654.3', 921600, '2000-09-16'],
    ]);
    expect(sig.packages.map((p) => p.name)).toEqual(['Q272274jpnI.exe', 'Q272274jpnA.exe']);
  });

  it('warns that Store.exe can be restored only down to 5.5.2652.68', () => {
    expect(sig.rollback).toHaveLength(1);
    expect(sig.rollback[0]).toMatchObject({ file: 'Store.exe', minVersion: '5.5.2652.68' });
    expect(sig.rollback[0]?.text).toMatch(/automatically upgraded/);
  });

  it('relates Q244976 but not itself, and takes no codes from the cited title', () => {
    expect(sig.related).toEqual(['Q244976']);
    expect(sig.eventIds).toEqual([]);
  });

  it('keeps the symptoms prose without the trace columns', () => {
    expect(sig.symptoms).toBe('Exchange Server 5.5 may stop responding (crash) on the PUSH_NOTIFY function. The stack trace is similar to the following:');
    expect(sig.cause).toMatch(/^This problem can occur because the PUSH_NOTIFY class needs to be reference counted/);
    expect(sig.status).toBe('Microsoft has confirmed this to be a problem in Exchange Server version 5.5.');
  });
});

describe.skipIf(!archiveAvailable())('the seed in both forms', () => {
  it.each(Object.keys(SignatureSchema.shape))('gives the same %s', (field) => {
    const formatted = parseArticle(readArchiveArticle('Q272274')) as Record<string, unknown>;
    const flattened = parseArticle(flattenedText) as Record<string, unknown>;
    expect(flattened[field]).toEqual(formatted[field]);
  });
});
