/**
 * A paste with a crash report (or event, or STOP) and the error text around it: where the report leaves a short list,
 * a message one article prints whole names that article, if it is on the list; a message printed by an article off
 * the list does not overrule the report.
 */
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const sharedModule = (id: string, app: string): SignatureInput => ({ id, title: `${app} faults in USER.EXE`, faultModules: ['USER.EXE', app] });

const inputs: SignatureInput[] = [
  ...fillerArticles(120, 'Q96', 'record'),
  // many articles name a fault in USER.EXE: the module alone is a short list
  ...['Q961001', 'Q961002', 'Q961003', 'Q961004'].map((id, i) => sharedModule(id, `TOOL${i}`)),
  {
    id: 'Q961010',
    title: 'DOS box closed by the scheduler',
    faultModules: ['USER.EXE', 'WINOLDAP'],
    errorMessages: ['WINOLDAP caused a general protection fault in module USER.EXE at <hex>.'],
  },
  // prints the words of a fault message, but names no faulting module: not on the report's list
  { id: 'Q961020', title: 'Spooler fault', errorMessages: ['SPOOL32 caused a general protection fault in module GDI.EXE at <hex>.'] },
  { id: 'Q961021', title: 'Spooler module', faultModules: ['GDI.EXE'] },
  { id: 'Q961022', title: 'Spooler module, again', faultModules: ['GDI.EXE'] },
  // prints a wizard's own message, which a paste may quote above the crash report of the program hosting it
  { id: 'Q961030', title: 'Deployment wizard fails', errorMessages: ['Deployment wizard internal error: invalid ExecMethod result. Please exit the wizard.'] },
];
const { answer } = messageStore(inputs);

describe('a crash report with the message around it', () => {
  it('names the article whose message the paste quotes, when the report alone left a short list holding it', () => {
    const result = answer('> WINOLDAP caused a general protection fault in module USER.EXE at 0004:00001d43.\nthis pops up every morning');
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q961010');
  });

  it('keeps the report\'s list when the article printing the message is not on it', () => {
    const result = answer('SPOOL32 caused a general protection fault in module GDI.EXE at 0004:00001d43.');
    expect(result.candidates.map((c) => c.kb)).toContain('Q961021');
    expect(result.verdict).toBe('possible');
  });

  it('names the article printing another message the paste quotes, when the report of a common module left only a weak list', () => {
    const result = answer('"Deployment wizard internal error: invalid ExecMethod result. Please exit the wizard."\nthen\nCONSOLE caused a general protection fault in module GDI.EXE at 0004:00001d43.');
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe('Q961030');
  });
});
