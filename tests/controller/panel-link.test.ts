import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { CommandResult, PanelCommand } from '../../src/controller/commands';
import {
  connectToHeadless,
  LINK_TIMEOUT_MS,
  NOT_LINKED,
  type PanelListeners,
  unreadableAnswer,
} from '../../src/controller/panel-link';
import type { RoomsWork } from '../../src/controller/rooms-work';
import {
  commandFailed,
  serveCommands,
  unreadableCommand,
} from '../../src/controller/serve-commands';
import { createPlan } from '../../src/domain/create-plan';
import type { Plan } from '../../src/domain/plan';
import { realMacrotask } from '../../src/simulator/clock';

/**
 * The panel link on real BroadcastChannels, under fake timers: LINK_TIMEOUT_MS can never pass,
 * so whatever the panel hears, it heard at once.
 */

const NO_WORK: RoomsWork = { job: null, activity: null, sessions: { state: 'unknown' } };
const NOTICE = { problem: null, busy: false, overwrites: null };
const PLAN: Plan = createPlan({ runId: 'run-1', facilitator: { id: 'u1', name: 'Fran' } });

let name = '';
let count = 0;
const closing: Array<{ close(): void }> = [];

// The panel loads how it reads the link after its first load; here that is loaded before any
// test, so that no test counts the module loader's time as the link's.
beforeAll(() => import('../../src/controller/panel-reads'));

beforeEach(() => {
  vi.useFakeTimers();
  count += 1;
  name = `breakout-rooms/test-board-${count}/u1`;
});

afterEach(() => {
  for (const endpoint of closing.splice(0)) endpoint.close();
  vi.useRealTimers();
});

/** Real macrotasks until `check` holds: BroadcastChannel messages arrive between them. */
async function delivered(check: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 50; round += 1) {
    if (check()) return;
    await realMacrotask();
  }
  throw new Error(`never ${what}`);
}

/** Every message reaching the channel, as a third party (another tab) sees it. */
function listen() {
  const channel = new BroadcastChannel(name);
  const seen: unknown[] = [];
  channel.onmessage = (event) => seen.push(event.data);
  closing.push(channel);
  return { channel, seen };
}

function headless(handle: (command: PanelCommand) => Promise<CommandResult>) {
  const handled: PanelCommand[] = [];
  const endpoint = serveCommands(
    name,
    'app-1',
    (command) => {
      handled.push(command);
      return handle(command);
    },
    () => ({ notice: NOTICE, plan: PLAN, work: NO_WORK }),
  );
  closing.push(endpoint);
  return { endpoint, handled };
}

function panel() {
  const heard = { notices: 0, plans: [] as Plan[], works: 0 };
  const listeners: PanelListeners = {
    notice: () => {
      heard.notices += 1;
    },
    plan: (plan) => heard.plans.push(plan),
    work: () => {
      heard.works += 1;
    },
  };
  const endpoint = connectToHeadless(name, 'app-1', listeners);
  closing.push(endpoint);
  return { endpoint, heard };
}

async function answer(promise: Promise<CommandResult>): Promise<CommandResult> {
  let result: CommandResult | null = null;
  void promise.then((value) => {
    result = value;
  });
  await delivered(() => result !== null, 'answered');
  return result as unknown as CommandResult;
}

it('ignores malformed messages without harm, and goes on serving', async () => {
  const app = headless(async () => ({ ok: true, plan: null }));
  const { channel, seen } = listen();
  const forged = [
    null,
    'start',
    42,
    [],
    { kind: 'hello', from: 'someone' },
    { kind: 'command', to: 'app-1' },
    { kind: 'command', to: 'app-1', id: 7, command: { type: 'end' } },
    { kind: 'command', to: ['app-1'], id: 'x', command: { type: 'end' } },
    { kind: 'command', to: 'app-2', id: 'y', command: { type: 'teleport' } },
    { kind: 'result', from: 'app-1', id: 'z', result: { ok: true } },
  ];
  for (const message of forged) channel.postMessage(message);
  channel.postMessage({ kind: 'hello', from: 'panel' });
  await delivered(() => seen.some((m) => (m as { kind?: string }).kind === 'here'), 'said here');
  await realMacrotask();
  expect(app.handled).toEqual([]);
  // Nothing malformed was answered: a command without a readable id or address has no sender.
  expect(seen.filter((m) => (m as { kind?: string }).kind === 'result')).toEqual([]);

  const { endpoint } = panel();
  expect(await answer(endpoint.send({ type: 'end' }))).toEqual({ ok: true, plan: null });
  expect(app.handled).toEqual([{ type: 'end' }]);
});

