/**
 * Teaching kbbot from the channel. "Record as known issue" (the button on `none`/`possible` answers and the
 * message shortcut) opens the record modal pre-filled from the paste; its submission is checked (mistakes
 * shown under their inputs), written to the team store as the next KI id, swapped into what the bot knows,
 * and announced in the thread. `/kb edit KI-3` reopens it; `/kb retire KI-3` stops it matching. Thumbs up /
 * down are votes on the crash's fingerprint; a thumbs-down asks which answer was right. Who may record is
 * checked here, on the server, on every open and every submission (KBBOT_EDITORS).
 * Modals must open within 3 s of the click (trigger_id): they are built from local data only.
 */
import type { App, MessageShortcut, RespondFn, ViewSubmitAction, webApi } from '@slack/bolt';
import type { BotEffect } from '../../bot/index.js';
import { prefillFromSignature, readRecordForm, recordParts, signatureParts, teamSignature } from '../../bot/record.js';
import type { KbId, ThreadMatch } from '../../model.js';
import {
  buildCorrectionModal,
  buildNotice,
  buildRecordedNotice,
  buildRecordModal,
  CorrectionBlock,
  decodeRecordMeta,
  decodeRecordValue,
  SHORTCUT_RECORD,
  VIEW_CORRECTION,
  VIEW_RECORD,
  type CorrectionMeta,
  type Reply,
} from '../../reply/index.js';
import { parseKbRef } from '../../trace/index.js';
import type { ListenerDeps, TeamDeps } from '../deps.js';
import { respondWithRetry } from '../respond-policy.js';
import { messageText } from '../text.js';
import { callSlack } from '../web-api-policy.js';
import { CorrectionMetaSchema, MessageShortcutSchema, readPayload, ViewSubmissionSchema, type BlockAction, type Button, type SlashCommand } from '../payloads.js';

type WebClient = webApi.WebClient;

const NOT_SET_UP = 'Recording known issues is not set up on this kbbot.';
const NOT_ALLOWED = 'Only the people in KBBOT_EDITORS may record or edit known issues here. Ask one of them.';
/** Bound for the thread's permalink: the submission must be acknowledged within 3 s. */
const PERMALINK_WAIT_MS = 1_000;

/** Tells one person something privately: in the channel (chat.postEphemeral), else through response_url. */
async function tellPrivately(client: WebClient, deps: ListenerDeps, where: { channel?: string; user: string; threadTs?: string; respond?: RespondFn }, reply: Reply): Promise<void> {
  if (where.channel) {
    const args = { channel: where.channel, user: where.user, text: reply.text, blocks: reply.blocks, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) };
    const outcome = await callSlack(client, 'chat.postEphemeral', args, { logger: deps.logger, deadLetter: !where.respond });
    if (outcome.ok || !where.respond) return;
  }
  if (where.respond) await respondWithRetry(where.respond, { response_type: 'ephemeral', replace_original: false, text: reply.text, blocks: reply.blocks }, { logger: deps.logger });
}

async function openView(client: WebClient, deps: ListenerDeps, triggerId: string, view: ReturnType<typeof buildRecordModal>): Promise<boolean> {
  // No retries: a trigger_id is good for 3 s and only once.
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return true;
  } catch (error) {
    deps.logger.warn('views.open failed', { callbackId: view.callback_id, err: error });
    return false;
  }
}

/** The team deps, when the person may record; otherwise tells them why not. */
async function editorTeam(client: WebClient, deps: ListenerDeps, user: string, where: { channel?: string; threadTs?: string; respond?: RespondFn }): Promise<TeamDeps | undefined> {
  const team = deps.team;
  if (!team) {
    await tellPrivately(client, deps, { ...where, user }, buildNotice(NOT_SET_UP));
    return undefined;
  }
  if (await team.editors.allows(client, user)) return team;
  deps.logger.info('record refused', { event: 'record_refused', user });
  await tellPrivately(client, deps, { ...where, user }, buildNotice(NOT_ALLOWED));
  return undefined;
}

/** The record button on an answer: true when the click was one (handled here). */
export async function openRecordFromButton(client: WebClient, deps: ListenerDeps, body: BlockAction, action: Button, respond: RespondFn): Promise<void> {
  const channel = body.channel?.id;
  const message = body.message;
  const ephemeral = body.container?.is_ephemeral === true;
  const threadTs = ephemeral ? undefined : (message?.thread_ts ?? message?.ts);
  const where = { ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}), respond };
  if (!(await editorTeam(client, deps, body.user.id, where))) return;
  const parts = decodeRecordValue(action.value ?? '');
  await openView(client, deps, body.trigger_id, buildRecordModal({ parts }, { parts, ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) }));
}

