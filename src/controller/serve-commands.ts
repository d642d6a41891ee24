import * as v from 'valibot';
import type { Plan } from '../domain/plan';
import { errorMessage } from '../sdk/retry';
import type { CommandResult, ControllerNotice } from './answers';
import { type PanelCommand, PanelCommandSchema } from './commands';
import { commandEnvelope, HelloSchema, poster, problemOf, readMessage } from './panel-link';
import type { ToPanel } from './panel-reads';
import { refused } from './results';
import type { RoomsWork } from './rooms-work';

/**
 * The headless app's side of the panel link (panel-link.ts): it answers its panel's hello and
 * runs the commands addressed to it, each read with its definition (commands.ts) first.
 */

const CommandMessageSchema = v.object({ ...commandEnvelope, command: PanelCommandSchema });
export type CommandMessage = v.InferOutput<typeof CommandMessageSchema>;

/** What the panels send, and the headless app reads. */
const TO_APP = { hello: HelloSchema, command: CommandMessageSchema };

/** Only the envelope: enough to answer a command that cannot be read. */
const COMMAND_ENVELOPE = v.object({ ...commandEnvelope, command: v.unknown() });

/** What the panel is told at once when its command could not be done at all. */
export const unreadableCommand = (problem: string) =>
  `This app could not read that request (${problem}). Reload the board and try again.`;
export const commandFailed = (error: unknown) =>
  `That could not be done: ${errorMessage(error)}. Try again.`;

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
  const channel = new BroadcastChannel(name);
  const link = poster<ToPanel>(channel);
  const here = () => link.post({ kind: 'here', instanceId, ...current() });
  const answer = (id: string, result: CommandResult) =>
    link.post({ kind: 'result', from: instanceId, id, result });
  // A command that throws, or one this app cannot read, is answered now: the panel would
  // otherwise wait out LINK_TIMEOUT_MS and then blame the link.
  const run = (id: string, command: PanelCommand) =>
    Promise.resolve()
      .then(() => handle(command))
      .catch((error: unknown): CommandResult => refused(commandFailed(error)))
      .then((result) => answer(id, result));
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = readMessage(event.data, TO_APP);
    if (message?.kind === 'hello') {
      here();
    } else if (message?.kind === 'command') {
      if (message.to === instanceId) void run(message.id, message.command);
    } else {
      const envelope = v.safeParse(COMMAND_ENVELOPE, event.data);
      if (envelope.success && envelope.output.to === instanceId) {
        const problem = problemOf(PanelCommandSchema, envelope.output.command, 'command');
        answer(envelope.output.id, refused(unreadableCommand(problem)));
      }
    }
  };
  // A panel that said hello before this app had loaded learns about it now.
  here();
  return {
    announce: (notice) => link.post({ kind: 'notice', from: instanceId, notice }),
    announcePlan: (plan) => link.post({ kind: 'plan', from: instanceId, plan }),
    announceWork: (work) => link.post({ kind: 'work', from: instanceId, work }),
    close: link.close,
  };
}
