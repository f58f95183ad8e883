import { describe, expect, it } from 'vitest';
import { defaultStoreDir, loadStore } from '../../src/store/index.js';

describe('the bundled signatures/', () => {
  it('loads without a single error, with at least 26 curated signatures that have traces', async () => {
    const store = await loadStore(defaultStoreDir());
    expect(store.errors).toEqual([]);
    const curatedWithTraces = [...store.signatures.values()].filter((s) => s.source === 'curated' && s.traces.some((t) => t.length >= 2));
    expect(curatedWithTraces.length).toBeGreaterThanOrEqual(26);
  });

  it('keeps the frame contract: every frame has a module and a symbol, none a bare address or <nosymbols>', async () => {
    const store = await loadStore(defaultStoreDir());
    const bad = [...store.signatures.values()].flatMap((s) =>
      s.traces.flat().filter((f) => f.module === '' || f.symbol === '' || f.symbol.startsWith('<') || f.symbol.startsWith('0x')).map((f) => `${s.id} ${f.module}!${f.symbol}`),
    );
    expect(bad).toEqual([]);
  });

  it('spans several products', async () => {
    const store = await loadStore(defaultStoreDir());
    const products = new Set([...store.signatures.values()].map((s) => s.product));
    expect(products.size).toBeGreaterThanOrEqual(4);
  });

  describe('the seed Q272274', () => {
    const seed = async () => {
      const sig = (await loadStore(defaultStoreDir())).signatures.get('Q272274');
      if (!sig) throw new Error('Q272274 missing from signatures/');
      return sig;
    };

    it('has the 4-frame trace, crash frame first', async () => {
      const trace = (await seed()).traces[0] ?? [];
      expect(trace).toHaveLength(4);
      expect(trace[0]).toEqual({ module: 'STORE', symbol: 'PUSH_NOTIFY::PushToClient', offset: '0xb0' });
      expect(trace[3]).toEqual({ module: 'KERNEL32', symbol: 'BaseThreadStart', offset: '0x64' });
    });

    it('is a hotfix naming the next Exchange 5.5 service pack, published 2002-05-08', async () => {
      const sig = await seed();
      expect(sig.fix.kind).toBe('hotfix');
      expect(sig.fix.servicePack).toMatch(/Exchange Server 5\.5 service pack/i);
      expect(sig.published).toBe('2002-05-08');
      expect(sig.related).toEqual(['Q244976']);
    });

    it.each([
      ['Store.exe', 'i386', 2621440],
      ['Store.exe', 'alpha', 3682304],
      ['Emsmdb32.dll', 'i386', 561152],
      ['Emsmdb32.dll', 'alpha', 921600],
    ])('installs %s for %s, 5.5.2654.3, %i bytes, dated 2000-09-16', async (name, platform, size) => {
      const rows = (await seed()).files.filter((f) => f.name === name && f.platform === platform);
      expect(rows).toEqual([expect.objectContaining({ version: '5.5.2654.3', size, date: '2000-09-16' })]);
    });

    it('lists the two Japanese packages apart from the files', async () => {
      const sig = await seed();
      expect(sig.files).toHaveLength(4);
      expect(sig.packages.map((p) => p.name)).toEqual(['Q272274jpnI.exe', 'Q272274jpnA.exe']);
    });

    it('warns that Store.exe cannot be rolled back below 5.5.2652.68', async () => {
      expect((await seed()).rollback).toEqual([expect.objectContaining({ file: 'Store.exe', minVersion: '5.5.2652.68' })]);
    });
  });
});
