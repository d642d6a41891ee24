import * as v from 'valibot';
import type { Plan } from '../domain/plan';
import { anyText, describeIssue } from '../domain/stored/valid';
import type { CommandResult, ControllerNotice } from './answers';
import type { PanelCommand } from './commands';
import type { ToPanel } from './panel-reads';
import { retryLater } from './retry-later';
import type { RoomsWork } from './rooms-work';
import type { CommandMessage } from './serve-commands';

/**
 * The panel and the headless app of one tab are separate iframes; Miro's broadcast skips the
 * sending tab (miro-sdk.md E1), so they talk over a BroadcastChannel scoped to board and user.
 * Several tabs of one user share the channel; every message names the headless instance it is for.
 * Each message is one valibot definition, and whatever arrives is read with it: a tab of another
 * version of the app (loaded before a deploy) or a bug can put anything on the channel, and
 * nothing unreadable is acted on. This file is the panel's side and what both sides share; how
 * the panel reads is panel-reads.ts (loaded after its first load), the headless app's side is
 * serve-commands.ts, so the panel never loads the commands' definitions.
 */

/** Addressed to one headless app, answered with a `result` of the same id. */
export const commandEnvelope = { kind: v.literal('command'), to: anyText(), id: anyText() };
export const HelloSchema = v.object({ kind: v.literal('hello'), from: v.literal('panel') });

type Schemas = Readonly<Record<string, v.GenericSchema>>;
type MessageOf<S extends Schemas> = v.InferOutput<S[keyof S]>;
type ToApp = v.InferOutput<typeof HelloSchema> | CommandMessage;

/**
 * The message if its kind is one of `schemas` and it reads as that definition says, else null.
 * Each side reads only what it listens to, so a panel's plan is never read by the other tabs' apps.
 */
export function readMessage<S extends Schemas>(raw: unknown, schemas: S): MessageOf<S> | null {
  const kind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : null;
  if (typeof kind !== 'string' || !Object.hasOwn(schemas, kind)) return null;
  const parsed = v.safeParse(schemas[kind] as v.GenericSchema, raw, { abortEarly: true });
  return parsed.success ? (parsed.output as MessageOf<S>) : null;
}

/** Why a part could not be read, as a person can pass it on ("command: roomId should be text"). */
export function problemOf(schema: v.GenericSchema, value: unknown, part: string): string {
  const [issue] = v.safeParse(schema, value, { abortEarly: true }).issues ?? [];
  return issue ? `${part}: ${describeIssue(issue)}` : part;
}

/** A closed channel throws on post: an answer finished after the app stopped goes nowhere. */
export function poster<M>(channel: BroadcastChannel) {
  let open = true;
  return {
    post: (message: M) => {
      if (open) channel.postMessage(message);
    },
    close: () => {
      open = false;
      channel.close();
    },
  };
}

export const channelName = (boardId: string, userId: string) =>
  `breakout-rooms/${boardId}/${userId}`;

/** How long the panel waits for its headless app before saying it cannot reach it. */
export const LINK_TIMEOUT_MS = 20_000;

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

/**
 * How the panel reads what arrives (panel-reads.ts): loaded once, after the panel's first load,
 * as its plan reader is (plan-store.tsx), since it holds the plan's whole definition.
 */
let reads: Promise<typeof import('./panel-reads')> | null = null;
const loadReads = () => {
  reads ??= import('./panel-reads');
  return reads;
};

/** What the panel says while its app has not answered its hello within LINK_TIMEOUT_MS. */
export const NOT_LINKED =
  'This panel cannot reach the Breakout Rooms app in this tab and may be out of date. Trying again; if this stays, reload the board.';

/** What the panel says when its app's answer cannot be read (an app of another version). */
export const unreadableAnswer = (problem: string) =>
  `The Breakout Rooms app in this tab answered with something this panel cannot read (${problem}). Reload the board and try again.`;

export function connectToHeadless(
  name: string,
  preferredInstance: string | null,
  listeners: PanelListeners,
): PanelEndpoint {
  const channel = new BroadcastChannel(name);
  const link = poster<ToApp>(channel);
  let target = preferredInstance;
  let counter = 0;
  const waiting = new Map<string, (result: CommandResult) => void>();
  const answered = (id: string, result: CommandResult) => {
    waiting.get(id)?.(result);
    waiting.delete(id);
  };

  /** Messages are acted on in the order they came, each once it is read. */
  let queue = Promise.resolve();
  /** Its app answered, or the panel closed: no more hellos. */
  let heard = false;
  const act = (message: ToPanel) => {
    if (message.kind === 'here') {
      target ??= message.instanceId;
      if (message.instanceId === target) {
        heard = true;
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
      answered(message.id, message.result);
    }
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    queue = queue
      .then(() => loadReads())
      .then(({ readForPanel }) => {
        const read = readForPanel(event.data);
        if (read?.read === 'message') act(read.message);
        else if (read?.read === 'unreadable answer' && read.from === target) {
          answered(read.id, { ok: false, message: unreadableAnswer(read.problem) });
        }
      })
      // Nothing read (its definitions could not load), or a listener that threw: the messages
      // after it are still read.
      .catch((error: unknown) => console.error('Breakout Rooms: a panel update failed.', error));
  };
  // Until its app answers (a hello lost, that app still loading, its answer unreadable: a plan
  // this panel cannot read), the panel says hello again, backed off, and after LINK_TIMEOUT_MS
  // says it may be behind instead of showing an old plan as if it were live.
  const since = Date.now();
  const hello = (tries: number) => {
    link.post({ kind: 'hello', from: 'panel' });
    if (Date.now() - since >= LINK_TIMEOUT_MS)
      listeners.notice({ problem: NOT_LINKED, busy: false, overwrites: null });
    retryLater(
      tries,
      () => heard,
      () => hello(tries + 1),
    );
  };
  hello(0);

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
        link.post({ kind: 'command', to, id, command });
      });
    },
    close: () => {
      heard = true;
      link.close();
    },
  };
}