export function registerRecordShortcut(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUT_RECORD, type: 'message_action' }, async ({ ack, shortcut: payload, client, respond }) => {
    await ack();
    const shortcut = readPayload(MessageShortcutSchema, payload, 'message shortcut', deps.logger);
    if (!shortcut) return;
    const message = shortcut.message;
    const channel = shortcut.channel.id;
    const threadTs = message.thread_ts ?? message.ts;
    if (!(await editorTeam(client, deps, shortcut.user.id, { channel, threadTs, respond }))) return;
    // Message text only (no snippet download): the modal must open within the trigger's 3 s.
    const parts = recordParts(messageText(message));
    await openView(client, deps, shortcut.trigger_id, buildRecordModal({ parts }, { parts, channel, threadTs }));
  });
}

async function permalink(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  const call = client.chat.getPermalink({ channel, message_ts: ts }).then(
    (r) => (typeof r.permalink === 'string' ? r.permalink : undefined),
    () => undefined,
  );
  return Promise.race([call, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PERMALINK_WAIT_MS).unref())]);
}

export function registerRecordView(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEW_RECORD, async ({ ack, body: payload, client }) => {
    const body = readPayload(ViewSubmissionSchema, payload, 'record form submission', deps.logger);
    if (!body) {
      await ack();
      return;
    }
    const { user: { id: user }, view } = body;
    const meta = decodeRecordMeta(view.private_metadata);
    const team = deps.team;
    if (!meta || !team) {
      await ack({ response_action: 'errors', errors: { title: meta ? NOT_SET_UP : 'This form is out of date; open it again.' } });
      return;
    }
    const form = readRecordForm(view.state.values, meta.parts);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    if (!(await team.editors.allows(client, user))) {
      deps.logger.info('record refused', { event: 'record_refused', user });
      await ack({ response_action: 'errors', errors: { title: NOT_ALLOWED } });
      return;
    }
    let saved;
    try {
      if (meta.id) {
        const previous = await team.store.get(meta.id);
        if (!previous) {
          await ack({ response_action: 'errors', errors: { title: `${meta.id} is no longer in the team store.` } });
          return;
        }
        saved = await team.store.update({ ...teamSignature(form.fields, { author: user, now: new Date() }, previous), id: meta.id });
      } else {
        const thread = meta.channel && meta.threadTs ? await permalink(client, meta.channel, meta.threadTs) : undefined;
        saved = await team.store.create(teamSignature(form.fields, { author: user, now: new Date(), ...(thread ? { thread } : {}) }));
      }
    } catch (error) {
      deps.logger.error('team store write failed', { err: error, user });
      await ack({ response_action: 'errors', errors: { title: `Could not save: ${(error as Error).message.slice(0, 200)}` } });
      return;
    }
    // Live before the modal closes: the next paste, here or anywhere, is answered with it.
    await team.refresh().catch((error: unknown) => deps.logger.warn('team layer refresh failed', { err: error }));
    await ack();
    deps.logger.info(meta.id ? 'known issue edited' : 'known issue recorded', { event: 'record', id: saved.id, user, channel: meta.channel, threadTs: meta.threadTs });
    const notice = buildRecordedNotice(saved, user, meta.id !== undefined);
    if (meta.channel && meta.threadTs) {
      const args = { channel: meta.channel, thread_ts: meta.threadTs, reply_broadcast: false, text: notice.text, blocks: notice.blocks, unfurl_links: false, unfurl_media: false };
      const outcome = await callSlack(client, 'chat.postMessage', args, { logger: deps.logger });
      if (outcome.ok) return;
    }
    if (meta.channel) await tellPrivately(client, deps, { channel: meta.channel, user }, notice);
  });
}

/** `/kb edit KI-3` and `/kb retire KI-3`: applied here (team store, modal); the bot only read the command. */
export async function applyTeamCommand(
  client: WebClient,
  deps: ListenerDeps,
  effect: Extract<BotEffect, { kind: 'edit' | 'retire' }>,
  command: Pick<SlashCommand, 'user_id' | 'channel_id' | 'trigger_id'>,
  respond: RespondFn,
  done: Reply | undefined,
): Promise<void> {
  const where = { respond };
  const team = await editorTeam(client, deps, command.user_id, where);
  if (!team) return;
  const sig = await team.store.get(effect.id);
  if (!sig) {
    await tellPrivately(client, deps, { user: command.user_id, respond }, buildNotice(`${effect.id} is not in the team store.`));
    return;
  }
  if (effect.kind === 'edit') {
    const parts = signatureParts(sig);
    await openView(client, deps, command.trigger_id, buildRecordModal(prefillFromSignature(sig), { parts, id: sig.id, channel: command.channel_id }));
    return;
  }
  await team.store.update({ ...sig, retired: effect.retired, updatedAt: new Date().toISOString() });
  deps.logger.info(effect.retired ? 'known issue retired' : 'known issue unretired', { event: 'retire', id: sig.id, user: command.user_id });
  await team.refresh().catch((error: unknown) => deps.logger.warn('team layer refresh failed', { err: error }));
  if (done) await tellPrivately(client, deps, { user: command.user_id, respond }, done);
}

