import { useMemo } from 'react';
import type { CommandResult } from '../controller/commands';
import { useRunCommand } from './use-commands';

/** The facilitator's side of who may facilitate (domain/co-facilitation.ts). */
export type CoFacilitationActions = {
  /** The whole list of co-facilitators, as the facilitator leaves it. */
  nameCoFacilitators(personIds: readonly string[]): Promise<CommandResult>;
  /** Allow or Deny a request to facilitate. */
  answer(personId: string, allow: boolean): Promise<CommandResult>;
};

export function useCoFacilitationActions(): CoFacilitationActions {
  const run = useRunCommand();
  return useMemo<CoFacilitationActions>(
    () => ({
      nameCoFacilitators: (personIds) =>
        run({ type: 'nameCoFacilitators', personIds: [...personIds] }),
      answer: (personId, allow) => run({ type: 'answerFacilitateRequest', personId, allow }),
    }),
    [run],
  );
}
