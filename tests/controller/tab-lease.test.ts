import { expect, it, vi } from 'vitest';
import { type Locks, tabLease } from '../../src/controller/tab-lease';
import { createLocks } from '../support/fake-locks';

const NAME = 'breakout-rooms/board-1/user-1/facilitating';

function twoTabs(locks: Locks = createLocks()) {
  const first = { granted: vi.fn(), lost: vi.fn() };
  const second = { granted: vi.fn(), lost: vi.fn() };
  return {
    first: { events: first, lease: tabLease(locks, NAME, first) },
    second: { events: second, lease: tabLease(locks, NAME, second) },
  };
}

it('the first tab holds the lease; the second waits and is given it when the first goes', async () => {
  const { first, second } = twoTabs();
  expect(await first.lease.holdOrWait()).toBe(true);
  expect(await second.lease.holdOrWait()).toBe(false);
  expect(second.lease.held()).toBe(false);

  first.lease.release();
  await vi.waitFor(() => expect(second.events.granted).toHaveBeenCalledTimes(1));
  expect(second.lease.held()).toBe(true);
  expect(first.lease.held()).toBe(false);
  expect(first.events.lost).not.toHaveBeenCalled();
});

it('a tab that takes the lease leaves the other tab without it, and tells it so', async () => {
  const { first, second } = twoTabs();
  await first.lease.holdOrWait();
  await second.lease.holdOrWait();
  await second.lease.take();
  expect(second.lease.held()).toBe(true);
  await vi.waitFor(() => expect(first.events.lost).toHaveBeenCalledTimes(1));
  expect(first.lease.held()).toBe(false);
  // The second tab's own wait was given up for the take: no late grant on top of it.
  expect(second.events.granted).not.toHaveBeenCalled();
});

it('asking twice at once is one request: the tab does not find itself in its own way', async () => {
  const { first } = twoTabs();
  // A second request would be refused by the first one's lock, and queue behind it for good.
  const answers = await Promise.all([first.lease.holdOrWait(), first.lease.holdOrWait()]);
  expect(answers).toEqual([true, true]);
});

it('where the browser refuses locks (a sandboxed frame), every tab runs the breakout, as without them', async () => {
  const refusing: Locks = {
    request: (() =>
      Promise.reject(new DOMException('Access denied', 'SecurityError'))) as Locks['request'],
  };
  const { first, second } = twoTabs(refusing);
  expect(await first.lease.holdOrWait()).toBe(true);
  expect(await second.lease.holdOrWait()).toBe(true);
  expect(first.lease.held() && second.lease.held()).toBe(true);
});
