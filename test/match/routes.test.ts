/**
 * A paste answered by two routes: its event, STOP or crash-report clues (the clue route) and the error text it quotes
 * (the text route). Which answer the user gets: the text route's where the clue route is weak, the two merged where
 * both offer a list, the clue route's where it is sure of its list.
 */
import { describe, expect, it } from 'vitest';
import type { Clue, MatchResult, Verdict } from '../../src/model.js';
import { combineRoutes, otherModuleLeftOut } from '../../src/match/match.js';
import { parseMessage } from '../../src/trace/index.js';

/** A route's answer: its verdict and `KB:score` candidates, best first. */
function route(verdict: Verdict, ...listed: string[]): MatchResult {
  return {
    verdict,
    candidates: listed.map((entry) => {
      const [kb, score] = entry.split(':');
      return { kb: kb as string, score: Number(score), title: `${kb}`, matchedFrames: [], alignment: [], versionChecks: [] };
    }),
  };
}

/** The text route's answer, every candidate matched on the pasted line `line`. */
function text(line: string, verdict: Verdict, ...listed: string[]): MatchResult {
  const r = route(verdict, ...listed);
  for (const c of r.candidates) c.clueMatches = [{ kind: 'message', pasted: line, article: line, details: [] }];
  return r;
}

/** The paste's crash report, as the readers find it: `mmc.exe` faulting (a common application). */
const REPORT: Clue[] = [{ kind: 'app-error', app: 'mmc.exe', code: 'c0000005' }];
const WIZARD = 'Wizard internal error: invalid WBEM ExecMethod result.';
const REPORT_LINE = 'mmc.exe - Application Error: The instruction at "0x203a3754" referenced memory';

const NONE = route('none');

const cases: { name: string; clues: MatchResult; text: MatchResult; pasted?: Clue[]; verdict: Verdict; first?: string; listed?: string[] }[] = [
  {
    name: 'the clue route finds nothing: the text route\'s list with one article standing apart is offered',
    clues: NONE, text: text(WIZARD, 'possible', 'Q100001:0.715', 'Q100002:0.449'), verdict: 'possible', first: 'Q100001',
  },
  {
    name: 'the clue route finds nothing: a text list of equals under the threshold (a generic message) says nothing',
    clues: NONE, text: text(WIZARD, 'possible', 'Q100001:0.749', 'Q100002:0.749', 'Q100003:0.749'), verdict: 'none',
  },
  {
    name: 'no strong clue at all: the text route\'s list of equals is offered as before',
    clues: NONE, text: text(WIZARD, 'possible', 'Q100001:0.749', 'Q100002:0.749'), pasted: [], verdict: 'possible', first: 'Q100001',
  },
  {
    name: 'the text route names an article a weak clue list (a common crash-report clue) does not hold: the text names it',
    clues: route('possible', 'Q200001:0.323', 'Q200002:0.3'), text: text(WIZARD, 'match', 'Q100001:0.999', 'Q100002:0.73'), verdict: 'match', first: 'Q100001',
  },
  {
    name: 'the text route names an article from the crash report\'s own line, off a weak clue list: the list stands',
    clues: route('possible', 'Q200001:0.3', 'Q200002:0.3'), text: text(REPORT_LINE, 'match', 'Q100001:0.95'), verdict: 'possible', first: 'Q200001',
  },
  {
    name: 'the text route names an article a sure clue list (event twins tied at the top) does not hold: the list stands',
    clues: route('possible', 'Q200001:1', 'Q200002:1'), text: text(WIZARD, 'match', 'Q100001:0.85'), verdict: 'possible', first: 'Q200001',
  },
  {
    name: 'the text route names an article on the sure clue list: the text names it',
    clues: route('possible', 'Q200001:1', 'Q100001:1'), text: text(WIZARD, 'match', 'Q100001:0.9'), verdict: 'match', first: 'Q100001',
  },
  {
    name: 'both offer lists and the clue list is weak: the article on both ranks first',
    clues: route('possible', 'Q200001:0.405', 'Q100002:0.346'), text: text(WIZARD, 'possible', 'Q100001:0.521', 'Q100002:0.314'),
    verdict: 'possible', first: 'Q100002', listed: ['Q100002', 'Q200001', 'Q100001'],
  },
  {
    name: 'the text route ties a template with a slot for the app against the article naming the app; a weak clue list holding only the latter names it',
    clues: route('possible', 'Q200001:0.33', 'Q100001:0.312'), text: text(WIZARD, 'possible', 'Q100001:1', 'Q100002:0.999', 'Q100003:0.717'),
    verdict: 'match', first: 'Q100001',
  },
  {
    name: 'a text tie the clue list holds both sides of stays a tie',
    clues: route('possible', 'Q100002:0.4', 'Q100001:0.39'), text: text(WIZARD, 'possible', 'Q100001:1', 'Q100002:0.999'), verdict: 'possible', first: 'Q100002',
  },
  {
    name: 'a text list near the threshold does not reorder a sure clue list',
    clues: route('possible', 'Q200001:1', 'Q200002:1', 'Q200003:1'), text: text(WIZARD, 'possible', 'Q200003:0.883', 'Q100001:0.877'),
    verdict: 'possible', listed: ['Q200001', 'Q200002', 'Q200003'],
  },
  {
    name: 'the clue route\'s match stands over a text list',
    clues: route('match', 'Q200001:0.8', 'Q200002:0.4'), text: text(WIZARD, 'possible', 'Q200002:0.7', 'Q100001:0.69'), verdict: 'match', first: 'Q200001',
  },
];

