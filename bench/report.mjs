// @ts-check
/**
 * Last step of `npm run bench`: measures the production build in dist/, joins it with what the
 * Vitest runs measured (node_modules/.cache/breakout-bench/*.json), prints the table with its
 * targets and writes bench/results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const parts = resolve(root, 'node_modules/.cache/breakout-bench');
const dist = resolve(root, 'dist');

/** @param {string} name */
const readPart = (name) => JSON.parse(readFileSync(resolve(parts, `${name}.json`), 'utf8'));
/** @typedef {import('./results').ScenarioResult} Scenario */
/** @type {import('./results').ScenarioOutcome[]} */
const outcomes = readPart('scenarios');
/** @type {Scenario[]} */
const ran = outcomes.flatMap((s) => ('failed' in s ? [] : [s]));
/** @type {import('./results').RenderResult} */
const render = readPart('render');
/** @type {{ people: number, rooms: number, rounds: number, repeatPairs: number, lowerBound: number, ms: number, seed: number }[]} */
const rotation = readPart('rotation');
// Rooms with material (bench/rooms.run.ts, issue #18): template copies and the activity poll.
const rooms = readPart('rooms');
// 50 breakouts in a row on one board (bench/leaks.run.ts): what the apps hold after the 1st and the 50th.
/** @type {{ breakouts: number, participants: number, rooms: number, seed: number, afterFirst: Held, afterLast: Held }} */
const leaks = readPart('leaks');
/** @typedef {{ listeners: number, storageSubscriptions: number, timers: number }} Held */
const heldText = (/** @type {Held} */ h) =>
  `${h.listeners} listeners, ${h.storageSubscriptions} subscriptions, ${h.timers} timers`;
const noLeak =
  leaks.afterLast.listeners === leaks.afterFirst.listeners &&
  leaks.afterLast.storageSubscriptions === leaks.afterFirst.storageSubscriptions &&
  leaks.afterLast.timers === leaks.afterFirst.timers;
// Measured in Chromium by tests/e2e/layout.spec.ts (BENCH_LAYOUT=1): sizes at the panel's 368 px.
/** @type {{ runningView10x5Px: number, planningMainPathFits: boolean, planningMainPathBottomPx: number, participantKeyControlsBottomPx: number }} */
const layoutPart = readPart('layout');
const layout = {
  runningView10x5Px: layoutPart.runningView10x5Px,
  planningMainPathFits: layoutPart.planningMainPathFits,
  participantKeyControlsBottomPx: layoutPart.participantKeyControlsBottomPx,
};

// ---- Bundle: each entry page's scripts and styles, and every chunk they import statically.

