/**
 * Teaching kbbot from the channel, end to end through the real app (runSlackBot, as `kbbot start` runs it)
 * against the Slack stand-ins, over HTTP and Socket Mode: a crash nobody knew is recorded from the bot's
 * `none` answer, and the next paste of it in another channel is answered with the recorded cause and fix;
 * `/kb KI-1`, edit and retire; a restart in between; someone who may not record; feedback that re-ranks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackWebApi, type SlackWebApi } from '../support/slack-web-api.js';
import { startSocketModeServer, type SocketModeServer } from '../support/socket-mode-server.js';
import { APP_TOKEN, BOT_TOKEN, BOT_USER, BOT_ID, TEAM, TRACE, nextTs } from './harness.js';
import { ackPayload, click, findButton, removeTempDirs, slashCommand, startTeamBot, submission, UNKNOWN_TRACE, type TeamBot, type View } from './team-harness.js';


const FILLED = {
  title: 'Billing service crashes evicting from the ledger cache',
  cause: 'LedgerCache::Evict frees an entry another posting worker still holds.',
  fix_kind: 'hotfix',
  fix_summary: 'Install billing hotfix 7.2.1; until then set LedgerCacheSize=0.',
  fixed_in: 'billsvc.exe 7.2.1.0',
  rollback: 'Do not roll back billsvc.exe below 7.1.0.4: the ledger format changed.',
  links: 'https://tickets.example.com/BILL-42',
};

describe.each(['http', 'socket'] as const)('recording known issues (%s)', (mode) => {
  let api: SlackWebApi;
  let sm: SocketModeServer | undefined;
  let kb: TeamBot;

  beforeAll(async () => {
    api = await startSlackWebApi({ botToken: BOT_TOKEN, appToken: APP_TOKEN, botUserId: BOT_USER, botId: BOT_ID, teamId: TEAM });
    if (mode === 'socket') {
      sm = await startSocketModeServer();
      const server = sm;
      api.setSocketModeUrl(() => server.url);
    }
  });
  afterEach(async () => {
    await kb?.stop();
  });
  afterAll(async () => {
    await sm?.close();
    await api.close();
    await removeTempDirs();
  });

  const start = async (extra: { dataDir?: string; editors?: string } = {}) => {
    kb = await startTeamBot({ api, ...(sm ? { sm } : {}), ...extra });
    return kb;
  };

  /** Pastes `text` and returns the bot's reply in its thread (waits for it). */
  async function paste(channel: string, text: string, extra: Record<string, unknown> = {}) {
    const ts = nextTs();
    const before = api.okCallsTo('chat.postMessage').length;
    await kb.event({ type: 'message', channel, channel_type: channel.startsWith('D') ? 'im' : 'channel', user: 'UHUMAN', ts, text, ...extra });
    await api.waitForCalls('chat.postMessage', before + 1);
    await expect.poll(() => api.okCallsTo('chat.postMessage').find((c) => c.params.channel === channel && c.params.thread_ts === ts)).toBeDefined();
    const call = api.okCallsTo('chat.postMessage').find((c) => c.params.channel === channel && c.params.thread_ts === ts)!;
    return { ts, params: call.params, replyTs: String((call.response as { ts?: string }).ts) };
  }

  async function openedView(before: number): Promise<View> {
    const calls = await api.waitForCalls('views.open', before + 1);
    const call = calls.at(-1)!;
    expect(call.response.ok).toBe(true);
    return call.params.view as View;
  }

  /** From a `none` answer in a DM: click Record, fill in the modal, submit. Returns the modal and the ack. */
  async function recordFromDm(user = 'UHUMAN', filled: Record<string, string | string[]> = FILLED) {
    const answer = await paste('D0DM', UNKNOWN_TRACE);
    expect(String(answer.params.text)).toMatch(/No known KB article/);
    const button = findButton(answer.params.blocks, 'kb_record');
    expect(button, 'a Record as known issue button on the none answer').toBeDefined();
    const opens = api.okCallsTo('views.open').length;
    await kb.interactive(click(user, 'D0DM', { ts: answer.replyTs, thread_ts: answer.ts }, button!));
    const view = await openedView(opens);
    return { view, answer, ack: await kb.interactive(submission(user, view, filled)) };
  }

  it('records from a none answer; the next paste in another channel is answered with it within 2 s', async () => {
    await start();
    const answer = await paste('D0DM', UNKNOWN_TRACE);
    const button = findButton(answer.params.blocks, 'kb_record')!;
    const opens = api.okCallsTo('views.open').length;
    await kb.interactive(click('UHUMAN', 'D0DM', { ts: answer.replyTs, thread_ts: answer.ts }, button));
    const view = await openedView(opens);
    // The modal: the inputs the issue names, pre-filled with the paste's frames (crash frame first).
    expect(view.callback_id).toBe('kb_record');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['signature', 'title', 'cause', 'fix_kind', 'fix_summary', 'fixed_in', 'rollback', 'links']);
    const parts = view.blocks[0]!.element!.options!.map((o) => o.text.text);
    expect(parts.slice(0, 3)).toEqual(['BILLSVC!LedgerCache::Evict', 'BILLSVC!LedgerCache::Insert', 'BILLSVC!PostingWorker::Run']);
    expect(view.blocks.find((b) => b.block_id === 'fix_kind')!.element!.options!.map((o) => o.value)).toEqual(['hotfix', 'service-pack', 'update', 'upgrade', 'workaround', 'none', 'unknown']);

    // Mistakes come back under their inputs, nothing is saved.
    const bad = ackPayload(await kb.interactive(submission('UHUMAN', view, { ...FILLED, title: '', fixed_in: 'billsvc.exe latest', links: 'see the wiki', drop: parts })));
    expect(bad.response_action).toBe('errors');
    expect(Object.keys(bad.errors as object).sort()).toEqual(['fixed_in', 'links', 'signature', 'title']);
    expect(await kb.bot.teamStore.list()).toEqual([]);

    const submitted = Date.now();
    const posts = api.okCallsTo('chat.postMessage').length;
    const ok = ackPayload(await kb.interactive(submission('UHUMAN', view, { ...FILLED, drop: ['KERNEL32!BaseThreadStart'] })));
    expect(ok.response_action).toBeUndefined();
    // The thread is told.
    const told = (await api.waitForCalls('chat.postMessage', posts + 1)).at(-1)!.params;
    expect(told).toMatchObject({ channel: 'D0DM', thread_ts: answer.ts });
    expect(String(told.text)).toMatch(/^Recorded as KI-1 by <@UHUMAN>/);

    // Another channel, the same crash: the recorded cause and fix, labelled as the team's.
    const next = await paste('C0OTHER', UNKNOWN_TRACE);
    const elapsed = Date.now() - submitted;
    console.info(`${mode}: KI-1 answered in another channel ${elapsed} ms after the submission`);
    const shown = JSON.stringify(next.params.blocks);
    expect(String(next.params.text)).toContain('KI-1');
    expect(shown).toContain('LedgerCache::Evict frees an entry');
    expect(shown).toContain('Install billing hotfix 7.2.1');
    expect(shown).toContain('Team known issue');
    expect(shown).toContain('recorded by <@UHUMAN>');
    expect(shown).toContain('https://kbbot-test.slack.com/archives/D0DM/p');
    expect(elapsed).toBeLessThan(2_000);

    // Saved as the signature: dropped frame gone, author, thread, times.
    const [saved] = await kb.bot.teamStore.list();
    expect(saved).toMatchObject({ id: 'KI-1', author: 'UHUMAN', files: [{ name: 'billsvc.exe', version: '7.2.1.0' }], rollback: [{ file: 'billsvc.exe', minVersion: '7.1.0.4' }], links: ['https://tickets.example.com/BILL-42'] });
    expect(saved!.traces[0]!.map((f) => f.symbol)).not.toContain('BaseThreadStart');
    expect(saved!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the message shortcut records any message, also a reply inside a thread, and /kb offers recording too', async () => {
    await start();
    const root = nextTs();
    const inThread = nextTs();
    const opens = api.okCallsTo('views.open').length;
    await kb.interactive({
      type: 'message_action',
      callback_id: 'kb_record_message',
      trigger_id: 'trig-shortcut',
      team: { id: 'T0001', domain: 'kbbot' },
      user: { id: 'UHUMAN', name: 'pat' },
      channel: { id: 'C0WAR', name: 'war-room' },
      message: { type: 'message', user: 'UOTHER', ts: inThread, thread_ts: root, text: UNKNOWN_TRACE },
      response_url: api.responseUrl('shortcut'),
    });
    const view = await openedView(opens);
    expect(view.blocks[0]!.element!.options!.map((o) => o.text.text)[0]).toBe('BILLSVC!LedgerCache::Evict');
    const posts = api.okCallsTo('chat.postMessage').length;
    expect(ackPayload(await kb.interactive(submission('UHUMAN', view, FILLED))).response_action).toBeUndefined();
    const told = (await api.waitForCalls('chat.postMessage', posts + 1)).at(-1)!.params;
    expect(told).toMatchObject({ channel: 'C0WAR', thread_ts: root });
    expect(String(told.text)).toMatch(/Recorded as KI-1 by <@UHUMAN>/);
    expect((await kb.bot.teamStore.get('KI-1'))?.thread).toBe(`https://kbbot-test.slack.com/archives/C0WAR/p${root.replace('.', '')}`);

    const privately = slashCommand(api, 'UHUMAN', 'C0WAR', ['ZIPLIB!InflateWindow::Slide+0x21', 'ZIPLIB!InflateStream::Read+0x9c', 'ARCHIVER!Extract+0x40'].join('\n'));
    await kb.command(privately.fields);
    await expect.poll(() => api.callsTo('response_url').find((c) => c.params.response_url_id === privately.id)).toBeDefined();
    const answer = api.callsTo('response_url').find((c) => c.params.response_url_id === privately.id)!.params;
    expect(String(answer.text)).toMatch(/No known KB article/);
    expect(findButton(answer.blocks, 'kb_record')?.value).toContain('ZIPLIB!InflateWindow::Slide');
  });

  it('after a restart: /kb KI-1 shows it, edit changes the answer, retire stops it matching but keeps it', async () => {
    const first = await start();
    await recordFromDm();
    await expect.poll(async () => (await kb.bot.teamStore.list()).length).toBe(1);
    await kb.stop();
    await start({ dataDir: first.dataDir });

    const show = slashCommand(api, 'UHUMAN', 'C0OTHER', 'KI-1');
    await kb.command(show.fields);
    await expect.poll(() => api.callsTo('response_url').find((c) => c.params.response_url_id === show.id)).toBeDefined();
    const card = JSON.stringify(api.callsTo('response_url').find((c) => c.params.response_url_id === show.id)!.params.blocks);
    expect(card).toContain('Billing service crashes evicting');
    expect(card).toContain('Team known issue');

    const opens = api.okCallsTo('views.open').length;
    const edit = slashCommand(api, 'UHUMAN', 'C0OTHER', 'edit KI-1');
    await kb.command(edit.fields);
    const view = await openedView(opens);
    expect(view.title.text).toBe('Edit KI-1');
    expect(view.blocks.find((b) => b.block_id === 'cause')!.element!.initial_value).toBe(FILLED.cause);
    const ack = ackPayload(await kb.interactive(submission('UOTHER', view, { cause: 'A lock is released before the entry is unlinked (found by UOTHER).' })));
    expect(ack.response_action).toBeUndefined();
    await expect.poll(async () => (await kb.bot.teamStore.get('KI-1'))?.cause).toMatch(/lock is released/);
    const edited = await paste('C0EDIT', UNKNOWN_TRACE);
    expect(JSON.stringify(edited.params.blocks)).toContain('A lock is released before the entry is unlinked');
    expect((await kb.bot.teamStore.get('KI-1'))?.author).toBe('UHUMAN');

    const retire = slashCommand(api, 'UHUMAN', 'C0OTHER', 'retire KI-1');
    await kb.command(retire.fields);
    await expect.poll(async () => (await kb.bot.teamStore.get('KI-1'))?.retired).toBe(true);
    // The confirmation comes once the store is written and the team layer rebuilt: what the person waits for.
    await expect.poll(() => [...api.callsTo('chat.postEphemeral'), ...api.callsTo('response_url')].some((c) => /KI-1 is retired/.test(String(c.params.text)))).toBe(true);
    // In a DM the bot always answers: nothing known again.
    const after = await paste('D0DM2', UNKNOWN_TRACE);
    expect(String(after.params.text)).toMatch(/No known KB article/);
    const kept = slashCommand(api, 'UHUMAN', 'C0OTHER', 'KI-1');
    await kb.command(kept.fields);
    await expect.poll(() => api.callsTo('response_url').find((c) => c.params.response_url_id === kept.id)).toBeDefined();
    expect(JSON.stringify(api.callsTo('response_url').find((c) => c.params.response_url_id === kept.id)!.params.blocks)).toContain('retired');
    // A new recording after the restart takes the next id, never KI-1 again.
    const again = await recordFromDm('UHUMAN', { ...FILLED, title: 'Second look at the ledger crash' });
    expect(ackPayload(again.ack).response_action).toBeUndefined();
    await expect.poll(async () => (await kb.bot.teamStore.list()).map((s) => s.id)).toEqual(['KI-1', 'KI-2']);
  });

  it('someone outside KBBOT_EDITORS can neither open nor submit the record modal', async () => {
    api.setUserGroup('SEDITORS', ['UEDITOR']);
    await start({ editors: 'UBOSS,SEDITORS' });
    const answer = await paste('D0DM', UNKNOWN_TRACE);
    const button = findButton(answer.params.blocks, 'kb_record')!;
    const opens = api.okCallsTo('views.open').length;
    const ephemerals = api.okCallsTo('chat.postEphemeral').length;
    await kb.interactive(click('UHUMAN', 'D0DM', { ts: answer.replyTs, thread_ts: answer.ts }, button));
    const refusal = (await api.waitForCalls('chat.postEphemeral', ephemerals + 1)).at(-1)!.params;
    expect(refusal).toMatchObject({ user: 'UHUMAN' });
    expect(String(refusal.text)).toMatch(/KBBOT_EDITORS/);
    expect(api.okCallsTo('views.open').length).toBe(opens);

    // An editor (through the user group) opens it; a submission forged for UHUMAN is refused on the server.
    await kb.interactive(click('UEDITOR', 'D0DM', { ts: answer.replyTs, thread_ts: answer.ts }, button));
    const view = await openedView(opens);
    const refused = ackPayload(await kb.interactive(submission('UHUMAN', view, FILLED)));
    expect(refused.response_action).toBe('errors');
    expect(JSON.stringify(refused.errors)).toMatch(/KBBOT_EDITORS/);
    expect(await kb.bot.teamStore.list()).toEqual([]);
    const accepted = ackPayload(await kb.interactive(submission('UEDITOR', view, FILLED)));
    expect(accepted.response_action).toBeUndefined();
    expect((await kb.bot.teamStore.list()).map((s) => s.author)).toEqual(['UEDITOR']);

    // Retiring and editing are checked the same way.
    const retire = slashCommand(api, 'UHUMAN', 'C0OTHER', 'retire KI-1');
    await kb.command(retire.fields);
    await expect.poll(() => api.callsTo('response_url').find((c) => c.params.response_url_id === retire.id)).toBeDefined();
    expect(String(api.callsTo('response_url').find((c) => c.params.response_url_id === retire.id)!.params.text)).toMatch(/KBBOT_EDITORS/);
    expect((await kb.bot.teamStore.get('KI-1'))?.retired).toBeUndefined();
    const edit = slashCommand(api, 'UHUMAN', 'C0OTHER', 'edit KI-1');
    const opensBefore = api.okCallsTo('views.open').length;
    await kb.command(edit.fields);
    await expect.poll(() => api.callsTo('response_url').find((c) => c.params.response_url_id === edit.id)).toBeDefined();
    expect(api.okCallsTo('views.open').length).toBe(opensBefore);
  });

  it('feedback re-ranks the same crash for everyone, shows who confirmed it, and one person counts once', async () => {
    await start();
    const first = await paste('C0FEED', TRACE);
    expect(String(first.params.text)).toContain('Q272274');
    const wrong = findButton(first.params.blocks, 'kb_feedback_wrong')!;
    const opens = api.okCallsTo('views.open').length;
    // Thumbs-down, twice (a double click): then the right answer is named in the modal.
    await kb.interactive(click('UALICE', 'C0FEED', { ts: first.replyTs, thread_ts: first.ts }, wrong));
    const correction = await openedView(opens);
    expect(correction.callback_id).toBe('kb_feedback');
    await kb.interactive(click('UALICE', 'C0FEED', { ts: first.replyTs, thread_ts: first.ts }, wrong, 'trig-second'));
    const unknown = ackPayload(await kb.interactive(submission('UALICE', correction, { other: 'Q999999' })));
    expect(unknown.response_action).toBe('errors');
    const named = ackPayload(await kb.interactive(submission('UALICE', correction, { other: 'KB247240' })));
    expect(named.response_action).toBeUndefined();
    await expect.poll(async () => (await kb.bot.teamStore.votes()).length).toBe(2);

    // Someone else pastes the same crash elsewhere: the confirmed answer first, the rejected one among the others.
    const second = await paste('C0FEED2', TRACE);
    expect(String(second.params.text)).toContain('Q247240');
    expect(findButton(second.params.blocks, 'kb_others')?.value).toBe('Q247240');
    const why = findButton(second.params.blocks, 'kb_why')!;
    const ephemerals = api.okCallsTo('chat.postEphemeral').length;
    await kb.interactive(click('UBOB', 'C0FEED2', { ts: second.replyTs, thread_ts: second.ts }, why));
    const shown = (await api.waitForCalls('chat.postEphemeral', ephemerals + 1)).at(-1)!.params;
    expect(JSON.stringify(shown.blocks)).toContain('confirmed by 1 person');

    // Bob confirms (three clicks): two people now, not four.
    const right = findButton(second.params.blocks, 'kb_feedback_right')!;
    const counted = () => kb.logs.filter((l) => l.msg === 'vote counted').length;
    const countedBefore = counted();
    for (let i = 0; i < 3; i += 1) await kb.interactive(click('UBOB', 'C0FEED2', { ts: second.replyTs, thread_ts: second.ts }, right));
    await expect.poll(counted).toBe(countedBefore + 3);
    expect((await kb.bot.teamStore.votes()).filter((v) => v.kb === 'Q247240' && v.verdict === 'right').length).toBe(2);
    const before = api.okCallsTo('chat.postEphemeral').length;
    await kb.interactive(click('UCAROL', 'C0FEED2', { ts: second.replyTs, thread_ts: second.ts }, why));
    const again = (await api.waitForCalls('chat.postEphemeral', before + 1)).at(-1)!.params;
    expect(JSON.stringify(again.blocks)).toContain('confirmed by 2 people');
  });
});