describe('the clue route and the text route, combined', () => {
  it.each(cases)('$name', ({ clues, text: byText, pasted, verdict, first, listed }) => {
    const result = combineRoutes(clues, byText, pasted ?? REPORT);
    expect(result.verdict).toBe(verdict);
    if (first !== undefined) expect(result.candidates[0]?.kb).toBe(first);
    if (listed !== undefined) expect(result.candidates.map((c) => c.kb)).toEqual(listed);
    if (verdict === 'none') expect(result.candidates).toEqual([]);
  });

  it('an article both routes list shows both routes\' evidence', () => {
    const clues = route('possible', 'Q200001:0.4', 'Q100001:0.35');
    const byText = route('possible', 'Q100001:0.7', 'Q100002:0.5');
    clues.candidates[1]!.clueMatches = [{ kind: 'event', pasted: 'Event ID: 1000', article: 'Event ID: 1000', details: [] }];
    byText.candidates[0]!.clueMatches = [{ kind: 'message', pasted: 'The ledger is not open', article: 'The ledger is not open', details: [] }];
    const both = combineRoutes(clues, byText, REPORT).candidates[0];
    expect(both?.kb).toBe('Q100001');
    expect(both?.score).toBe(0.7);
    expect(both?.clueMatches?.map((m) => m.kind)).toEqual(['event', 'message']);
  });
});

describe('the text route\'s candidates against the pasted crash report', () => {
  /** Candidates matched on their article's crash message (`KB=message`). */
  const crashes = (verdict: Verdict, ...listed: string[]): MatchResult => {
    const r = route(verdict, ...listed.map((l) => l.split('=')[0]!));
    r.candidates.forEach((c, i) => (c.clueMatches = [{ kind: 'message', pasted: 'MSWORLD5 caused an invalid page fault in', article: listed[i]!.split('=')[1]!, details: [] }]));
    return r;
  };
  const paste = parseMessage('setup crashes:\nMSWORLD5 caused an invalid page fault in\nmodule ATMAP.OCX at 0167:1a0041c3.');

  it.each([
    ['leaves out an article whose crash names another faulting module', crashes('match', 'Q1:0.73=Msworld5 caused an invalid page fault in module Kernel32.dll.', 'Q2:0.6=MSWORLD5 caused an invalid page fault in module Atmap.ocx'), 'possible', ['Q2']],
    ['keeps one naming the pasted module, or a placeholder, or none', crashes('match', 'Q2:0.8=MSWORLD5 caused an invalid page fault in module Atmap.ocx', 'Q3:0.6=<program> caused an invalid page fault in module <module>', 'Q4:0.5=This program has performed an illegal operation'), 'match', ['Q2', 'Q3', 'Q4']],
  ])('%s', (_name, byText, verdict, listed) => {
    const result = otherModuleLeftOut(paste, byText);
    expect(result.verdict).toBe(verdict);
    expect(result.candidates.map((c) => c.kb)).toEqual(listed);
  });

  it('leaves the text route alone when the paste names no faulting module', () => {
    const byText = crashes('match', 'Q1:0.73=Msworld5 caused an invalid page fault in module Kernel32.dll.');
    expect(otherModuleLeftOut(parseMessage('MSWORLD5 caused an invalid page fault in'), byText)).toBe(byText);
  });
});
