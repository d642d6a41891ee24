import type { Miro } from '@mirohq/websdk-types';
import type { MiroSurface } from './surface';

/** Compile-time proof that the real `miro` global fits the surface the app uses. */
export const asSurface = (miro: Miro): MiroSurface => miro;
