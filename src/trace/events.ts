/**
 * Event-log entries in the layouts people copy them in (ops-pastes.md §1): NT 4.0 dumps
 * (`Event ID: / Source: / Type: / Category: / Description:`), the Windows 2000 viewer
 * (`Event Type: / Event Source: / …`), today's "Copy details as text", `wevtutil qe /f:text`,
 * PowerShell `Format-List` (`Id :`, `ProviderName :`, `Message :`), the XML view, the "description
 * could not be found" form, and a sentence in chat ("keeps logging event 1197 from MSExchangeIS
 * Private"). Read the same way from pastes and from article text, so both sides agree.
 * Regular expressions have bounded quantifiers; each label is visited once.
 */

export interface EventRecord {
  /** Offset of the record in the text. */
  at: number;
  id: number;
  source?: string;
  description?: string;
  level?: string;
  /**
   * How it was read: labelled fields, the XML view, a sentence, a provider name next to a number ("Kernel-Power 41"),
   * or chat's bare id before its quoted message (`3210 "Failed to …"`, read in pastes only, as names are).
   */
  how: 'fields' | 'xml' | 'sentence' | 'name' | 'chat';
}

type Field = 'id' | 'instance' | 'source' | 'level' | 'description' | 'other';

/** Labels that may also appear mid-line (an article's dump collapsed onto one line). */
const INLINE_LABELS: [string, Field][] = [
  ['event id', 'id'],
  ['eventid', 'id'],
  ['event id#', 'id'],
  ['event-id', 'id'],
  ['ereignis-id', 'id'],
  ['event source', 'source'],
  ['source', 'source'],
  ['quelle', 'source'],
  ['event type', 'level'],
  ['type', 'level'],
  ['level', 'level'],
  ['ebene', 'level'],
  ['event category', 'other'],
  ['category', 'other'],
  ['task category', 'other'],
  ['description', 'description'],
  ['beschreibung', 'description'],
  ['computer', 'other'],
  ['user', 'other'],
  ['date', 'other'],
  ['time', 'other'],
  ['log name', 'other'],
  ['keywords', 'other'],
  ['event xml', 'other'],
];

/** Labels only read at the start of a line (short or common words: PowerShell, wevtutil). */
const LINE_LABELS: [string, Field][] = [
  ['id', 'id'],
  ['instanceid', 'instance'],
  ['providername', 'source'],
  ['provider name', 'source'],
  ['provider', 'source'],
  ['entrytype', 'level'],
  ['leveldisplayname', 'level'],
  ['message', 'description'],
  ['task', 'other'],
  ['keyword', 'other'],
  ['opcode', 'other'],
  ['user name', 'other'],
  ['machinename', 'other'],
  ['timecreated', 'other'],
  ['timegenerated', 'other'],
  ['timewritten', 'other'],
  ['index', 'other'],
  ['logname', 'other'],
  ['recordid', 'other'],
  ['record number', 'other'],
  ['categorynumber', 'other'],
  ['replacementstrings', 'other'],
  ['data', 'other'],
  ['container', 'other'],
  ['processid', 'other'],
  ['threadid', 'other'],
  ['userid', 'other'],
  ['version', 'other'],
  ['qualifiers', 'other'],
  ['activityid', 'other'],
  ['relatedactivityid', 'other'],
  ['providerid', 'other'],
  ['keywordsdisplaynames', 'other'],
  ['taskdisplayname', 'other'],
  ['opcodedisplayname', 'other'],
  ['properties', 'other'],
  ['containerlog', 'other'],
  ['site', 'other'],
  ['category', 'other'],
  ['matchedqueryids', 'other'],
  ['bookmark', 'other'],
];

const INLINE = new Map(INLINE_LABELS);
const LINE = new Map([...LINE_LABELS, ...INLINE_LABELS]);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\#-]/g, '\\$&').replace(/ /g, '[ \\t]');
const byLength = (a: string, b: string): number => b.length - a.length;
/** A label: at a line start (any known label) or after a space (inline labels), then spaces and a colon. */
const LABEL = new RegExp(
  `(^|\\n)[ \\t]{0,12}(${[...LINE.keys()].sort(byLength).map(escape).join('|')})[ \\t]{0,24}[:=](?![\\\\/])|(?<=[ \\t;,.)])(${[...INLINE.keys()].sort(byLength).map(escape).join('|')})[ \\t]{0,4}[:=](?![\\\\/])` +
    // an article's dump may head its fields with "Event ID 1081" (no colon) on a line of its own
    // (the id alone on its line, or with its source after a comma; a sentence that starts a line is read as one)
    `|(^|\\n)[ \\t]{0,12}(event[ \\t]id)[ \\t]{1,4}(?=\\d{1,5}[ \\t]{0,2}(?:[,:][ \\t]{0,2}[A-Za-z][^\\n,.:]{0,60})?:?[ \\t]{0,8}(?:\\r?\\n|$))`,
  'gi',
);

