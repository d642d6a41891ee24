// @vitest-environment jsdom
/**
 * How many components of the facilitator's panel re-render when one of 500 people joins.
 *
 * Counted the way React DevTools' profiler counts them: a commit hook walks the committed fiber
 * tree and counts every component fiber that executed (React's PerformedWork flag) in that
 * commit, skipping subtrees React did not visit. `<Profiler onRender>` alone only says that
 * *something* under it committed, and counting renders of chosen row components would miss the
 * rest of the tree.
 */
import { afterAll, expect, it } from 'vitest';
import { writePart } from './results';

/** The subset of a React fiber this walk reads (react-reconciler's ReactInternalTypes). */
type Fiber = {
  tag: number;
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
};
type FiberRoot = { current: Fiber };

// Work tags of components that run user code (react-reconciler/src/ReactWorkTags.js). A
// MemoComponent (14) is left out: its inner component is a fiber of its own and is counted there.
const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
const PERFORMED_WORK = 0b1;

const nameOf = (fiber: Fiber): string => {
  const type = fiber.type as {
    displayName?: string;
    name?: string;
    render?: { name?: string };
  } | null;
  return type?.displayName ?? type?.name ?? type?.render?.name ?? 'Anonymous';
};

type Commit = { rendered: { name: string; inFacilitatorView: boolean }[] };
const commits: Commit[] = [];
let recording = false;

function rendered(root: FiberRoot): Commit['rendered'] {
  const result: Commit['rendered'] = [];
  const visit = (fiber: Fiber, inView: boolean) => {
    const name = COMPONENT_TAGS.has(fiber.tag) ? nameOf(fiber) : null;
    const inside = inView || name === 'FacilitatorView';
    if (name !== null && (fiber.flags & PERFORMED_WORK) !== 0) {
      result.push({ name, inFacilitatorView: inside });
    }
    // Same child as before: React bailed out of the whole subtree, nothing below ran.
    if (fiber.alternate !== null && fiber.child === fiber.alternate.child) return;
    for (let child = fiber.child; child !== null; child = child.sibling) visit(child, inside);
  };
  const top = root.current;
  for (let child = top.child; child !== null; child = child.sibling) visit(child, false);
  return result;
}

// Installed before react-dom is imported (below, dynamically): React looks for it on load.
Object.assign(globalThis, {
  __REACT_DEVTOOLS_GLOBAL_HOOK__: {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: FiberRoot) => {
      if (recording) commits.push({ rendered: rendered(root) });
    },
    onPostCommitFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
  },
});

const PARTICIPANTS = 500;
const ROOMS = 50;

