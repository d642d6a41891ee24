/**
 * Credit price of each SDK call (miro-sdk.md 4.1, 4.2, 2.10a). UI plumbing and subscriptions are
 * free; creating or updating an image or an embed is Level 3; everything else the app calls is
 * Level 1. The simulator charges from this same table, so the app's own meter and the simulated
 * platform's ledger cannot disagree. Item methods are named by the item's type (`frame.add`,
 * `image.sync`), as the seam meters them.
 */
const LEVEL_1 = 50;
const LEVEL_3 = 500;

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

const LEVEL_3_METHODS = new Set([
  'board.createImage',
  'board.createEmbed',
  'image.sync',
  'embed.sync',
]);

export const PER_MINUTE_CREDITS = 100_000;
export const PER_HOUR_CREDITS = 1_000_000;

export const creditsOf = (method: string): number => {
  if (FREE_METHODS.has(method)) return 0;
  return LEVEL_3_METHODS.has(method) ? LEVEL_3 : LEVEL_1;
};
