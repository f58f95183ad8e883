/**
 * The paste's words joined with the readers' answer (match/text-route.ts), through the same parse + match path as
 * the bot, on a made-up store big enough for word rarity to mean something: 1,200 filler articles about other
 * troubles, a few crash reports many articles share, and the articles the pastes are about.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, matchMessage } from '../../src/match/index.js';
import { MIN_TEXT_ARTICLES } from '../../src/match/text-route.js';
import { SignatureSchema, type SignatureInput } from '../../src/model.js';
import { buildWhyReply, renderText } from '../../src/reply/index.js';
import { parseMessage } from '../../src/trace/index.js';

const TOPICS = 'printer spooler network adapter modem dialup mailbox folder replication directory cluster backup tape scanner font cursor keyboard clipboard macro template toolbar spreadsheet chart query report form table index cache proxy gateway router domain logon profile policy registry driver service schedule'.split(' ');
const PROGRAMS = ['EXCEL', 'POWERPNT', 'MSACCESS', 'WINWORD', 'OUTLOOK', 'FRONTPG', 'MSPUB', 'VB6'];

/** Articles about other troubles: two topic words each, drawn so every topic word is in about one in twenty. */
function fillers(n: number): SignatureInput[] {
  return Array.from({ length: n }, (_, k) => {
    const a = TOPICS[k % TOPICS.length]!;
    const b = TOPICS[(k * 7 + 3) % TOPICS.length]!;
    return { id: `Q${700000 + k}`, title: `Problem with the ${a} and the ${b}`, symptoms: `The ${a} stops responding after the ${b} changes.` };
  });
}

/** The 9x crash dialog many articles print, each for its own program and trouble. */
function crashArticles(): SignatureInput[] {
  return PROGRAMS.flatMap((program, p) =>
    [0, 1, 2].map((k) => ({
      id: `Q${710000 + p * 10 + k}`,
      title: `${program}: Invalid page fault with the ${TOPICS[(p * 3 + k) % TOPICS.length]}`,
      symptoms: `${program} caused an invalid page fault in module ${program}.EXE when you use the ${TOPICS[(p * 3 + k) % TOPICS.length]}.`,
      faultModules: [program],
      errorMessages: [`${program} caused an invalid page fault in module ${program}.EXE at <hex>.`],
    })),
  );
}

const ARTICLES: SignatureInput[] = [
  {
    id: 'Q168923',
    title: 'WD97: Invalid page fault using a document field',
    symptoms: 'When you use the DOCVARIABLE field in a header, footer or text box, WINWORD caused an invalid page fault in module WINWORD.EXE.',
    faultModules: ['WINWORD'],
    errorMessages: ['WINWORD caused an invalid page fault in module WINWORD.EXE at <hex>.'],
  },
  {
    id: 'Q244976',
    title: 'XADM: Information Store does not start after restoring an older database',
    symptoms: 'After you restore the database the Information Store service does not start and logs event 1197.',
    eventIds: [1197],
    events: [{ id: 1197, source: 'MSExchangeIS Private', description: 'Database is too new to be upgraded.' }],
  },
  {
    id: 'Q258731',
    title: 'XFOR: Migration from Banyan stalls on large mailboxes',
    symptoms: 'The Banyan migration wizard stalls on mailboxes larger than 100 MB; the migration log shows the IMAP server error.',
  },
  {
    id: 'Q258800',
    title: 'XFOR: IMAP migration errors',
    symptoms: 'The migration tool logs event 14002 when the IMAP server returns an error.',
    eventIds: [14002],
    events: [{ id: 14002, source: 'MSExchangeMig', description: 'IMAP server returned an error response while migrating mailbox <name>.' }],
  },
];

/** Two articles printing the same screen, told apart only in their symptoms. */
const STOP_TWINS: SignatureInput[] = [
  { id: 'Q123401', title: 'STOP 0x0000000A in Tcpip.sys', symptoms: 'The computer stops when a route is removed from the routing table.', stopCodes: ['0x0000000A'], bugchecks: [{ code: '0x0000000A', driver: 'tcpip.sys', parameters: ['4', '2', '0', '80102a3c'] }], faultModules: ['tcpip.sys'] },
  { id: 'Q123402', title: 'STOP 0x0000000A in Tcpip.sys', symptoms: 'The computer stops when a dial-up modem connection hangs up.', stopCodes: ['0x0000000A'], bugchecks: [{ code: '0x0000000A', driver: 'tcpip.sys', parameters: ['4', '2', '0', '80102a3c'] }], faultModules: ['tcpip.sys'] },
];

/** The NT Dr. Watson box, printed word for word by more articles than a short list holds: the trouble is in the symptoms. */
const DR_WATSON = 'An application error has occurred and an application error log is being generated.';
const WATSON_ARTICLES: SignatureInput[] = TOPICS.slice(0, 7).map((topic, k) => ({
  id: `Q72000${k}`,
  title: `Dr. Watson error with the ${topic}`,
  symptoms: `The program stops when you use the ${topic}.`,
  errorMessages: [DR_WATSON],
}));
WATSON_ARTICLES.push({ id: 'Q729999', title: 'Dr. Watson error in a FoxPro runtime order entry application', symptoms: 'A Visual FoxPro runtime application stops when a lookup form with a grid is opened repeatedly.', errorMessages: [DR_WATSON] });

