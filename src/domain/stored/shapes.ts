/**
 * Stored shapes shared by several records: a person as `{id, name}` (never an email, D11) and a
 * rectangle on the board.
 */

import type * as v from 'valibot';
import { MAX_COORDINATE } from '../limits';
import { count, id, name, record } from './valid';

export const PersonRefSchema = record({ id: id(), name: name() });

const coordinate = () => count({ min: -MAX_COORDINATE, max: MAX_COORDINATE });
const size = () => count({ min: 0, max: MAX_COORDINATE });

export const RectSchema = record({
  x: coordinate(),
  y: coordinate(),
  width: size(),
  height: size(),
});

export type PersonRef = v.InferOutput<typeof PersonRefSchema>;
export type Rect = v.InferOutput<typeof RectSchema>;
