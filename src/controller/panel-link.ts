import type { Plan } from '../domain/plan';
import type { CommandResult, ControllerNotice, PanelCommand } from './commands';
import type { RoomsWork } from './rooms-work';

/**
 * The panel and the headless app of one tab are separate iframes; Miro's broadcast skips the
 * sending tab (miro-sdk.md E1), so they talk over a BroadcastChannel scoped to board and user.
 * Several tabs of one user share the channel; every message names the headless instance it is for.
 */
type LinkMessage =
  | { kind: 'hello'; from: 'panel' }
  | {
      kind: 'here';
      instanceId: string;
      notice: ControllerNotice;
      plan: Plan | null;
      work: RoomsWork;
    }
  | { kind: 'command'; to: string; id: string; command: PanelCommand }
  | { kind: 'result'; from: string; id: string; result: CommandResult }
  | { kind: 'notice'; from: string; notice: ControllerNotice }
  /**
   * The plan as the headless app holds it. Miro may not echo a write to the writer's own tab
   * (miro-sdk.md S1), and the panel shares that tab: without this a facilitator's panel would
   * miss every join. A storage notification can also be lost (S3): the headless app reads the
   * plan again when that matters (the end, a room closing), and this brings its panel along.
   */
  | { kind: 'plan'; from: string; plan: Plan }
  /** Rooms with material: a job's progress, the rooms' activity, sessions on offer. */
  | { kind: 'work'; from: string; work: RoomsWork };

export const channelName = (boardId: string, userId: string) =>
  `breakout-rooms/${boardId}/${userId}`;

/** How long the panel waits for its headless app before saying it cannot reach it. */
export const LINK_TIMEOUT_MS = 20_000;

export type HeadlessEndpoint = {
  announce(notice: ControllerNotice): void;
  announcePlan(plan: Plan): void;
  announceWork(work: RoomsWork): void;
  close(): void;
};

export function serveCommands(
  name: string,
  instanceId: string,
  handle: (command: PanelCommand) => Promise<CommandResult>,
  current: () => { notice: ControllerNotice; plan: Plan | null; work: RoomsWork },
): HeadlessEndpoint {
  const here = (): LinkMessage => ({ kind: 'here', instanceId, ...current() });
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<LinkMessage>) => {
    const message = event.data;
    if (message.kind === 'hello') {
      channel.postMessage(here());
    } else if (message.kind === 'command' && message.to === instanceId) {
      handle(message.command).then((result) =>
        channel.postMessage({
          kind: 'result',
          from: instanceId,
          id: message.id,
          result,
        } satisfies LinkMessage),
      );
    }
  };
  // A panel that said hello before this app had loaded learns about it now.
  channel.postMessage(here());
  return {
    announce: (notice) =>
      channel.postMessage({ kind: 'notice', from: instanceId, notice } satisfies LinkMessage),
    announcePlan: (plan) =>
      channel.postMessage({ kind: 'plan', from: instanceId, plan } satisfies LinkMessage),
    announceWork: (work) =>
      channel.postMessage({ kind: 'work', from: instanceId, work } satisfies LinkMessage),
    close: () => channel.close(),
  };
}

export type PanelEndpoint = {
  send(command: PanelCommand): Promise<CommandResult>;
  close(): void;
};

/**
 * The panel's side. `preferredInstance` comes from `getPanelData()` (the headless app that opened
 * this panel); without it the first headless app of this user to answer is used.
 */
export type PanelListeners = {
  notice: (notice: ControllerNotice) => void;
  plan: (plan: Plan) => void;
  work?: (work: RoomsWork) => void;
};

export function connectToHeadless(
  name: string,
  preferredInstance: string | null,
  listeners: PanelListeners,
): PanelEndpoint {
  const channel = new BroadcastChannel(name);
  let target = preferredInstance;
  let counter = 0;
  const waiting = new Map<string, (result: CommandResult) => void>();

  channel.onmessage = (event: MessageEvent<LinkMessage>) => {
    const message = event.data;
    if (message.kind === 'here') {
      target ??= message.instanceId;
      if (message.instanceId === target) {
        listeners.notice(message.notice);
        if (message.plan) listeners.plan(message.plan);
        listeners.work?.(message.work);
      }
    } else if (message.kind === 'notice' && message.from === target) {
      listeners.notice(message.notice);
    } else if (message.kind === 'plan' && message.from === target) {
      listeners.plan(message.plan);
    } else if (message.kind === 'work' && message.from === target) {
      listeners.work?.(message.work);
    } else if (message.kind === 'result' && message.from === target) {
      waiting.get(message.id)?.(message.result);
      waiting.delete(message.id);
    }
  };
  channel.postMessage({ kind: 'hello', from: 'panel' } satisfies LinkMessage);

  return {
    send(command) {
      if (!target) {
        return Promise.resolve({
          ok: false,
          message:
            'The Breakout Rooms app is not running in this tab yet. Reload the board and try again.',
        });
      }
      counter += 1;
      const id = `${Date.now().toString(36)}-${counter}`;
      const to = target;
      return new Promise<CommandResult>((resolve) => {
        const timer = globalThis.setTimeout(() => {
          waiting.delete(id);
          resolve({
            ok: false,
            message:
              'The Breakout Rooms app in this tab did not answer. Reload the board and try again.',
          });
        }, LINK_TIMEOUT_MS);
        waiting.set(id, (result) => {
          globalThis.clearTimeout(timer);
          resolve(result);
        });
        channel.postMessage({ kind: 'command', to, id, command } satisfies LinkMessage);
      });
    },
    close: () => channel.close(),
  };
}
