/**
 * The routing table: everything the app listens to, what each listener may call, and where it lives.
 * One file per listener; `registerListeners` wires them all. The manifest test reads this table.
 */
import type { App } from '@slack/bolt';
import { ACTION_ID_PATTERN, SHORTCUT_FIND_KB, SHORTCUT_RECORD, SLASH_COMMAND, VIEW_CORRECTION, VIEW_RECORD } from '../../reply/ids.js';
import type { ListenerDeps } from '../deps.js';
import type { WebApiMethod } from '../scopes.js';
import { registerActions } from './actions.js';
import { registerAppHome } from './app-home.js';
import { registerAppMention } from './app-mention.js';
import { registerCommand } from './command.js';
import { registerLinkShared } from './link-shared.js';
import { registerMessage } from './message.js';
import { registerCorrectionView, registerRecordShortcut, registerRecordView } from './record.js';
import { registerShortcut } from './shortcut.js';

export type Trigger =
  | { kind: 'event'; event: string }
  | { kind: 'command'; command: string }
  | { kind: 'action'; pattern: RegExp }
  | { kind: 'shortcut'; callbackId: string }
  | { kind: 'view'; callbackId: string };

export interface Route {
  trigger: Trigger;
  calls: readonly WebApiMethod[];
  register: (app: App, deps: ListenerDeps) => void;
}

/** auth.test: a replay of owed replies after a restart learns the bot's identity to find its own posts. */
const THREAD_REPLY_CALLS: WebApiMethod[] = ['chat.postMessage', 'conversations.replies', 'files.info', 'url_private', 'auth.test'];

/** Opening the record modal (and refusing people who may not record). */
const TEAM_EDIT_CALLS: WebApiMethod[] = ['views.open', 'usergroups.users.list', 'chat.postEphemeral', 'respond'];

export const ROUTES: readonly Route[] = [
  { trigger: { kind: 'event', event: 'message' }, calls: [...THREAD_REPLY_CALLS, 'chat.update'], register: registerMessage },
  { trigger: { kind: 'event', event: 'app_mention' }, calls: THREAD_REPLY_CALLS, register: registerAppMention },
  { trigger: { kind: 'event', event: 'link_shared' }, calls: ['chat.unfurl'], register: registerLinkShared },
  { trigger: { kind: 'event', event: 'app_home_opened' }, calls: ['views.publish'], register: registerAppHome },
  { trigger: { kind: 'command', command: SLASH_COMMAND }, calls: ['respond', ...TEAM_EDIT_CALLS], register: registerCommand },
  {
    trigger: { kind: 'action', pattern: ACTION_ID_PATTERN },
   
    calls: ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'conversations.replies', 'respond', ...TEAM_EDIT_CALLS],
    register: registerActions,
  },
  { trigger: { kind: 'shortcut', callbackId: SHORTCUT_FIND_KB }, calls: ['chat.postEphemeral', 'files.info', 'url_private', 'respond'], register: registerShortcut },
  { trigger: { kind: 'shortcut', callbackId: SHORTCUT_RECORD }, calls: TEAM_EDIT_CALLS, register: registerRecordShortcut },
  { trigger: { kind: 'view', callbackId: VIEW_RECORD }, calls: ['chat.postMessage', 'chat.postEphemeral', 'chat.getPermalink', 'usergroups.users.list'], register: registerRecordView },
  { trigger: { kind: 'view', callbackId: VIEW_CORRECTION }, calls: [], register: registerCorrectionView },
];

export function registerListeners(app: App, deps: ListenerDeps): void {
  for (const route of ROUTES) route.register(app, deps);
}
