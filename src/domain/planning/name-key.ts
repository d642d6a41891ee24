/**
 * The form of a name used to compare, never to show: people type "Jose" for "José", "ADA
 * LOVELACE" for "Ada Lovelace", or paste a double space. Comparing these keys makes all of those
 * the same person while display keeps the name as Miro shows it.
 */

import { toSingleLine } from '../text';

const COMBINING_MARKS = /\p{M}/gu;

export function nameKey(raw: string): string {
  return toSingleLine(raw).normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}
