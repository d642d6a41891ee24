/**
 * The breakout plan: the value in realtime storage that says which rooms exist, who is in which,
 * and what phase the breakout is in. Written only by the facilitator's client. Its shape is
 * defined once, with valibot, in stored/ (plan-v1.ts and its parts): the types here are read from
 * those definitions, so the type, the reader and the encoder cannot drift apart.
 *
 * Stored people are `{id, name}` plus their room and status: never an email (D11).
 */

import type * as v from 'valibot';
import type { CoFacilitationSchema } from './stored/co-facilitation';
import type {
  AnnouncementSchema,
  FacilitationSchema,
  RoomClosureSchema,
} from './stored/facilitation';
import type {
  HelpRequestSchema,
  MainAreaSchema,
  PersonSchema,
  PHASES,
  PlanSchema,
  RoomSchema,
  STATUSES,
  TIMERS,
} from './stored/plan-v1';

export type {
  FrameItemCount,
  FrameItems,
  PreAssignment,
  ReportBackPosition,
  Rotation,
  SelfSelect,
} from './stored/planning';
export type { PersonRef, Rect } from './stored/shapes';

export const PLAN_SCHEMA_VERSION = 1;
export const PLAN_COLLECTION = 'breakout-rooms';
export const PLAN_KEY = 'plan';

export type Room = v.InferOutput<typeof RoomSchema>;
export type PersonStatus = (typeof STATUSES)[number];
export type Person = v.InferOutput<typeof PersonSchema>;
export type MainArea = NonNullable<v.InferOutput<typeof MainAreaSchema>>;
export type HelpRequest = v.InferOutput<typeof HelpRequestSchema>;
export type Phase = (typeof PHASES)[number];
export type TimerMode = (typeof TIMERS)[number];
export type Announcement = v.InferOutput<typeof AnnouncementSchema>;
export type RoomClosure = v.InferOutput<typeof RoomClosureSchema>;
export type Facilitation = v.InferOutput<typeof FacilitationSchema>;
export type CoFacilitation = v.InferOutput<typeof CoFacilitationSchema>;
export type Plan = v.InferOutput<typeof PlanSchema>;