/**
 * A thumbs up or down on an answer is a vote on that crash (the thread's fingerprint), replacing the same
 * person's earlier vote on that answer. A thumbs-down then asks which answer was right.
 */
export async function voteOnFeedback(
  client: WebClient,
  deps: ListenerDeps,
  effect: BotEffect | undefined,
  context: { thread: ThreadMatch | undefined; user: string; channel: string; threadTs?: string; triggerId: string },
): Promise<void> {
  const team = deps.team;
  const fingerprint = context.thread?.fingerprint;
  if (!team || effect?.kind !== 'feedback' || !fingerprint) return;
  try {
    await team.store.vote({ fingerprint, user: context.user, kb: effect.kb, verdict: effect.verdict, at: Date.now() });
    await team.refresh();
    deps.logger.info('vote counted', { event: 'vote', fingerprint, kb: effect.kb, verdict: effect.verdict, user: context.user });
  } catch (error) {
    deps.logger.warn('vote not recorded', { err: error, kb: effect.kb, user: context.user });
    return;
  }
  if (effect.verdict !== 'wrong') return;
  const k = team.knowledge();
  const candidates = (context.thread?.candidates ?? []).map((c) => ({ kb: c.kb, title: k.signatures.get(c.kb)?.title ?? c.kb }));
  const meta: CorrectionMeta = { channel: context.channel, ...(context.threadTs ? { threadTs: context.threadTs } : {}), fingerprint, rejected: effect.kb };
  await openView(client, deps, context.triggerId, buildCorrectionModal(meta, candidates));
}

function readCorrection(text: string): { ok: true; kb?: KbId } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true };
  if (/^KI-[1-9]\d{0,6}$/i.test(trimmed)) return { ok: true, kb: trimmed.toUpperCase() };
  const kb = parseKbRef(trimmed);
  return kb ? { ok: true, kb } : { ok: false, error: 'Give a KB number (Q272274, KB272274) or a known issue id (KI-3).' };
}

/** JSON text, or undefined when it is not JSON (the schema then names what is missing). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function registerCorrectionView(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(VIEW_CORRECTION, async ({ ack, body: payload }) => {
    const team = deps.team;
    const body = readPayload(ViewSubmissionSchema, payload, 'correction form submission', deps.logger);
    const meta = body && readPayload(CorrectionMetaSchema, parseJson(body.view.private_metadata), 'correction form private_metadata', deps.logger);
    if (!team || !body || !meta) {
      await ack();
      return;
    }
    const values = body.view.state.values;
    const chosen = values[CorrectionBlock.Choice]?.value?.selected_option?.value ?? undefined;
    const typed = readCorrection(values[CorrectionBlock.Other]?.value?.value ?? '');
    if (!typed.ok) {
      await ack({ response_action: 'errors', errors: { [CorrectionBlock.Other]: typed.error } });
      return;
    }
    const kb = typed.kb ?? chosen;
    if (kb !== undefined && !team.knowledge().signatures.has(kb)) {
      await ack({ response_action: 'errors', errors: { [CorrectionBlock.Other]: `${kb} is not in kbbot's store; record it as a known issue first.` } });
      return;
    }
    if (kb === meta.rejected) {
      await ack({ response_action: 'errors', errors: { [CorrectionBlock.Other]: `${kb} is the answer you marked wrong.` } });
      return;
    }
    if (kb !== undefined) {
      try {
        await team.store.vote({ fingerprint: meta.fingerprint, user: body.user.id, kb, verdict: 'right', at: Date.now() });
        await team.refresh();
        deps.logger.info('feedback', { event: 'feedback', verdict: 'right', kb, corrects: meta.rejected, channel: meta.channel, threadTs: meta.threadTs, user: body.user.id });
      } catch (error) {
        deps.logger.warn('vote not recorded', { err: error, kb, user: body.user.id });
        await ack({ response_action: 'errors', errors: { [CorrectionBlock.Other]: 'Could not save that just now; try again.' } });
        return;
      }
    }
    await ack();
  });
}
