import type { SdkMethod } from './api';

/**
 * Credits per call (miro-sdk.md 4.2). UI plumbing and every subscription are free; every other
 * method the app uses is Level 1 (50 credits), documented or assumed.
 */
const FREE_METHODS = new Set<SdkMethod>([
  'ui.openPanel',
  'ui.closePanel',
  'ui.canOpenPanel',
  'ui.getPanelData',
  'ui.on',
  'ui.off',
  'storage.onValue',
  'storage.offValue',
  'events.on',
  'events.off',
  'timer.on',
  'timer.off',
  'collaboration.on',
  'collaboration.off',
  'session.on',
  'session.off',
]);

export const LEVEL_1_CREDITS = 50;

export const creditsFor = (method: SdkMethod): number =>
  FREE_METHODS.has(method) ? 0 : LEVEL_1_CREDITS;
