/** Search results, help, App Home, short notices, and the share button for ephemeral /kb answers. */
import type { KnownBlock } from '@slack/types';
import type { KbId } from '../model.js';
import { actions, context, divider, header, section } from './blocks.js';
import { ActionId } from './ids.js';
import { fitReply } from './limits.js';
import { escapeMrkdwn, kbLink } from './text.js';
import type { Reply } from './types.js';

export interface SearchHit {
  kb: KbId;
  title: string;
}

/** `/kb search words`: one line per hit, a button to open each of the first five. */
export function buildSearchReply(words: string, hits: readonly SearchHit[]): Reply {
  if (hits.length === 0) {
    const text = `No article matches "${words}".`;
    return fitReply({ text: escapeMrkdwn(text), blocks: [section(escapeMrkdwn(text))] });
  }
  const lines = hits.slice(0, 10).map((h) => `• ${kbLink(h.kb)} ${escapeMrkdwn(h.title)}`);
  const blocks: KnownBlock[] = [section(`*Articles for "${escapeMrkdwn(words)}":*\n${lines.join('\n')}`)];
  blocks.push(actions(hits.slice(0, 5).map((h) => ({ text: h.kb, actionId: ActionId.ShowArticle, value: h.kb }))));
  return fitReply({ text: escapeMrkdwn(`Articles for "${words}": ${hits.slice(0, 10).map((h) => h.kb).join(', ')}`), blocks });
}

const HELP_LINES = [
  '*Paste a crash stack trace* in a channel I am in (or a DM): I answer in the thread with the known issue, its fix, the files and rollback warnings.',
  '*Name an article* (Q272274, KB272274, a support.microsoft.com link): I show its card.',
  '*In a thread I answered*, ask in plain words: "files for alpha?", "can I roll back?", "is there a fix?", "related?", "other candidates?", "we run store.exe 5.5.2653.12".',
  '*`/kb Q272274`* the article · *`/kb search words`* search titles and symptoms · *`/kb &lt;trace&gt;`* match privately · *`/kb mute`* / *`/kb unmute`* this channel · *`/kb help`* this text.',
  '*Nothing known?* Work it out in the thread, then *Record as known issue* (the button, or the message shortcut): the next paste of that crash gets your answer. *`/kb KI-3`* shows one · *`/kb edit KI-3`* · *`/kb retire KI-3`*.',
];

export function buildHelpReply(): Reply {
  const blocks: KnownBlock[] = [section(`:books: *kbbot* recognises known Microsoft KB issues.\n${HELP_LINES.map((l) => `• ${l}`).join('\n')}`)];
  return fitReply({ text: 'kbbot: paste a stack trace or a KB number; /kb help for commands.', blocks });
}

/** A one-line answer (mute confirmation, "not found", usage). */
export function buildNotice(mrkdwn: string): Reply {
  return fitReply({ text: mrkdwn, blocks: [section(mrkdwn)] });
}

/** Appends the "Share in channel" button an ephemeral /kb answer carries. */
export function withShareButton(reply: Reply, value: string): Reply {
  return fitReply({ text: reply.text, blocks: [...reply.blocks, actions([{ text: 'Share in channel', actionId: ActionId.Share, value, style: 'primary' }])] });
}

export interface StoreStats {
  articles: number;
  withTraces: number;
  withFiles: number;
  withRollback: number;
  /** A few examples worth trying (ids and titles). */
  examples: SearchHit[];
}

/** The App Home tab: what kbbot knows and how to use it (a view: up to 100 blocks). */
export function buildHomeView(stats: StoreStats): Reply {
  const blocks: KnownBlock[] = [
    header('kbbot: known issues from crash traces'),
    section(
      `I know *${stats.articles.toLocaleString('en-US')}* KB articles: *${stats.withTraces.toLocaleString('en-US')}* with crash traces, ` +
        `*${stats.withFiles.toLocaleString('en-US')}* with file tables, *${stats.withRollback.toLocaleString('en-US')}* with rollback warnings.`,
    ),
    divider(),
    section(`*How to use me*\n${HELP_LINES.map((l) => `• ${l}`).join('\n')}`),
  ];
  if (stats.examples.length > 0) {
    blocks.push(divider(), section(`*Try one*\n${stats.examples.slice(0, 5).map((e) => `• ${kbLink(e.kb)} ${escapeMrkdwn(e.title)}`).join('\n')}`));
  }
  blocks.push(context('Invite me to a channel with `/invite @kbbot`. I only answer in threads, and stay quiet when I know nothing.'));
  return fitReply({ text: `kbbot knows ${stats.articles} articles`, blocks }, { surface: 'view' });
}
