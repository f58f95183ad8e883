/**
 * Pastes for the error-message bench, rendered from the archive's own messages (signature
 * `errorMessages`, insertion strings marked) the way people paste them: the text alone with a
 * site's values in the slots, a message box copied with Ctrl+C, quoted in a chat sentence, said in
 * chat without quotes, a console line, wrapped at a narrow width, cut to its first words. Plus
 * today's messages no archive article can know, and chat lines that only sound like errors.
 */
import type { Rng } from '../test/support/seeded-random.js';

export interface MessageQuery {
  text: string;
  layout: string;
  /** The article's message as far as the paste carries it (for finding the articles printing the same). */
  carried: string;
  cut: boolean;
}

const NAMES = ['Budget.xls', 'C:\\Users\\ops\\AppData\\Local\\Temp\\setup.cab', 'EXCH02', 'D:\\data\\orders.mdb', '\\\\FS01\\share\\report.doc', 'svc_backup', '42', '0x8007007e', 'CONTOSO'];
const TITLES = ['Microsoft Excel', 'Setup', 'Microsoft Visual Basic', 'Error', 'Windows', 'Microsoft Outlook', 'Internet Explorer', 'Microsoft Access'];
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** A site's values in the template's slots: `<path>`, `<n>`, `<hex>`, `<filename>`, `%1`. */
export function fillSlots(template: string, rng: Rng): string {
  return template
    .replace(/<n>/g, () => String(Math.floor(rng() * 900) + 2))
    .replace(/<hex>/g, () => `0x${Math.floor(rng() * 0xffffff).toString(16).padStart(8, '0')}`)
    .replace(/<[^<>\n]{1,60}>|%%?\d{1,4}|%[sd]\b/g, () => pick(rng, NAMES));
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** The first words of a message, about half of it (at least five words). */
function firstWords(text: string): string | undefined {
  const words = text.split(' ');
  if (words.length < 10) return undefined;
  return words.slice(0, Math.max(5, Math.ceil(words.length / 2))).join(' ');
}

const DIALOG = (title: string, text: string): string => `---------------------------\n${title}\n---------------------------\n${text}\n---------------------------\nOK\n---------------------------`;

/** The ways one article message is pasted. */
export function renderMessage(template: string, rng: Rng): MessageQuery[] {
  const filled = fillSlots(template, rng);
  const out: MessageQuery[] = [
    { text: filled, layout: 'as printed', carried: template, cut: false },
    { text: DIALOG(pick(rng, TITLES), wrap(filled, 70)), layout: 'dialog', carried: template, cut: false },
    { text: `getting "${filled}" when I open the file on ${pick(rng, ['EXCH02', 'my laptop', 'the terminal server'])}, any idea?`, layout: 'chat quoted', carried: template, cut: false },
    { text: `users see this since the update: ${filled}`, layout: 'chat', carried: template, cut: false },
    { text: `2024-07-24 15:49:43 ERROR [worker-3] ${filled}`, layout: 'console', carried: template, cut: false },
    { text: wrap(filled, 38), layout: 'wrapped', carried: template, cut: false },
  ];
  const first = firstWords(filled);
  const firstTemplate = firstWords(template);
  if (first !== undefined && firstTemplate !== undefined) out.push({ text: first, layout: 'cut', carried: firstTemplate, cut: true });
  return out;
}

/** Messages of today's software that no article of an archive ending in 2003 prints. */
export const MODERN_MESSAGES: string[] = [
  'The remote certificate is invalid according to the validation procedure.',
  'x509: certificate signed by unknown authority',
  'Error: connect ECONNREFUSED 127.0.0.1:5432',
  'fatal: not a git repository (or any of the parent directories): .git',
  "The term 'Get-MgUser' is not recognized as the name of a cmdlet, function, script file, or operable program.",
  'npm ERR! code ERESOLVE npm ERR! ERESOLVE unable to resolve dependency tree',
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  'error: You must be logged in to the server (Unauthorized)',
  'Back-off restarting failed container',
  "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.",
  "We couldn't update the system reserved partition.",
  'This app has been blocked by your system administrator.',
  "Windows Hello isn't available on this device.",
  'No Key Management Service (KMS) could be contacted. Please see the Application Event Log for additional information.',
  "Something went wrong and Outlook couldn't set up your account. Please try again.",
  'The Windows Subsystem for Linux optional component is not enabled. Please enable it and try again.',
  'TLS handshake timeout',
  'Your organization has disabled the ability to change this setting.',
  "Microsoft Teams: We're sorry - we've run into an issue. Restart",
  'OneDrive cannot connect to Windows. Files On-Demand requires a connection to Windows in order to show your files without taking up space on this device.',
  'The operation failed because the Secure Boot policy is not enabled on this device.',
  'Remote Desktop connection: An authentication error has occurred. The function requested is not supported. This could be due to CredSSP encryption oracle remediation.',
  'The Group Policy Client service failed the sign-in. The universal unique identifier (UUID) type is not supported.',
  'pip: error: externally-managed-environment',
  'Java HotSpot(TM) 64-Bit Server VM warning: ignoring option MaxPermSize=256m; support was removed in 8.0',
];

/** Chat that reads like trouble but quotes no message: answered `none` (or a weak `possible`), never `match`. */
export const CHAT_LINES: string[] = [
  'the deploy failed again, anyone looking at it?',
  'build is broken on main, tests fail on the windows runner',
  "can't make the standup today, sorry",
  'the VPN is not working from the office again',
  'is the file server down? cannot open anything',
  'printer on 3rd floor is out of toner and jammed',
  'my laptop is really slow after the update, any ideas',
  'mail is not arriving for the sales team since 9am',
  'who owns the backup job? it did not run last night',
  'Excel keeps crashing when I open the big budget workbook',
  'good morning all',
  'what time is the change review tomorrow?',
  'thanks, that fixed it',
  'can someone review my PR for the installer?',
  "I'll be out on Friday, Sam covers the on-call",
  'the new monitors arrived, grab one from the storeroom',
];

/** Messages dozens of articles print: `possible` with a short list, or `none`, never `match`. */
export const GENERIC_MESSAGES: string[] = ['Access denied', 'General protection fault', 'File not found', 'Out of memory', 'Access is denied.', 'Not enough memory', 'Invalid page fault', 'The system cannot find the file specified.'];