const waitFor = async (condition: () => boolean, what: string, timeoutMs = 60_000) => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Nothing committed for this long: the update has run its course. */
const waitForQuiet = async (quietMs: number) => {
  let seen = -1;
  while (seen !== commits.length) {
    seen = commits.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
};

let unmount: () => void = () => {};
afterAll(() => unmount());

it('counts the components one join re-renders with 500 people in 50 rooms', {
  timeout: 300_000,
}, async () => {
  const [
    { createElement, Profiler },
    { createRoot },
    { flushSync },
    sim,
    seam,
    headlessModule,
    boardContext,
    app,
    domain,
  ] = await Promise.all([
    import('react'),
    import('react-dom/client'),
    import('react-dom'),
    import('../src/simulator/index'),
    import('../src/sdk/connect'),
    import('../src/controller/headless'),
    import('../src/hooks/board-context'),
    import('../src/views/App'),
    import('../src/domain/split'),
  ]);
  const { createRandom } = await import('../src/domain/random');

  // Real timers and no latency: only the renders are measured here. The panel hears its own
  // tab's writes (S1 as miro-sdk.md recommends), as it must to show joins at all.
  const board = sim.createBoard({ seed: 7, echoToWriter: 'all' });
  const main = board.addFrame({ title: 'Main area', x: 0, y: 0, width: 1600, height: 900 });
  const frames = Array.from({ length: ROOMS }, (_, index) =>
    board.addFrame({
      title: `Room ${index + 1}`,
      x: (index % 8) * 1200,
      y: 2000 + Math.floor(index / 8) * 1000,
      width: 1000,
      height: 700,
    }),
  );
  const facilitator = board.addUser({ name: 'Fran Facilitator' });
  const tab = board.openTab(facilitator.id);
  // Participants' own apps play no part in what the facilitator's panel shows.
  const people = Array.from({ length: PARTICIPANTS }, (_, index) => {
    const user = board.addUser({ name: `Person ${index + 1}`, hasApp: false });
    board.openTab(user.id);
    return { id: user.id, name: user.name };
  });
  if (!tab.headless) throw new Error('no headless app');
  const headless = await headlessModule.startHeadless(seam.connect(tab.headless.miro).board);
  const control = headless.facilitator;
  const ok = async (command: Parameters<typeof control.handle>[0]) => {
    const result = await control.handle(command);
    if (!result.ok || !result.plan)
      throw new Error(`${command.type}: ${result.ok ? 'no plan' : result.message}`);
    return result.plan;
  };
  await ok({ type: 'claim' });
  const planned = await ok({
    type: 'edit',
    actions: [
      { type: 'roomsAdded', frames },
      {
        type: 'mainAreaChosen',
        mainArea: {
          kind: 'frame',
          frameId: main.id,
          frame: { x: 0, y: 0, width: 1600, height: 900 },
        },
      },
    ],
  });
  const split = domain.assignBalanced(
    people.map((person) => person.id),
    planned.rooms.map((room) => room.id),
    createRandom(7),
  );
  await ok({
    type: 'edit',
    actions: [{ type: 'peopleSplit', people, assignment: Object.fromEntries(split) }],
  });
  await ok({ type: 'start' });
  await board.idle();

  tab.clickAppIcon();
  await waitFor(() => tab.panel !== null, 'the panel to open');
  const panel = tab.panel;
  if (!panel) throw new Error('no panel');
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  unmount = () => root.unmount();
  const durations: number[] = [];
  const onRender = (_id: string, _phase: string, actualDuration: number) => {
    if (recording) durations.push(actualDuration);
  };
  flushSync(() =>
    root.render(
      createElement(
        Profiler,
        { id: 'panel', onRender },
        createElement(boardContext.BoardProvider, {
          board: seam.connect(panel.miro).board,
          children: createElement(app.App),
        }),
      ),
    ),
  );
  const rows = () => container.querySelectorAll('.room-card .person-row').length;
  await waitFor(() => rows() === PARTICIPANTS, 'every person listed in the running view');
  await waitForQuiet(500);

  const invitation = board.invitations()[0];
  if (!invitation) throw new Error('nobody is invited');
  const joiner = people.find((person) => person.id === invitation.userId);
  recording = true;
  board.respondToInvitation(invitation.id, 'accepted');
  await waitFor(
    () =>
      headless.reader.plan()?.people.find((person) => person.id === joiner?.id)?.status ===
      'joined',
    'the join to be written',
  );
  await board.idle();
  await waitForQuiet(500);
  recording = false;

  // The countdown re-renders once a second on its own (TimeLeft, useNow): those commits are the
  // clock, not the join, and are left out (and reported).
  const isTick = (commit: Commit) => commit.rendered.every((entry) => entry.name === 'TimeLeft');
  const clockTicks = commits.filter(isTick).length;
  const joinCommits = commits.filter((commit) => !isTick(commit));
  const all = joinCommits.flatMap((commit) => commit.rendered);
  const inView = all.filter((entry) => entry.inFacilitatorView);
  const byComponent: Record<string, number> = {};
  for (const { name } of all) byComponent[name] = (byComponent[name] ?? 0) + 1;
  writePart('render', {
    componentsPerJoin: all.length,
    facilitatorViewComponentsPerJoin: inView.length,
    rendersByComponent: byComponent,
    commits: joinCommits.length,
    clockTicksLeftOut: clockTicks,
    // Profiler durations line up with the hook's commits (one onRender per commit).
    updateMs:
      Math.round(
        durations
          .filter((_, index) => commits[index] && !isTick(commits[index] as Commit))
          .reduce((sum, ms) => sum + ms, 0) * 10,
      ) / 10,
    participants: PARTICIPANTS,
    rooms: ROOMS,
    method:
      'React DevTools commit hook: component fibers with PerformedWork in the commits caused by one join (dev build, jsdom, no StrictMode)',
  });
  expect(commits.length).toBeGreaterThan(0);
});
