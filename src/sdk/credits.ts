/**
 * Credit price of each SDK call (miro-sdk.md 4.2). UI plumbing and subscriptions are free;
 * everything else the app calls is Level 1. The simulator charges from this same table, so the
 * app's own meter and the simulated platform's ledger cannot disagree.
 */
const LEVEL_1 = 50;

const FREE_METHODS = new Set([
  'ui.openPanel',
  'ui.closePanel',
  'ui.canOpenPanel',
  'ui.getPanelData',
  'ui.on',
  'ui.off',
  'storage.collection',
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

export const PER_MINUTE_CREDITS = 100_000;
export const PER_HOUR_CREDITS = 1_000_000;

export const creditsOf = (method: string): number => (FREE_METHODS.has(method) ? 0 : LEVEL_1);
