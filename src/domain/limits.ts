/**
 * Bounds on everything the plan and the broadcast messages may hold. They exist so that a damaged
 * or hostile value can never make a client allocate without limit, and so the writer, the reader
 * and the reducer agree on what a valid plan is.
 */

/** Realtime storage holds at most 64 KB per key (miro-sdk.md 2.4, simulator S6). */
export const PLAN_MAX_BYTES = 64 * 1024;

export const MAX_ROOMS = 200;
/**
 * A sanity bound for the reader. The byte limit bites first: a person costs roughly 100-150 bytes
 * of JSON, so about 450-600 people fit in one key. Writers must check `planBytes`.
 */
export const MAX_PEOPLE = 2000;
export const MAX_HELP_REQUESTS = 200;

/** Names shown to people (rooms, persons) after cleaning, in code points. */
export const MAX_NAME_CODE_POINTS = 80;
/** Longer raw text is not a name but damage or abuse: the reader rejects it instead of cleaning. */
export const MAX_RAW_NAME_LENGTH = 10_000;
/** Miro ids are ~19-digit numeric strings; this leaves room for other id shapes. */
export const MAX_ID_LENGTH = 200;

export const MIN_DURATION_MS = 60_000;
export const MAX_DURATION_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DURATION_MS = 15 * 60 * 1000;

/** Board coordinates beyond this are not a frame anyone can navigate to. */
export const MAX_COORDINATE = 1e9;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** A time as the reducers take it from actions: finite and not before 1970. */
export const isTimestamp = (value: number) => Number.isFinite(value) && value >= 0;

export function isValidDuration(value: number | null): boolean {
  return (
    value === null ||
    (Number.isInteger(value) && value >= MIN_DURATION_MS && value <= MAX_DURATION_MS)
  );
}