/** @param {string} file */
const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** @param {string} html @returns {{ js: string[], css: string[] }} */
function entryAssets(html) {
  const text = readFileSync(resolve(dist, html), 'utf8');
  const js = [...text.matchAll(/<script[^>]+type="module"[^>]+src="\/?([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  return { js, css };
}

/** Static imports only: a dynamic import() is loaded later, if ever. @param {string[]} entries */
function staticGraph(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(resolve(dist, file), 'utf8');
    for (const match of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      queue.push(`${dirname(file)}/${match[1]}`);
    }
  }
  return [...seen];
}

/** @param {string[]} files */
const sumGzip = (files) => files.reduce((sum, file) => sum + gzipBytes(resolve(dist, file)), 0);

const panel = entryAssets('app.html');
const headless = entryAssets('index.html');
const panelJs = staticGraph(panel.js);
const headlessJs = staticGraph(headless.js);
// React's element symbols and its DevTools hook name survive minification.
const headlessHasReact = headlessJs.some((file) =>
  /react\.(transitional\.)?element|__REACT_DEVTOOLS_GLOBAL_HOOK__/.test(
    readFileSync(resolve(dist, file), 'utf8'),
  ),
);
const bundle = {
  panelJsGzip: sumGzip(panelJs),
  panelCssGzip: sumGzip(panel.css),
  headlessJsGzip: sumGzip(headlessJs),
  headlessHasReact,
  panelJsFiles: panelJs,
  headlessJsFiles: headlessJs,
};

// ---- Targets.

const SUBSCRIPTION = /\.(on|off|onValue|offValue)$/;
/** Credit-bearing requests; subscriptions are registrations and are shown on their own row. @param {Record<string, number>} calls */
const requests = (calls) =>
  Object.entries(calls).reduce(
    (sum, [method, count]) => sum + (SUBSCRIPTION.test(method) ? 0 : count),
    0,
  );
/** @param {Record<string, number>} calls */
const subscriptions = (calls) =>
  Object.entries(calls).reduce(
    (sum, [method, count]) => sum + (SUBSCRIPTION.test(method) ? count : 0),
    0,
  );
/** @param {Record<string, number>} calls */
const byMethod = (calls) =>
  Object.entries(calls)
    .map(([method, count]) => `${method.replace(/^collaboration\./, 'collab.')}×${count}`)
    .join(' ');
const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pct = (/** @type {number} */ share) => `${(share * 100).toFixed(1)}%`;
const joinWindows = (/** @type {Scenario} */ s) => Math.ceil(s.msJoins / 250);

/** @typedef {{ label: string, values: string[], target: string, met: boolean | null }} Row */
/** @type {Row[]} */
const rows = [];
/**
 * @param {string} label
 * @param {(s: Scenario) => string | number} value
 * @param {string} target
 * @param {((s: Scenario) => boolean) | null} [check]
 */
const row = (label, value, target, check = null) =>
  rows.push({
    label,
    values: outcomes.map((s) => ('failed' in s ? 'did not run' : String(value(s)))),
    target,
    met: check ? outcomes.every((s) => !('failed' in s) && check(s)) : null,
  });

if (outcomes.some((s) => 'failed' in s)) {
  rows.push({
    label: 'Ran',
    values: outcomes.map((s) => ('failed' in s ? `no: ${s.failed.replaceAll('|', '/')}` : 'yes')),
    target: 'every size',
    met: false,
  });
}

row(
  'Facilitator requests, Start command',
  (s) => requests(s.phases.start.facilitatorCalls),
  '≤ 2·rooms + 3 + values written',
  (s) =>
    requests(s.phases.start.facilitatorCalls) <= 2 * s.rooms + 3 + s.phases.start.storageWrites,
);
row(
  'Stored values written by the Start command',
  (s) => s.phases.start.storageWrites,
  '≤ rooms / 10 + 2',
  (s) => s.phases.start.storageWrites <= s.rooms / 10 + 2,
);
row('  by method', (s) => byMethod(s.phases.start.facilitatorCalls), '', null);
row(
  'Facilitator subscriptions at Start (0 credits)',
  (s) => subscriptions(s.phases.start.facilitatorCalls),
  'info',
  null,
);
row(
  'Facilitator requests admitting joins',
  (s) => `${requests(s.phases.admission.facilitatorCalls)} (${joinWindows(s)} windows)`,
  '≤ one per 250 ms of joins, none per person',
  (s) =>
    requests(s.phases.admission.facilitatorCalls) <= joinWindows(s) &&
    Object.keys(s.phases.admission.facilitatorCalls).every((m) => m === 'storage.set'),
);
row(
  'Participant requests, invitation → frame (max)',
  (s) => requests(s.phases.toFrame.participantCallsMax),
  '≤ 3',
  (s) => requests(s.phases.toFrame.participantCallsMax) <= 3,
);
row('  by method', (s) => byMethod(s.phases.toFrame.participantCallsMax), '', null);
row(
  'Storage writes, whole start',
  (s) => s.phases.toFrame.storageWrites,
  '≤ 3 + 1 per 250 ms of joins',
  (s) => s.phases.toFrame.storageWrites <= 3 + joinWindows(s),
);
row(
  'Start → all in frame',
  (s) => `${s.msStartToAllInFrame} ms`,
  'info (accepting takes 1–5 s)',
  null,
);
row(
  'Last acceptance → all in frame',
  (s) => `${s.msLastAcceptanceToAllInFrame} ms`,
  '≤ 5 round trips (500 ms)',
  (s) => s.msLastAcceptanceToAllInFrame <= 5 * s.roundTripMs,
);
row(
  'End → all back',
  (s) => `${s.msEndToAllBack} ms`,
  '≤ 3 round trips (300 ms)',
  (s) => s.msEndToAllBack <= 3 * s.roundTripMs,
);
row(
  'Facilitator credits, start + admission',
  (s) =>
    `${s.phases.start.facilitatorCredits + s.phases.admission.facilitatorCredits} (${pct(s.facilitatorShareOfMinuteBudget)} of 100k/min)`,
  '< 10% of the minute budget (≤ 15% at 1,000 × 100)',
  (s) => s.facilitatorShareOfMinuteBudget < (s.participants >= 1000 ? 0.15 : 0.1),
);
row(
  'Facilitator calls / credits, whole breakout',
  (s) => `${s.facilitatorCalls} / ${s.facilitatorCredits}`,
  'info',
  null,
);
row('  by method', (s) => byMethod(s.facilitatorCallsByMethod), '', null);
row(
  'Busiest participant calls / credits, whole breakout',
  (s) =>
    `${s.participantCallsMax} / ${s.participantCreditsMax} (${pct(s.participantCreditsMax / 100_000)})`,
  'info',
  null,
);
row('  by method', (s) => byMethod(s.participantCallsByMethodMax), '', null);
row(
  'Storage writes / bytes written, whole breakout',
  (s) => `${s.storageWrites} / ${kB(s.storageBytesWritten)}`,
  'info',
  null,
);
row(
  'Largest stored value, any key',
  (s) => `${s.maxStoredValueBytes} B (${pct(s.maxStoredValueBytes / 65_536)} of a key)`,
  '≤ 16,384 B (a quarter of a key)',
  (s) => s.maxStoredValueBytes <= 16_384,
);
row('Keys holding a value at the end', (s) => s.storageKeys, 'info', null);
row(
  'Storage bytes delivered per join, Start + admission',
  (s) => `${s.storageBytesDeliveredPerJoin.admission} B`,
  '≤ 16,384 B',
  (s) => s.storageBytesDeliveredPerJoin.admission <= 16_384,
);
row(
  'Storage bytes delivered per join, end',
  (s) => `${s.storageBytesDeliveredPerJoin.end} B`,
  '≤ 16,384 B',
  (s) => s.storageBytesDeliveredPerJoin.end <= 16_384,
);
row('Broadcasts sent', (s) => s.broadcasts, 'info', null);
row(
  'Calls refused by the rate limit',
  (s) => s.rateLimitedCalls,
  '0',
  (s) => s.rateLimitedCalls === 0,
);

const single = [
  {
    label: `Held after breakout ${leaks.breakouts} of a row vs after the 1st (${leaks.participants} × ${leaks.rooms}, every app)`,
    value: `${heldText(leaks.afterLast)} (after the 1st: ${heldText(leaks.afterFirst)})`,
    target: 'as after the 1st',
    met: noLeak,
  },
  {
    label: `One join re-renders (${render.participants} × ${render.rooms}), facilitator view`,
    value: `${render.facilitatorViewComponentsPerJoin} (${Object.entries(render.rendersByComponent)
      .map(([n, c]) => `${n}×${c}`)
      .join(' ')})`,
    target: '≤ 3',
    met: render.facilitatorViewComponentsPerJoin <= 3,
  },
  {
    label: '  time of that update in jsdom (dev build)',
    value: `${render.updateMs} ms`,
    target: 'info',
    met: null,
  },
  {
    label: 'Running view, 10 rooms × 5 people, height at 368 px (Chromium)',
    value: `${layout.runningView10x5Px} px`,
    target: '≤ 2,600 px',
    met: layout.runningView10x5Px <= 2_600,
  },
  {
    label: 'Planning main path, 6 rooms × 12 people, fits 368 × 700',
    value: `${layout.planningMainPathFits ? 'yes' : 'no'} (bottom at ${layoutPart.planningMainPathBottomPx} px)`,
    target: 'yes',
    met: layout.planningMainPathFits,
  },
  {
    label: "Participant's room name, time left and help button: lowest bottom edge",
    value: `${layout.participantKeyControlsBottomPx} px`,
    target: '≤ 400 px',
    met: layout.participantKeyControlsBottomPx <= 400,
  },
  {
    label: 'Panel JS, gzip',
    value: kB(bundle.panelJsGzip),
    target: '≤ 90 kB',
    met: bundle.panelJsGzip <= 90_000,
  },
  {
    label: 'Panel CSS, gzip',
    value: kB(bundle.panelCssGzip),
    target: '≤ 15 kB',
    met: bundle.panelCssGzip <= 15_000,
  },
  {
    label: 'Headless JS, gzip',
    value: kB(bundle.headlessJsGzip),
    target: '≤ 8 kB',
    met: bundle.headlessJsGzip <= 8_000,
  },
  {
    label: 'React in the headless bundle',
    value: headlessHasReact ? 'yes' : 'no',
    target: 'no',
    met: !headlessHasReact,
  },
];

// ---- Table (Markdown, so docs/performance.md can take it as is).

const mark = (/** @type {boolean | null} */ met) => (met === null ? '' : met ? '✅' : '❌');
const head = ['Measure', ...outcomes.map((s) => `${s.participants} × ${s.rooms}`), 'Target', ''];
const lines = [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${[r.label, ...r.values, r.target, mark(r.met)].join(' | ')} |`),
  ...single.map(
    (r) =>
      `| ${[r.label, r.value, ...outcomes.slice(1).map(() => ''), r.target, mark(r.met)].join(' | ')} |`,
  ),
];
console.log(
  `\nBreakout benchmark: simulated round trip ${ran[0]?.roundTripMs} ms per call and per event, seed ${ran[0]?.seed}\n`,
);
console.log(lines.join('\n'));

// Rotation rounds: repeated pairings of the planner against the bound no schedule can beat.
console.log(
  `\nRotation rounds (seed ${rotation[0]?.seed}): repeated pairings vs the lower bound\n`,
);
console.log(
  [
    '| People | Rooms | Rounds | Repeat pairings | Lower bound | Time |',
    '|---|---|---|---|---|---|',
    ...rotation.map(
      (r) =>
        `| ${r.people} | ${r.rooms} | ${r.rounds} | ${r.repeatPairs} | ${r.lowerBound} | ${r.ms} ms |`,
    ),
  ].join('\n'),
);

// Rooms with material: copying a 15-item template into K rooms, and the watch while rooms run.
console.log(`\nRooms from a template (seed ${rooms.seed}): paced to half the credit budget\n`);
console.log(
  [
    '| Rooms × items | Calls | Credits | Simulated minutes | Peak share of a minute’s credits | Target |',
    '|---|---|---|---|---|---|',
    ...rooms.templateCopy.map(
      (r) =>
        `| ${r.rooms} × ${r.items} | ${r.calls} | ${r.credits} | ${r.simulatedMinutes} | ${r.peakShareOfMinuteBudget} | ≤ 0.5 ${mark(r.peakShareOfMinuteBudget <= 0.5)} |`,
    ),
  ].join('\n'),
);
console.log(
  "\nWatching rooms work: the facilitator app's poll, by I1 variant (who gets item events)\n",
);
console.log(
  [
    '| I1 variant | Rooms | Poll calls a minute | Items added / seen | Target |',
    '|---|---|---|---|---|',
    ...rooms.activityPoll.map(
      (r) =>
        `| ${r.itemEventRecipients} | ${r.rooms} | ${r.pollCallsPerMinute} | ${r.itemsAdded} / ${r.itemsSeen} | ≤ 2 ${mark(r.pollCallsPerMinute <= 2 && r.itemsSeen === r.itemsAdded)} |`,
    ),
  ].join('\n'),
);

const results = {
  scenarios: outcomes,
  render,
  bundle,
  rotation,
  layout,
  templateCopy: rooms.templateCopy.map(
    ({ rooms: count, items, calls, credits, simulatedMinutes, peakShareOfMinuteBudget }) => ({
      rooms: count,
      items,
      calls,
      credits,
      simulatedMinutes,
      peakShareOfMinuteBudget,
    }),
  ),
  activityPoll: rooms.activityPoll,
  leaks,
  targets: [
    ...rows,
    ...single.map((r) => ({ label: r.label, values: [r.value], target: r.target, met: r.met })),
  ],
};
writeFileSync(
  resolve(import.meta.dirname, 'results.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log('\nWrote bench/results.json');
const missed = [...rows, ...single].filter((r) => r.met === false).map((r) => r.label.trim());
if (missed.length > 0) console.log(`Targets missed: ${missed.join('; ')}`);