const OTHER_LABEL_LINE = /(^|\n)[ \t]{0,12}[A-Z][A-Za-z]{1,24}(?: [A-Z][A-Za-z]{1,12}){0,2}[ \t]{0,24}:[^\n]{0,200}/g;

interface Label {
  field: Field;
  start: number;
  /** Where the value starts (after the colon). */
  valueAt: number;
}

function findLabels(text: string): Label[] {
  const labels: Label[] = [];
  for (const m of text.matchAll(LABEL)) {
    const name = (m[2] ?? m[3] ?? m[5] ?? '').toLowerCase().replace(/[ \t]+/g, ' ');
    const field = (m[2] !== undefined || m[5] !== undefined ? LINE.get(name) : INLINE.get(name)) ?? 'other';
    labels.push({ field, start: m.index + (m[1]?.length ?? m[4]?.length ?? 0), valueAt: m.index + m[0].length });
  }
  return labels;
}

/** A description runs on until a blank line (after its first text), the next label, or this many characters. */
const MAX_DESCRIPTION = 600;

function descriptionValue(text: string, from: number, to: number): string {
  const raw = text.slice(from, Math.min(to, from + MAX_DESCRIPTION));
  const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
  const blank = /\n[ \t]*\r?\n/.exec(raw.slice(lead));
  const body = blank ? raw.slice(lead, lead + blank.index) : raw.slice(lead);
  return untilChat(body).replace(/\s+/g, ' ').trim();
}

/**
 * A description's lines up to the first one typed in chat after it: a finished sentence followed by a
 * line that starts in lower case or asks a question ("…on this mailbox." / "but nothing is logged…, why?").
 * A wrapped description goes on mid-sentence, or starts its next sentence with a capital.
 */
