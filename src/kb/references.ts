/**
 * References and codes named in the article: related articles (`Q244976`), event IDs, STOP codes
 * (`0x0000000A`) and exception codes (`c0000005`), survey §7. Titles of cited articles ("Q244976 XADM: Event
 * ID 1197 ...") describe other articles, so codes are not read from them.
 */

/** Article ids: `Q244976`, `KB244976`, and the old `/kb/articles/Q140/3/41.asp` URL form. */
export function findArticleIds(text: string): string[] {
  const ids: string[] = [];
  const add = (digits: string) => {
    const id = `Q${String(Number(digits))}`;
    if (!ids.includes(id)) ids.push(id);
  };
  for (const m of text.matchAll(/\b(?:Q ?|KB ?)(\d{5,7})\b|articles\/Q(\d{2,4})\/(\d)\/(\d{2})\.asp/gi)) {
    if (m[1]) add(m[1]);
    else add(`${m[2] ?? ''}${m[3] ?? ''}${m[4] ?? ''}`);
  }
  return ids;
}

/**
 * Removes cited-article titles: from an id followed by a capitalised word (a reference list item) to the
 * end of that sentence, or to the next list item.
 */
export function withoutCitedTitles(prose: string): string {
  let out = '';
  let from = 0;
  const item = /\bQ\d{5,7}:? (?=[A-Z])/g;
  for (let m = item.exec(prose); m !== null; m = item.exec(prose)) {
    if (m.index < from) continue;
    out += prose.slice(from, m.index);
    let end = m.index + m[0].length;
    while (end < prose.length) {
      if (/[.!?]/.test(prose[end] ?? '') && prose[end + 1] === ' ' && /[A-Z]/.test(prose[end + 2] ?? '')) break;
      if (prose[end] === 'Q' && prose[end - 1] === ' ' && /^Q\d{5,7}\b/.test(prose.slice(end, end + 9))) break;
      end++;
    }
    from = end;
    item.lastIndex = end;
  }
  return out + prose.slice(from);
}

/** Reads `1197 and 1005`, `7, 9, and 11`, `9405` starting at `at`. */
function numberList(text: string, at: number): number[] {
  const numbers: number[] = [];
  const rest = text.slice(at, at + 120);
  let pos = 0;
  for (;;) {
    const num = /^\d{1,5}\b/.exec(rest.slice(pos));
    if (!num) break;
    numbers.push(Number(num[0]));
    pos += num[0].length;
    const sep = /^(?:,? (?:and|or) |, |\/ ?)(?=\d)/.exec(rest.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  return numbers;
}

export function findEventIds(text: string): number[] {
  const ids: number[] = [];
  for (const m of text.matchAll(/\bEvent ?IDs?(?: ?[:=#])? ?|\bEvent (?=\d)/gi)) {
    if (!/^E/.test(m[0]) && !/id/i.test(m[0])) continue;
    for (const id of numberList(text, m.index + m[0].length)) {
      if (id <= 65535 && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** `STOP 0x0000000A`, `STOP: 0xA`, `Stop 0x0a`, `STOP 0A`, `STOP: 0000001E`, `Bugcheck 0x50` → `0x0000000A` form. */
export function findStopCodes(text: string): string[] {
  const codes: string[] = [];
  for (const m of text.matchAll(/\b(STOP|Stop|stop|Bug ?[Cc]heck|BUGCHECK)(?: ?:)? ?(0[xX])?([0-9A-Fa-f]{1,8})\b/g)) {
    const [, keyword = '', prefix, hex = ''] = m;
    const bare = prefix === undefined;
    if (bare && (!/\d/.test(hex) || (hex.length !== 8 && !(keyword === 'STOP' && hex.length <= 3)))) continue;
    if (bare && keyword === 'stop') continue;
    const code = `0x${hex.toUpperCase().padStart(8, '0')}`;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** `c0000005`, `0xC0000005`, `Exception number: c0000005`, `exception e0010002` → lower-case 8 hex digits. */
export function findExceptionCodes(text: string): string[] {
  const codes: string[] = [];
  const add = (hex: string) => {
    const code = hex.toLowerCase();
    if (!codes.includes(code)) codes.push(code);
  };
  for (const m of text.matchAll(/\b(?:0[xX])?([cC]000[0-9a-fA-F]{4})\b|\bexception(?: code| number)?:? ?(?:0[xX])?([0-9a-fA-F]{8})\b/gi)) {
    const ntstatus = m[1];
    if (ntstatus !== undefined) {
      if (!ntstatus.endsWith('0000')) add(ntstatus);
    } else if (m[2] && /^[8ce]/i.test(m[2])) {
      add(m[2]);
    }
  }
  return codes;
}
