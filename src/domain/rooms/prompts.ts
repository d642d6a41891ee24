/**
 * Per-room prompts and names, typed by the facilitator one line per room ("Customers", "Risks",
 * …): each prompt is written into its room as a text or a sticky note at a chosen spot, and
 * names the room unless a name was typed for it.
 */

import type { Rect } from '../plan';
import { cleanName } from '../text';
import type { ItemToMake } from './make-plan';

export const PROMPT_KINDS = ['text', 'sticky_note'] as const;
export const PROMPT_SPOTS = ['top-left', 'top', 'centre'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];
export type PromptSpot = (typeof PROMPT_SPOTS)[number];
export type PromptPlacement = { kind: PromptKind; spot: PromptSpot };

export const DEFAULT_PROMPT: PromptPlacement = { kind: 'text', spot: 'top-left' };

/** A prompt longer than this is not a prompt; it is cut, so one line cannot flood a room. */
export const MAX_PROMPT_LENGTH = 500;

/** The typed lines, one per room, blank lines dropped; names cleaned as names are. */
export function linesOf(raw: string, max: number): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, Math.max(0, max));
}

/** Room names from typed lines: one line of at most 80 characters each. */
export const namesOf = (raw: string, max: number): string[] =>
  linesOf(raw, max).map((line) => cleanName(line));

export const promptsOf = (raw: string, max: number): string[] =>
  linesOf(raw, max).map((line) => line.slice(0, MAX_PROMPT_LENGTH));

const MARGIN = 40;
const TEXT_WIDTH = 400;
const NOTE_WIDTH = 240;

/** The prompt as an item of its room, at the spot chosen, inside a frame of that size. */
export function promptItem(prompt: string, placement: PromptPlacement, frame: Rect): ItemToMake {
  const note = placement.kind === 'sticky_note';
  const width = Math.min(note ? NOTE_WIDTH : TEXT_WIDTH, Math.max(50, frame.width - 2 * MARGIN));
  const height = note ? width : 60;
  const x = placement.spot === 'top-left' ? MARGIN + width / 2 : frame.width / 2;
  const y = placement.spot === 'centre' ? frame.height / 2 : MARGIN + height / 2;
  return note
    ? { kind: 'sticky_note', x, y, width, text: prompt, style: { fillColor: 'light_yellow' } }
    : { kind: 'text', x, y, width, text: prompt, style: { fontSize: 24 } };
}