it('ignores what the panel cannot read, and keeps the last good plan', async () => {
  const { heard } = panel();
  const { channel } = listen();
  const damaged = { ...PLAN, rooms: 'none' };
  channel.postMessage({ kind: 'plan', from: 'app-1', plan: damaged });
  channel.postMessage({ kind: 'plan', from: 'app-1', plan: { ...PLAN, schema: 99 } });
  channel.postMessage({ kind: 'notice', from: 'app-1', notice: { problem: 3, busy: false } });
  channel.postMessage({ kind: 'work', from: 'app-1', work: { job: 'done' } });
  channel.postMessage({ kind: 'here', instanceId: 'app-1', notice: NOTICE, plan: damaged });
  channel.postMessage({ kind: 'plan', from: 'app-1', plan: PLAN });
  await delivered(() => heard.plans.length > 0, 'heard the good plan');
  await realMacrotask();
  expect(heard).toEqual({ notices: 0, plans: [PLAN], works: 0 });
});

it('answers a command that throws at once, with its message', async () => {
  headless(async () => {
    throw new Error('Miro refused the request');
  });
  const { endpoint } = panel();
  expect(await answer(endpoint.send({ type: 'start' }))).toEqual({
    ok: false,
    message: commandFailed(new Error('Miro refused the request')),
  });
});

it('refuses at once a command it cannot read (a panel of another version), naming why', async () => {
  const app = headless(async () => ({ ok: true, plan: null }));
  const { endpoint } = panel();
  const teleport = { type: 'teleport' } as unknown as PanelCommand;
  expect(await answer(endpoint.send(teleport))).toEqual({
    ok: false,
    message: unreadableCommand('command: type names no request this app knows'),
  });
  const showRoom = { type: 'showRoom', roomId: 5 } as unknown as PanelCommand;
  expect(await answer(endpoint.send(showRoom))).toEqual({
    ok: false,
    message: unreadableCommand('command: roomId should be text'),
  });
  expect(app.handled).toEqual([]);
});

it('says at once when the answer cannot be read (an app of another version)', async () => {
  headless(async () => undefined as unknown as CommandResult);
  const { endpoint } = panel();
  expect(await answer(endpoint.send({ type: 'end' }))).toEqual({
    ok: false,
    message: unreadableAnswer('result: should be an answer'),
  });
});

it('sends nothing once closed, even when a command finishes afterwards', async () => {
  let finish: (result: CommandResult) => void = () => {};
  const app = headless(
    () =>
      new Promise<CommandResult>((resolve) => {
        finish = resolve;
      }),
  );
  const { endpoint } = panel();
  void endpoint.send({ type: 'end' });
  await delivered(() => app.handled.length === 1, 'handled');
  app.endpoint.close();
  expect(() => finish({ ok: true, plan: null })).not.toThrow();
  await realMacrotask();
});

it('says at once when the plan in an answer is damaged, and never shows that plan', async () => {
  headless(async () => ({ ok: true, plan: { ...PLAN, phase: 'over' } as unknown as Plan }));
  const { endpoint, heard } = panel();
  expect(await answer(endpoint.send({ type: 'end' }))).toEqual({
    ok: false,
    message: unreadableAnswer('result.plan'),
  });
  expect(heard.plans).toEqual([PLAN]);
});

it('a panel its app has not answered says hello again, backed off, says it may be out of date, and carries on once answered', async () => {
  const { channel, seen } = listen();
  const hellos = () => seen.filter((m) => (m as { kind?: string }).kind === 'hello').length;
  const problems: (string | null)[] = [];
  const plans: Plan[] = [];
  const endpoint = connectToHeadless(name, 'app-1', {
    notice: (notice) => problems.push(notice.problem),
    plan: (plan) => plans.push(plan),
  });
  closing.push(endpoint);
  await delivered(() => hellos() === 1, 'said hello');

  // The app's answer cannot be read (a plan this panel does not know): it counts as no answer.
  channel.postMessage({
    kind: 'here',
    instanceId: 'app-1',
    notice: NOTICE,
    plan: { ...PLAN, rooms: 'none' },
  });
  await vi.advanceTimersByTimeAsync(2_000);
  await delivered(() => hellos() === 2, 'said hello again');
  expect(problems).toEqual([]);

  // Said with the first hello after LINK_TIMEOUT_MS (they come 2, 6, 14 and 30 s in).
  await vi.advanceTimersByTimeAsync(LINK_TIMEOUT_MS);
  expect(problems).toEqual([]);
  await vi.advanceTimersByTimeAsync(30_000 - LINK_TIMEOUT_MS - 2_000);
  await delivered(() => problems.includes(NOT_LINKED), 'said it may be out of date');
  expect(plans).toEqual([]);

  // The app answers: its notice replaces the warning, its plan arrives, the hellos stop.
  headless(async () => ({ ok: true, plan: null }));
  await delivered(() => plans.length === 1, 'heard the plan');
  expect(problems.at(-1)).toBeNull();
  const said = hellos();
  await vi.advanceTimersByTimeAsync(120_000);
  await realMacrotask();
  expect(hellos()).toBe(said);
});