function untilChat(body: string): string {
  let at = body.indexOf('\n');
  while (at !== -1) {
    const before = body.slice(Math.max(0, at - 4), at).trimEnd();
    const nextEnd = body.indexOf('\n', at + 1);
    const line = body.slice(at + 1, nextEnd === -1 ? body.length : nextEnd).replace(/^[ \t>]+/, '').trimEnd();
    if (/[.!]["')]?$/.test(before) && (/^[a-z][a-z']{0,20}[ \t,]/.test(line) || /\?["')]?$/.test(line))) return body.slice(0, at);
    // a line headed by a word in capitals (`WARNING: …` the next log line, `EXPLANATION` / `ACTION` the message's help) is not the message
    if (/^[A-Z]{4,16}(?::|$)/.test(line)) return body.slice(0, at);
    // the record's binary data (`Data:`, `Data (words):`, `Data: (Bytes)`) follows its description: a dump, not words
    if (/^Data(?:[ \t]{0,2}\((?:words|bytes|dwords)\))?[ \t]{0,2}:/i.test(line)) return body.slice(0, at);
    at = nextEnd;
  }
  return body;
}

function lineValue(text: string, from: number, to: number): string {
  const raw = text.slice(from, Math.min(to, from + 200));
  const eol = raw.indexOf('\n');
  return (eol === -1 ? raw : raw.slice(0, eol)).replace(/\s+/g, ' ').trim();
}

/** `1197`, `1197 (0x4AD)`; the InstanceId's severity and customer bits masked off. */
function asEventId(value: string, instance: boolean): number | undefined {
  const m = /^\(?\s{0,2}(\d{1,10})\b/.exec(value);
  if (!m) return undefined;
  let id = Number(m[1]);
  if (instance) id = id & 0xffff;
  return id <= 65535 ? id : undefined;
}

function cleanSourceValue(value: string): string | undefined {
  const v = value.replace(/^["'(]+|["'),.;]+$/g, '').trim();
  if (v === '' || /^n\/?a$/i.test(v) || v.length > 80) return undefined;
  return v;
}

/** Quote markers chat adds in front of pasted lines (`> `). */
const QUOTE_MARKS = /(^|\n)[ \t]{0,4}>[ \t]?/g;

/**
 * The paragraph right under a one-line header ("Event ID: 3210  Source: NETLOGON  Type: Error",
 * "Event ID 7000, Service Control Manager"): NT 4.0 dumps collapsed by hand and articles print the
 * description there, unlabelled. Only when it starts on the very next line (no blank line between).
 */
function descriptionBelow(text: string, from: number, to: number, indent: string | undefined): string | undefined {
  const head = text.slice(from, Math.min(to, from + 80));
  // right on the next line; or, in an article's indented dump, after one blank line at the header's indentation
  const next = /^\r?\n[ \t>]{0,12}(?=[^\s>])/.exec(head) ?? (indent ? new RegExp(`^\\r?\\n[ \\t]{0,8}\\r?\\n${indent}(?=\\S)`).exec(head) : null);
  if (!next) return undefined;
  const value = descriptionValue(text.slice(0, Math.min(to, from + MAX_DESCRIPTION)).replace(QUOTE_MARKS, (_m, nl: string) => nl.padEnd(_m.length)), from, to);
  return value.length >= 8 ? value : undefined;
}

/** A source on its own line right above the dump (`MSExchangeMTA` / `Event ID: 290`): one word with a capital inside or a hyphen. */
function sourceAbove(text: string, at: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1);
  if (lineStart <= 0) return undefined;
  const prevStart = text.lastIndexOf('\n', lineStart - 1) + 1;
  if (lineStart - prevStart > 60) return undefined;
  const m = /^[ \t>]{0,12}([A-Za-z][A-Za-z0-9_.-]{2,40})[ \t]{0,4}\r?$/.exec(text.slice(prevStart, lineStart));
  return m && /[a-z][A-Z]|[A-Z]{2}[a-z]|[A-Za-z]-[A-Za-z]/.test(m[1]!) ? m[1] : undefined;
}

/** A dump's field typed without its colon, alone on its line under the header: `Source Exchsync`, `Type Error` (a short value, not a sentence). */
const UNLABELLED_FIELD = /^\r?\n[ \t>]{0,12}(event source|source|event type|type|event category|category|user|computer)[ \t]{1,12}(\S{1,40}(?: \S{1,40}){0,3}?)(?<![.!?])[ \t]*(?=\r?\n|$)/i;

/** The colon-less field lines right under a header, and where they end (the description follows). */
function unlabelledFields(text: string, from: number, to: number): { values: [Field, string][]; end: number } {
  const values: [Field, string][] = [];
  let at = from;
  for (let k = 0; k < 8; k++) {
    const m = UNLABELLED_FIELD.exec(text.slice(at, Math.min(to, at + 100)));
    if (!m) break;
    const field = INLINE.get(m[1]!.toLowerCase().replace(/[ \t]+/g, ' ')) ?? 'other';
    if (field === 'source' || field === 'level') values.push([field, m[2]!.trim()]);
    at += m[0].length;
  }
  return { values, end: at };
}

/** Records from labelled fields: a record ends where a field repeats or unlabelled text intervenes. */
function labelledRecords(text: string, out: EventRecord[]): void {
  const labels = findLabels(text);
  let current: { at: number; fields: Map<Field, string>; instance: boolean } | undefined;
  let lastEnd = 0;
  const flush = (gapEnd?: number): void => {
    if (!current) return;
    const idText = current.fields.get('id') ?? current.fields.get('instance');
    const id = idText !== undefined ? asEventId(idText, !current.fields.has('id')) : undefined;
    if (id !== undefined) {
      // "Event ID 7000, Service Control Manager": the source after the id
      const after = current.fields.has('source') ? undefined : /^\s{0,2}\d{1,5}\s{0,2}[,:]\s{0,2}([^\s:].{0,80}?):?$/.exec(idText ?? '');
      const oneLine = !text.slice(current.at, lastEnd).includes('\n');
      // the header's own indentation (articles indent their dumps; chat does not)
      const indent = /^[ \t]{2,12}(?=\S)/.exec(text.slice(current.at, current.at + 13))?.[0];
      let descriptionFrom = lastEnd;
      if (!current.fields.has('description') && gapEnd !== undefined && (oneLine || indent !== undefined)) {
        // "Event ID 116" / "Source Exchsync" / "Type Error": the dump's fields typed without colons come first
        const fields = unlabelledFields(text, lastEnd, gapEnd);
        for (const [field, value] of fields.values) if (!current.fields.has(field)) current.fields.set(field, value);
        descriptionFrom = fields.end;
        const below = descriptionBelow(text, descriptionFrom, gapEnd, indent);
        if (below) current.fields.set('description', below);
      }
      const sourceText = current.fields.get('source') ?? (after ? sourceWords(after[1]!.split(/\s+/)) : undefined) ?? sourceAbove(text, current.at);
      const source = cleanSourceValue(sourceText ?? '');
      const description = current.fields.get('description');
      const level = current.fields.get('level');
      out.push({ at: current.at, id, how: 'fields', ...(source ? { source } : {}), ...(description ? { description } : {}), ...(level ? { level } : {}) });
    }
    current = undefined;
  };
  labels.forEach((label, i) => {
    const next = labels[i + 1]?.start ?? text.length;
    // lines of labels this reader does not know (`MatchedQueryIds : {}`) do not end a record
    const gap = text.slice(lastEnd, label.start).replace(OTHER_LABEL_LINE, '');
    const repeated = current !== undefined && label.field !== 'other' && current.fields.has(label.field);
    if (current && (repeated || gap.trim() !== '')) flush(gap.trim() !== '' ? label.start : undefined);
    if (!current) current = { at: label.start, fields: new Map(), instance: false };
    const value = label.field === 'description' ? descriptionValue(text, label.valueAt, next) : lineValue(text, label.valueAt, next);
    if (label.field !== 'other' && !current.fields.has(label.field)) current.fields.set(label.field, value);
    // where this field's text ends: the rest of its line, or the description's paragraph
    if (label.field === 'description') {
      const raw = text.slice(label.valueAt, Math.min(next, label.valueAt + MAX_DESCRIPTION));
      const lead = /^\s*/.exec(raw)?.[0].length ?? 0;
      const blank = /\n[ \t]*\r?\n/.exec(raw.slice(lead));
      lastEnd = blank ? label.valueAt + lead + blank.index : Math.min(next, label.valueAt + MAX_DESCRIPTION);
      if (lastEnd < next && text.slice(lastEnd, next).trim() !== '') {
        flush();
        lastEnd = next;
      }
    } else {
      const eol = text.indexOf('\n', label.valueAt);
      lastEnd = Math.min(next, eol === -1 ? text.length : eol);
    }
  });
  flush(text.length);
}

/**
 * The XML view's `<EventData>` strings, joined: classic sources log the whole message as one `<Data>` string, others
 * its insertion strings one by one (`<Data>Mup</Data><Data>%1 is not a valid Windows NT application.</Data>`), whose
 * sentences still carry the message's telling words.
 */
function eventDataText(after: string): string | undefined {
  const open = /<EventData>/i.exec(after);
  if (!open) return undefined;
  const close = after.indexOf('</EventData>', open.index);
  const body = after.slice(open.index, close === -1 ? after.length : close);
  const values = [...body.matchAll(/<Data(?:\s[^>]{0,60})?>([^<]{1,600})<\/Data>/gi)].map((d) => d[1]!.replace(/\s+/g, ' ').trim());
  const joined = values.filter(Boolean).join(' ').slice(0, MAX_DESCRIPTION);
  return joined.length >= 20 ? joined : undefined;
}

/** The XML view: `<Provider Name="…"/>` … `<EventID Qualifiers="…">41</EventID>` … `<Level>1</Level>`. */
function xmlRecords(text: string, out: EventRecord[]): void {
  const providers = [...text.matchAll(/<Provider\s{1,4}Name\s{0,2}=\s{0,2}["']([^"'<>]{1,100})["']/gi)];
  let k = -1;
  for (const m of text.matchAll(/<EventID\b[^>]{0,60}>\s{0,4}(\d{1,5})\s{0,4}<\/EventID>/gi)) {
    while (k + 1 < providers.length && (providers[k + 1]?.index ?? Infinity) < m.index) k++;
    const provider = providers[k];
    const source = provider && m.index - provider.index < 2000 ? provider[1] : undefined;
    const data = eventDataText(text.slice(m.index, m.index + 1500));
    const description = data !== undefined && /\S+\s+\S+\s+\S+\s+\S+/.test(data) ? data : undefined;
    out.push({ at: m.index, id: Number(m[1]), how: 'xml', ...(source ? { source } : {}), ...(description ? { description } : {}) });
  }
}

/** "The description for Event ID ( 8015 ) in Source ( BROWSER ) could not be found." */
function missingDescription(text: string, out: EventRecord[]): void {
  for (const m of text.matchAll(/description for event id \(\s{0,3}(\d{1,5})\s{0,3}\) in source \(\s{0,3}([^()\n]{1,60}?)\s{0,3}\)/gi)) {
    out.push({ at: m.index, id: Number(m[1]), how: 'sentence', source: m[2]! });
  }
}

/** Words that cannot be part of a source named in a sentence. */
const NOT_SOURCE = new Set([
  'the', 'a', 'an', 'and', 'or', 'on', 'in', 'at', 'every', 'each', 'after', 'when', 'with', 'about', 'again', 'since', 'today', 'now',
  'our', 'my', 'we', 'it', 'this', 'that', 'all', 'since', 'log', 'logs', 'server', 'keeps', 'is', 'was', 'are', 'id', 'event', 'events',
  'error', 'errors', 'warning', 'warnings', 'source', 'hi', 'hey', 'help', 'got', 'get', 'getting', 'see', 'seeing', 'also', 'then',
  'yesterday', 'last', 'tonight', 'morning', 'night', 'users', 'user', 'clients', 'client', 'machine', 'machines', 'host', 'hosts', 'several', 'many', 'some',
  'i', 'you', 'any', 'anyone', 'why', 'what', 'how', 'please', 'ideas', 'idea', 'here', 'there', 'for', 'to', 'of', 'from', 'by',
]);

/** Up to 4 words naming a source: capitalised or with capitals or hyphens inside (`MSExchangeIS Private`, `Service Control Manager`, `Microsoft-Windows-Kernel-Power`). */
function sourceWords(words: string[]): string | undefined {
  const taken: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/^["'(]+|["'),.;:!?]+$/g, '');
    // many NT sources are lower-case (`nbf`, `atapi`): the first word after "from" may be
    // "SNA Server", "SQL Server": a capitalised Server goes on a name already begun
    const named = taken.length > 0 && w === 'Server';
    if (w === '' || (NOT_SOURCE.has(w.toLowerCase()) && !named) || !/^[A-Za-z][A-Za-z0-9_.-]{0,40}$/.test(w) || (taken.length > 0 && !/[A-Z]/.test(w))) break;
    taken.push(w);
    if (taken.length === 4 || /[),.;:!?]$/.test(raw)) break;
  }
  return taken.length > 0 ? taken.join(' ') : undefined;
}

/** The line holding `at`, at most `reach` characters either side. */
function lineAround(text: string, at: number, reach: number): string {
  const from = Math.max(0, at - reach);
  const before = text.slice(from, at);
  const after = text.slice(at, at + reach);
  return before.slice(before.lastIndexOf('\n') + 1) + after.split('\n', 1)[0];
}

/**
 * "NETLOGON Event 3210" alone on its line (an article's heading for the message it prints): the
 * paragraph under it, on the next line or after one blank line at the heading's indentation, is the description.
 */
function headerBelow(text: string, at: number, afterAt: number, after: string, source: string | undefined): string | undefined {
  if (after.trim() !== '') return undefined;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // nothing but the source before "Event" on the line: "we got event 1016" is a sentence
  const before = text.slice(Math.max(lineStart, at - 80), at);
  const indent = /^[ \t]{0,12}/.exec(before)![0];
  if (at - lineStart > 80 || (before.trim() !== '' && before.trim() !== source)) return undefined;
  const below = descriptionBelow(text, afterAt + after.length, afterAt + after.length + MAX_DESCRIPTION, indent === '' ? undefined : indent);
  // the dump's other fields under the heading ("Source: w3svc", "Source hpmon Type Warning") are not its message
  return below !== undefined && !FIELD_WORD.test(below) ? below : undefined;
}

const FIELD_WORD = /^(?:event[ \t]?(?:id|type|source|category)|source|type|category|description|computer|user|date|time|level)\b/i;

/** A word starting its line, then a column's spacing up to the end (`Replicator  ` before `Event ID 3216`). */
const COLUMN_BEFORE = /(?:^|\n)[ \t>]{0,4}([A-Za-z][A-Za-z0-9_.-]{0,40})(?:[ \t]{2,8}|\t)$/;

/** A number in the years articles and pastes date things by ("MapPoint 2000", `2001 "…"`): no event id. */
function isYear(n: number): boolean {
  return n >= 1980 && n <= 2030;
}

/** Words saying a number is an event-log entry's. */
const LOG_CONTEXT = /\b(?:event|logs|logged|logging|log|eventvwr|event viewer)\b/i;

/** Chat: "event 1197 from MSExchangeIS Private", "event ID 7024 (Service Control Manager)", "Kernel-Power 41", "MSExchangeIS event 1197: text". */
function chatRecords(text: string, out: EventRecord[]): void {
  // "Event ID: 1197" is a labelled field (labelledRecords); a sentence says "event 1197" or "event ID 1197"
  // "keeps logging 9318 from MSExchangeMTA", "is logging 5722 for BDC-CHI": a log verb names the number an event's too
  for (const m of text.matchAll(/\b(?:event(?:[ _-]?id)?|logg(?:ing|ed)(?=[ \t]{1,3}\d{3,5}[ \t]{1,3}(?:from|for)\b))[ \t]{1,3}(\d{1,5})\b([^\n]{0,160})/gi)) {
    const id = Number(m[1]);
    const after = m[2] ?? '';
    let source: string | undefined;
    // "Event ID 624, Source SNA Server: …": the source may follow a comma
    const from = /^[,;]?\s{0,3}(?:\(|from\s{1,3}|logged by\s{1,3}|by\s{1,3}|source\s{1,3}|in\s{1,3}source\s{1,3})(.{0,80})/i.exec(after);
    if (from) source = sourceWords(from[1]!.split(/\s+/));
    if (!source) {
      const before = text.slice(Math.max(0, m.index - 80), m.index).split(/\s+/).filter(Boolean);
      const rev: string[] = [];
      for (let i = before.length - 1; i >= 0 && rev.length < 4; i--) {
        const w = before[i]!;
        if (NOT_SOURCE.has(w.toLowerCase()) || !/^[A-Za-z][A-Za-z0-9_.-]{0,40}$/.test(w) || !/[A-Z]/.test(w)) break;
        rev.unshift(w);
      }
      // one capitalised word before "event" is often a sentence start ("Logging event 1197"): take it only when it looks like a name,
      // or when it starts its line a column apart ("Replicator  Event ID 3216", as the list view lays out a row)
      const column = rev.length === 1 && COLUMN_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index))?.[1] === rev[0];
      if (rev.length > 1 || (rev.length === 1 && (column || /[A-Z].*[A-Z]|-|[a-z][A-Z]/.test(rev[0]!)))) source = rev.join(' ');
    }
    const quoted = /["“]([^"”]{8,300})["”]/.exec(text.slice(m.index, m.index + m[0].length + 300));
    const colon = /^[^:\n]{0,80}:[ \t]{0,3}\r?\n?[ \t>]{0,4}(?=\S)/.exec(text.slice(m.index + m[0].length - after.length, m.index + m[0].length + 8));
    // a description after a colon runs on to the end of its paragraph
    const afterAt = m.index + m[0].length - after.length;
    const description = quoted?.[1]?.replace(/\s+/g, ' ') ?? (colon ? descriptionValue(text, afterAt + colon[0].length, afterAt + colon[0].length + 300) : undefined) ?? headerBelow(text, m.index, afterAt, after, source);
    out.push({ at: m.index, id, how: 'sentence', ...(source ? { source } : {}), ...(description && description.length >= 8 ? { description: description.trim() } : {}) });
  }
  // "Kernel-Power 41", "DistributedCOM 10016", "Microsoft-Windows-Kernel-Power/41": a hyphenated or camel-case name right before a number
  // a space or slash between them: "ACCT-PC14" and "SALES-WS07" are computer names; a second number after ("[MTA XFER-IN 22 35]") makes a tuple
  for (const m of text.matchAll(/\b((?:Microsoft-Windows-)?[A-Z][A-Za-z]{1,30}(?:-[A-Z][A-Za-z]{1,30}){0,3})(?:[ \t]{1,2}|[ \t]{0,2}\/[ \t]{0,2})(?:event[ \t]{1,2}(?:id[ \t]{0,2})?)?(\d{2,5})\b(?![.:/]\S|\d|[ \t]{1,2}\d)/g)) {
    const name = m[1]!;
    const id = Number(m[2]);
    // a camel-case product name before a year or release ("MapPoint 2000", "FrontPage 98") is not an event; nor an all-capitals tag
    const allCaps = /^[A-Z]{3,20}$/.test(name);
    if (!name.includes('-') && !allCaps && (!/[a-z][A-Z]/.test(name) || id < 100 || isYear(id))) continue;
    // an all-capital name is a source only when it is a known short form (SCM 7023) or long with a four-digit id and the
    // event log in the same sentence ("the DC logs NETLOGON 5722"); "HEAPSIZE 1024 in the .DEF" is a setting
    if (!/[a-z]/.test(name) && !(SOURCE_ALIASES[name.toLowerCase()] !== undefined || (/^[A-Z]{5,20}$/.test(name) && id >= 1000 && !isYear(id) && LOG_CONTEXT.test(lineAround(text, m.index, 80))))) continue;
    // "MSExchangeIMC 4018 - Unable to start …": the line's rest after a dash or colon is the description
    const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 420);
    // or the message quoted right after the number ("MSExchangeMig 7026 "Migration Aborted due to Mapi logon failure."")
    const rest = /^[ \t]{0,2}(?:-|:|[ \t])[ \t]{1,4}(\S[^\n]{7,400})/.exec(tail);
    const quoted = /^[ \t]{1,3}["“]([^"”\n]{8,400})["”]/.exec(tail);
    const description = (quoted?.[1] ?? rest?.[1]?.replace(/["”']+\s*$/, ''))?.trim();
    out.push({ at: m.index, id, how: 'name', source: name, ...(description ? { description } : {}) });
  }
  listRecords(text, out);
  tableRecords(text, out);
  idFirstRows(text, out);
  quotedAfterId(text, out);
}

/** Words before a number saying it is not an event id (`error 438 "…"`, `port 80 "…"`). */
const NOT_EVENT_BEFORE = /\b(?:errors?|codes?|rc|status|returned|returns|port|line|version|build|ext|x)[ \t]{0,2}[#:=]?[ \t]{0,2}$/i;

/**
 * Chat: a bare event id with its description quoted right after it (`3210 "Failed to authenticate with \\ACMEPDC, …"`),
 * only where the line speaks of the event log (`… and the PDC is logging 5722`): a number before a quote is otherwise
 * an error number, a year or a setting. The source, when the sentence names one elsewhere, is not told apart from the chat.
 */
function quotedAfterId(text: string, out: EventRecord[]): void {
  for (const m of text.matchAll(/(?<![\w.:/\\#-])(\d{3,5})[ \t]{1,2}["“]([A-Z][^"”\n]{11,400})["”]/g)) {
    const id = Number(m[1]);
    if (isYear(id)) continue;
    if (NOT_EVENT_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    if (!LOG_CONTEXT.test(lineAround(text, m.index, 300))) continue;
    const description = m[2]!.replace(/\s+/g, ' ').trim();
    // a sentence of several words, not a quoted name
    if (description.split(' ').length < 4) continue;
    out.push({ at: m.index, id, how: 'chat', description });
  }
}

/**
 * A list-view row copied with the id first: `2635 FPNW  The BINDERY data file …`, `20050  Remote Access  Error  The user …`
 * (id, source, an optional level, the description; columns two spaces or a tab apart). With no level column, only where
 * the paste speaks of the event log: a row of numbers and words is otherwise any table.
 */
const ID_FIRST_ROW = /^[ \t>]{0,8}(\d{2,5})(?:[ \t]{1,8}|\t)([A-Za-z][A-Za-z0-9._()/-]{1,30}(?: [A-Za-z][A-Za-z0-9._()/-]{1,30}){0,3}?)(?:[ \t]{2,8}|\t)(?:(Error|Warning|Information|Success Audit|Failure Audit)(?:[ \t]{2,8}|\t))?([A-Z][^\n]{7,400})$/gm;

function idFirstRows(text: string, out: EventRecord[]): void {
  for (const m of text.matchAll(ID_FIRST_ROW)) {
    const source = m[2]!.trim();
    if (NOT_SOURCE.has(source.toLowerCase()) || !/[A-Z]/.test(source)) continue;
    if (m[3] === undefined && !LOG_CONTEXT.test(text.slice(Math.max(0, m.index - 400), m.index))) continue;
    const description = m[4]!.trim();
    if (description.split(/\s+/).length < 4) continue;
    out.push({ at: m.index, id: Number(m[1]), how: 'name', source, description, ...(m[3] ? { level: m[3] } : {}) });
  }
}

/**
 * An article's list of event messages (`the following event log messages:` / ` - 1035: Unable to open …`): a
 * bulleted id, a colon and a sentence, with events named in the paragraph above the item (an error list says "error").
 */
function listRecords(text: string, out: EventRecord[]): void {
  for (const m of text.matchAll(/(^|\n)[ \t]{0,8}[-*•][ \t]{1,3}(\d{2,5})[ \t]{0,2}:[ \t]{1,3}(?=[A-Z])/g)) {
    const at = m.index + m[1]!.length;
    if (!/\bevents?\b/i.test(text.slice(Math.max(0, at - 400), at))) continue;
    const description = descriptionValue(text, m.index + m[0].length, m.index + m[0].length + 400);
    if (description.length >= 8) out.push({ at, id: Number(m[2]), how: 'sentence', description });
  }
}

/** The list view copied row by row: `Warning  SNA DLC Link Service  234  Failed to open SAP …`, `MSExchangeFB  1035  Unable to …` (columns two spaces or a tab apart). */
const TABLE_ROW = /^[ \t>]{0,8}(?:(Error|Warning|Information|Success Audit|Failure Audit)(?:[ \t]{2,8}|\t))?([A-Za-z][A-Za-z0-9 ._()/-]{1,60}?)(?:[ \t]{2,8}|\t)(\d{1,5})(?:[ \t]{2,8}|\t)(\S[^\n]{7,400})$/gm;

function tableRecords(text: string, out: EventRecord[]): void {
  for (const m of text.matchAll(TABLE_ROW)) {
    const source = m[2]!.trim();
    // without a level column, the source must look like one (`MSExchangeFB`, `Kernel-Power`), not a word of prose or an ERROR_ constant
    if (m[1] === undefined && !/[a-z][A-Z]|[A-Za-z]-[A-Za-z]/.test(source)) continue;
    if (NOT_SOURCE.has(source.toLowerCase()) || !/[A-Z]/.test(source)) continue;
    out.push({ at: m.index, id: Number(m[3]), how: 'name', source, description: m[4]!.trim(), ...(m[1] ? { level: m[1] } : {}) });
  }
}

/** Every event-log entry in the text, in order; several readings of one entry are merged by the caller. */
export function readEvents(text: string): EventRecord[] {
  const out: EventRecord[] = [];
  labelledRecords(text, out);
  xmlRecords(text, out);
  missingDescription(text, out);
  chatRecords(text, out);
  out.sort((a, b) => a.at - b.at);
  return out;
}

/** Source spellings reduced to one key: `Microsoft-Windows-Kernel-Power` → `kernelpower`, `Service Control Manager` / `ServiceControlManager` → `servicecontrolmanager`. */
export function sourceKey(source: string): string {
  return source
    .toLowerCase()
    .replace(/^microsoft-windows-/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Source words with spaces kept (for `MSExchangeIS` vs `MSExchangeIS Private`). */
function sourceTokens(source: string): string[] {
  return source
    .toLowerCase()
    .replace(/^microsoft-windows-/, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Known short forms of sources the archive spells several ways. */
const SOURCE_ALIASES: Record<string, string> = { scm: 'servicecontrolmanager', dcom: 'distributedcom', savedump: 'bugcheck', drwatson: 'drwatson' };

/**
 * How well two sources agree: 1 the same, 0.8 one names the other's family (`MSExchangeIS` vs
 * `MSExchangeIS Private`), 0 different.
 */
export function sourceAgreement(a: string, b: string): number {
  const ka = SOURCE_ALIASES[sourceKey(a)] ?? sourceKey(a);
  const kb = SOURCE_ALIASES[sourceKey(b)] ?? sourceKey(b);
  if (ka === kb) return 1;
  // articles scanned or typed with a lower-case l for a capital I (`Nwlnklpx` for `NwlnkIpx`)
  if (ka.length >= 6 && ka.replace(/l/g, 'i') === kb.replace(/l/g, 'i')) return 0.9;
  const ta = sourceTokens(a);
  const tb = sourceTokens(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length > 0 && short.every((w, i) => long[i] === w)) return 0.8;
  return 0;
}

const STOPWORDS = new Set(
  'the a an and or of to in on at for from by with was were is are be been being this that these those it its not no has have had will would could should may might can cannot did does do than then there their which who whom what when where why how all any each following because into onto over under about after before while during as if so such also only other more most some same own very you your we our us they them he she his her i me my microsoft windows nt server event id source type category description error information warning'.split(' '),
);

/**
 * The words of a description that can tell events apart: placeholders (`<server name>`, `%1`,
 * `%%1721`), numbers, hex and paths left out; lower-case; no repeats.
 */
export function descriptionWords(description: string): string[] {
  const text = description
    // a path under a placeholder (`<snaroot>\snadump.log`) is a path the site fills in, as `C:\SNA\snadump.log` is
    .replace(/<[^<>\n]{0,60}>[\\/][^\s]{0,200}/g, ' ')
    .replace(/<[^<>\n]{0,60}>|\[[^[\]\n]{0,40}\]/g, ' ')
    .replace(/%%?\d{1,5}/g, ' ')
    .replace(/\b[a-z]:\\[^\s]{0,200}/gi, ' ')
    .replace(/\\\\[^\s]{0,200}/g, ' ')
    // an NT object or registry path (`\Device\Scsi\cpq32fs21`, `\REGISTRY\Machine\…`) is the site's too
    .replace(/(?<!\S)\\[A-Za-z?][^\s]{0,200}/g, ' ')
    // a directory name (`/O=FABRIKAM/OU=EUROPE/CN=CONFIGURATION/…`, `CN=EXLON02,OU=Servers`) names the site's objects
    .replace(/(?:\/(?:o|ou|cn|c|dc|l)=[^/\s]{0,64}){2,}|(?:\b(?:cn|ou|dc|o)=[^,\s]{1,64},[ \t]?){1,8}(?:cn|ou|dc|o)=[^,\s]{1,64}/gi, ' ')
    .replace(/\b\w*\d\w*\b/g, ' ');
  const words: string[] = [];
  for (const w of text.toLowerCase().split(/[^a-z]+/)) {
    if (w.length < 3 || STOPWORDS.has(w) || words.includes(w)) continue;
    words.push(w);
    if (words.length >= 80) break;
  }
  return words;
}

/** A code or number a description prints as a constant, and where: after which word, and which in a run of codes. */
export interface DescriptionCode {
  /** `error#0`, `result#1`: the word before it (lower-case) and its place among the codes following that word. */
  at: string;
  /** Lower-case, without a `0x` prefix. */
  code: string;
}

/**
 * The codes and numbers a description prints (`error 0000050A`, `Internal ID 30f0090`, `RESULT 18 136`), each
 * placed by the word before it. Placeholders (`%1`, `<n>`, `####`) and paths are left out; so is any token mixing
 * letters beyond hex with digits (`EXCHSRV1`: a name the site chose). Linear in the text.
 */
export function descriptionCodes(description: string): DescriptionCode[] {
  const text = description
    .replace(/<[^<>\n]{0,60}>/g, ' ')
    .replace(/%%?\d{1,5}/g, ' ')
    .replace(/\b[a-z]:\\[^\s]{0,200}/gi, ' ')
    .replace(/\\\\[^\s]{0,200}/g, ' ')
    .replace(/#+/g, ' # ');
  const out: DescriptionCode[] = [];
  let word: string | undefined;
  let run = 0;
  for (const m of text.matchAll(/#|[0-9A-Za-z]+/g)) {
    const token = m[0];
    if (/^[A-Za-z]+$/.test(token)) {
      word = token.toLowerCase();
      run = 0;
    } else if (word !== undefined && /\d/.test(token) && /^(?:0x)?[0-9a-f]+$/i.test(token)) {
      out.push({ at: `${word}#${run++}`, code: token.toLowerCase().replace(/^0x/, '') });
      if (out.length >= 40) break;
    } else word = undefined; // a placeholder or a site's name: what follows is placed by nothing known
  }
  return out;
}