const signatures = [...fillers(1200), ...crashArticles(), ...ARTICLES, ...STOP_TWINS, ...WATSON_ARTICLES].map((s) => SignatureSchema.parse(s));
const index = buildIndex(signatures);
const answer = (text: string) => matchMessage(index, parseMessage(text));

describe('the paste\'s words joined with the readers\' answer', () => {
  it('puts first the article whose symptoms hold what the person says around a crash dialog many articles print', () => {
    const r = answer('WINWORD caused an invalid page fault in module WINWORD.EXE at 0137:3037f1db.\nonly on templates with DOCVARIABLE fields in the header');
    expect(r.candidates[0]?.kb).toBe('Q168923');
    // the dialog alone does not tell the WINWORD articles apart: a short list, not a match
    expect(r.verdict).toBe('possible');
    expect(r.candidates.map((c) => c.kb)).toContain('Q710030');
  });

  it('says in the why view which words of the paste the article shares', () => {
    const r = answer('WINWORD caused an invalid page fault in module WINWORD.EXE at 0137:3037f1db.\nonly on templates with DOCVARIABLE fields in the header');
    const words = r.candidates[0]?.clueMatches?.find((m) => m.kind === 'words');
    expect(words?.details[0]).toMatch(/^words shared: docvariable, /);
    expect(renderText(buildWhyReply(r.candidates[0]!, signatures.find((s) => s.id === 'Q168923')))).toContain('Words of the paste');
  });

  it('keeps the readers\' match where the words agree', () => {
    const r = answer('Event ID: 1197\nSource: MSExchangeIS Private\nDescription: Database is too new to be upgraded.\nstore will not start after we restored last night');
    expect(r.verdict).toBe('match');
    expect(r.candidates[0]?.kb).toBe('Q244976');
  });

  it('keeps a sure readers\' match and its order when the words describe another article better', () => {
    const r = answer('Event ID: 14002\nSource: MSExchangeMig\nDescription: IMAP server returned an error response while migrating mailbox kpatel.\nthe Banyan wizard stalls on mailboxes larger than 100 MB');
    expect(r.verdict).toBe('match');
    expect(r.candidates[0]?.kb).toBe('Q258800');
  });

  it('orders STOP twins the readers tie by the words the person adds', () => {
    const screen = '*** STOP: 0x0000000A (0x00000004,0x00000002,0x00000000,0x80102a3c)\nIRQL_NOT_LESS_OR_EQUAL\n*** Address 80102a3c has base at 80100000 - tcpip.sys';
    const paste = `${screen}\nhappens when the dial-up modem hangs up`;
    const readersAlone = matchMessage(index, { ...parseMessage(paste), words: [] });
    expect(readersAlone.verdict).toBe('possible');
    expect(readersAlone.candidates.slice(0, 2).map((c) => c.kb).sort()).toEqual(['Q123401', 'Q123402']);
    expect(readersAlone.candidates[0]?.score).toBe(readersAlone.candidates[1]?.score);
    const r = answer(paste);
    expect(r.verdict).toBe(readersAlone.verdict);
    expect(r.candidates[0]?.kb).toBe('Q123402');
    expect(r.candidates.map((c) => c.kb).sort()).toEqual(readersAlone.candidates.map((c) => c.kb).sort());
  });

  it('brings in the article the person\'s words point at when more articles than a short list tie on a dialog they all print', () => {
    const paste = `${DR_WATSON}\n\nORDENT.exe\nException: access violation (0xc0000005), Address: 0x100a4669\nour FoxPro order entry runtime dies when the lookup form with the grid is opened again and again`;
    const readersAlone = matchMessage(index, { ...parseMessage(paste), words: [] });
    // the readers tie every article printing the box and keep five of them: the one the chat is about is not among them
    expect(readersAlone.candidates).toHaveLength(5);
    expect(readersAlone.candidates.map((c) => c.kb)).not.toContain('Q729999');
    const r = answer(paste);
    expect(r.verdict).toBe('possible');
    expect(r.candidates[0]?.kb).toBe('Q729999');
  });

  it.each([
    ['a modern event', 'Log Name: System\nSource: Microsoft-Windows-Kernel-Power\nEvent ID: 41\nDescription: The system has rebooted without cleanly shutting down first.'],
    ['plain chat', 'anyone around to look at the build server? it has been slow since lunch'],
  ])('answers nothing to %s that shares only common words with the store', (_, text) => {
    expect(answer(text)).toMatchObject({ verdict: 'none', candidates: [] });
  });

  it(`answers from the readers alone in a store of fewer than ${MIN_TEXT_ARTICLES} articles, whose word rarity says nothing`, () => {
    const small = buildIndex([...crashArticles(), ...ARTICLES].map((s) => SignatureSchema.parse(s)));
    const parsed = parseMessage('WINWORD caused an invalid page fault in module WINWORD.EXE at 0137:3037f1db.\nonly on templates with DOCVARIABLE fields in the header');
    expect(matchMessage(small, parsed)).toEqual(matchMessage(small, { ...parsed, words: [] }));
  });
});
