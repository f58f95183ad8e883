/**
 * Platform names as articles print them (i386, Alpha, IA-64, x64) and as people ask for them
 * ("x86", "itanium", "amd64"), folded onto one canonical name each.
 */
const ALIASES: Record<string, string> = {
  i386: 'i386', x86: 'i386', ix86: 'i386', intel: 'i386', ia32: 'i386', '386': 'i386', x86based: 'i386', intelbased: 'i386',
  alpha: 'alpha', axp: 'alpha', alphabased: 'alpha', dec: 'alpha', decalpha: 'alpha', alphaaxp: 'alpha',
  ia64: 'ia64', itanium: 'ia64', itaniumbased: 'ia64', ipf: 'ia64',
  x64: 'x64', amd64: 'x64', x8664: 'x64', em64t: 'x64', x64based: 'x64',
  mips: 'mips', ppc: 'ppc', powerpc: 'ppc',
};

/** Canonical platform name for a known alias, else undefined. */
export function platformAlias(word: string): string | undefined {
  return ALIASES[word.toLowerCase().replace(/[-_ ()]/g, '')];
}

/** Canonical name for an article's platform column; unknown names are kept, lower-cased. */
export function normalizePlatform(printed: string | undefined): string {
  if (printed === undefined || printed.trim() === '') return 'any';
  return platformAlias(printed) ?? printed.trim().toLowerCase();
}
