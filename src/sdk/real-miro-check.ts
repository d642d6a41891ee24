import type { Miro, UIEventType } from '@mirohq/websdk-types';
import type { MiroSurface, UiEvents } from './surface';

/** Compile-time proof that the real `miro` global fits the surface the app uses. */
export const asSurface = (miro: Miro): MiroSurface => miro;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof that `ui.on` knows every event name Miro's types allow, and no other. */
export const everyUiEvent: Same<keyof UiEvents, UIEventType> = true;
