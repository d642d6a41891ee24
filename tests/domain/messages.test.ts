import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BROADCAST_EVENT,
  closeYourRooms,
  createRateLimiter,
  helpRequested,
  parseMessage,
  rejoinRequested,
} from '../../src/domain/messages';
import { propertyOptions } from './fixtures';

const from = { id: 'u1', name: 'Ada' };

describe('message builders', () => {
  it('build messages that parse back to themselves', () => {
    expect(parseMessage(helpRequested('run-1', from))).toEqual({
      type: 'help-requested',
      runId: 'run-1',
      from,
    });
    expect(parseMessage(rejoinRequested('run-1', from))).toEqual({
      type: 'rejoin-requested',
      runId: 'run-1',
      from,
    });
    expect(parseMessage(closeYourRooms('run-1', from))).toEqual({
      type: 'close-your-rooms',
      runId: 'run-1',
      from,
    });
  });

  it('send only id and name, never an email (D11)', () => {
    const user = { id: 'u1', name: 'Ada', email: 'ada@example.com' };
    expect(JSON.stringify(helpRequested('run-1', user))).not.toContain('example.com');
  });

  it('use one event name for the app', () => {
    expect(BROADCAST_EVENT).toBe('breakout-rooms');
  });
});

describe('parseMessage', () => {
  const valid = { type: 'help-requested', runId: 'run-1', from };

  it('cleans the sender name', () => {
    expect(parseMessage({ ...valid, from: { id: 'u1', name: 'Ada\u202E\n' } })?.from.name).toBe(
      'Ada',
    );
  });

  it.each([
    ['an unknown type', { ...valid, type: 'delete-plan' }],
    ['a missing run id', { type: 'help-requested', from }],
    ['a number as id', { ...valid, from: { id: 7, name: 'x' } }],
    ['a huge name', { ...valid, from: { id: 'u1', name: 'x'.repeat(1001) } }],
    ['a huge id', { ...valid, from: { id: 'u'.repeat(201), name: 'x' } }],
    ['extra nesting', { ...valid, from: { ...from, profile: { email: 'a@b' } } }],
    ['an extra field', { ...valid, payload: [1, 2, 3] }],
    ['an array', [valid]],
    ['a string', JSON.stringify(valid)],
    ['nothing', undefined],
  ])('rejects %s', (_, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const message = parseMessage(raw);
        expect(message === null || typeof message === 'object').toBe(true);
      }),
      propertyOptions,
    );
  });

  it('survives an object whose getters throw', () => {
    const hostile = {
      type: 'help-requested',
      runId: 'r',
      get from(): never {
        throw new Error('boom');
      },
    };
    expect(parseMessage(hostile)).toBeNull();
  });
});

describe('createRateLimiter', () => {
  it('lets the first message through and drops repeats from the same person within the window', () => {
    const limiter = createRateLimiter({ perPersonMs: 10_000 });
    expect(limiter.allow('u1', 0)).toBe(true);
    expect(limiter.allow('u1', 5_000)).toBe(false);
    expect(limiter.allow('u2', 5_000)).toBe(true);
    expect(limiter.allow('u1', 10_000)).toBe(true);
  });

  it('measures the window from the last message let through, not the last one dropped', () => {
    const limiter = createRateLimiter({ perPersonMs: 10_000 });
    limiter.allow('u1', 0);
    limiter.allow('u1', 9_000);
    expect(limiter.allow('u1', 10_500)).toBe(true);
  });

  it('does not lock anyone out when the clock goes backwards', () => {
    const limiter = createRateLimiter({ perPersonMs: 10_000 });
    limiter.allow('u1', 50_000);
    expect(limiter.allow('u1', 1_000)).toBe(true);
  });

  it('remembers a bounded number of people', () => {
    const limiter = createRateLimiter({ perPersonMs: 10_000, maxTracked: 2 });
    limiter.allow('a', 0);
    limiter.allow('b', 0);
    limiter.allow('c', 0);
    // 'a' was forgotten to make room: at worst one extra message gets through.
    expect(limiter.allow('a', 1)).toBe(true);
    expect(limiter.allow('c', 1)).toBe(false);
  });
});
