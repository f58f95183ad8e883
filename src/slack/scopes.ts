/**
 * What each thing the app listens to or calls needs in the manifest. The manifest test walks the routing
 * table through these maps, so a new listener or Web API call without its event or scope fails the suite.
 */

/** Web API methods (and `url_private`, reading a snippet) → the bot scopes they need. */
export const METHOD_SCOPES = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.unfurl': ['links:write'],
  // The bot reads back threads in every kind of conversation it answers in.
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'views.publish': [],
  // Modals (record a known issue, name the right answer) and the recorded thread's link need no scope.
  'views.open': [],
  'chat.getPermalink': [],
  // KBBOT_EDITORS may name a user group: its members are read.
  'usergroups.users.list': ['usergroups:read'],
  'files.info': ['files:read'],
  url_private: ['files:read'],
  /** response_url posts need no scope: the URL is the credential. */
  respond: [],
} as const satisfies Record<string, readonly string[]>;

export type WebApiMethod = keyof typeof METHOD_SCOPES;

/** Bolt event names → the manifest's bot_events and the scopes those need. */
export const EVENT_SUBSCRIPTIONS: Record<string, { botEvents: readonly string[]; scopes: readonly string[] }> = {
  message: { botEvents: ['message.channels', 'message.groups', 'message.im', 'message.mpim'], scopes: ['channels:history', 'groups:history', 'im:history', 'mpim:history'] },
  app_mention: { botEvents: ['app_mention'], scopes: ['app_mentions:read'] },
  link_shared: { botEvents: ['link_shared'], scopes: ['links:read'] },
  app_home_opened: { botEvents: ['app_home_opened'], scopes: [] },
};

/** Slash commands and shortcuts need the `commands` scope. */
export const COMMAND_SCOPES = ['commands'] as const;
