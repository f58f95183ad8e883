/**
 * A pasted message of the same family as an article's, saying its own words where the article's message has rare
 * ones ("Glfmod20 caused a divide error in module Glfani32.dll." against "<Program> caused a divide error in module
 * GDI.EXE at <n>."), is another message: the article is offered (`possible`), not named (`match`). The article's own
 * message with other values in its insertion strings, cut short, wrapped or said in chat is still `match`. So is a
 * short message with a name in its insertion slot, but not one whose slot would swallow a phrase of message words saying
 * more than the template's own ("Cannot write directory, format failed." against "Cannot Write <filename>.").
 */
import { describe, expect, it } from 'vitest';
import type { SignatureInput } from '../../src/model.js';
import { fillerArticles, messageStore } from './message-fixtures.js';

const inputs: SignatureInput[] = [
  ...fillerArticles(150, 'Q96', 'record'),
  { id: 'Q961001', title: 'Divide error in GDI', errorMessages: ['<Program> caused a divide error in module GDI.EXE at <n>.'] },
  { id: 'Q961002', title: 'Encarta setup needs disk space', errorMessages: ['There is insufficient hard disk space to install Microsoft Encarta Reference Suite <n>.'] },
  { id: 'Q961003', title: 'Automation error from FoxPro', errorMessages: ['OLE IDispatch exception code <n> from Visual FoxPro for Windows: Object ACTIVEPROJECT is not found'] },
  { id: 'Q961004', title: 'Meeting requests in Outlook', errorMessages: ['Microsoft Outlook Unable to open meeting item <subject>.'] },
  { id: 'Q961005', title: 'Disk full while saving', errorMessages: ['Cannot Write <filename>.'] },
  { id: 'Q961006', title: 'User Manager tables', errorMessages: ['Error accessing <one of the tables; user, group, wksta>'] },
  { id: 'Q961009', title: 'Remote view update', errorMessages: ['Connectivity Error [<<driver specific information>>] Illegal reference in query'] },
  { id: 'Q961010', title: 'Driver login', errorMessages: ['[Microsoft][ODBC SQL Server Driver][SQL Server] Login failed'] },
  // these make the swallowed phrases' words known to the store
  { id: 'Q961007', title: 'Formatting a floppy', errorMessages: ['The directory format failed on drive <x>.'] },
  { id: 'Q961008', title: 'Registry damaged', errorMessages: ['The system registry is damaged.'] },
];
const { answer } = messageStore(inputs);

describe('a pasted message of an article\'s family, saying other words where the article\'s are rare', () => {
  it.each([
    ['another module in the same crash message', 'Glfmod20 caused a divide error in module Glfani32.dll.', 'Q961001'],
    ['another product in the same setup message', 'There is insufficient hard disk space to install Microsoft Natural Language Query (NLQ).', 'Q961002'],
    ['another exception text after the same prefix', 'OLE IDispatch exception code 533 from Visual FoxPro for Windows: This property is read-only.', 'Q961003'],
    ['another action of the same program, in a message box titled with its name', '---------------------------\nMicrosoft Outlook\n---------------------------\nUnable to access server files\n---------------------------\nOK\n---------------------------', 'Q961004'],
    ['another module, said in chat', 'users see this since the update: Glfmod20 caused a divide error in module Glfani32.dll.', 'Q961001'],
    ['a short message whose insertion slot would swallow a phrase of message words', 'Cannot write directory, format failed.', 'Q961005'],
    ['a short message whose insertion slot would swallow a phrase, in a message box', '---------------------------\nUser Manager\n---------------------------\nError Accessing the System Registry\n---------------------------\nOK\n---------------------------', 'Q961006'],
  ])('%s: not match', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).not.toBe('match');
    if (result.verdict === 'possible') expect(result.candidates.map((c) => c.kb)).toContain(kb);
  });
});

describe('the article\'s own message, however pasted', () => {
  it.each([
    ['as printed, a program in its slot', 'WINWORD caused a divide error in module GDI.EXE at 0004:1234.', 'Q961001'],
    ['cut before its last words', 'There is insufficient hard disk space to install Microsoft Encarta', 'Q961002'],
    ['wrapped', 'OLE IDispatch exception code 1429 from Visual FoxPro for\nWindows: Object ACTIVEPROJECT is not found', 'Q961003'],
    ['said in chat', 'users see this since the update: There is insufficient hard disk space to install Microsoft Encarta Reference Suite 2000.', 'Q961002'],
    ['a file name in a short message\'s slot', 'Cannot Write PAYROLL.DAT.', 'Q961005'],
    ['a two-word name in a short message\'s slot', 'Error accessing Group Table', 'Q961006'],
    ['a phrase in a slot between the message\'s own words', 'Connectivity error: [Microsoft][ODBC SQL Server Driver][SQL Server]Illegal reference in query', 'Q961009'],
    ['in a message box', '---------------------------\nOutlook\n---------------------------\nMicrosoft Outlook Unable to open meeting item "Weekly sync".\n---------------------------\nOK\n---------------------------', 'Q961004'],
  ])('%s: match', (_, text, kb) => {
    const result = answer(text);
    expect(result.verdict).toBe('match');
    expect(result.candidates[0]?.kb).toBe(kb);
  });
});
