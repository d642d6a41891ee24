import type { Plan } from '../domain/plan';
import { errorMessage } from '../sdk/retry';
import type { CommandResult } from './answers';

/** The command did what was asked; `plan` is the plan it left (null when it changed none). */
export const done = (plan: Plan | null): CommandResult => ({ ok: true, plan });

/** The command was not carried out, for a reason the person can act on. */
export const refused = (message: string): CommandResult => ({ ok: false, message });

/** The command ran into an error: its message is the answer. */
export const failed = (error: unknown): CommandResult => refused(errorMessage(error));
