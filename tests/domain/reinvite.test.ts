import { describe, expect, it } from 'vitest';
import { worthInvitingAgain } from '../../src/domain/reinvite';

describe('worthInvitingAgain', () => {
  it('offers nothing while the rooms open, before anyone could answer', () => {
    for (const display of ['assigned', 'invited', 'declined', 'left'] as const) {
      expect(worthInvitingAgain(display, null)).toBe(false);
    }
  });

  it('offers it at once to those who said no, let it lapse, left or were never invited', () => {
    for (const display of ['declined', 'dismissed', 'timed-out', 'left', 'assigned'] as const) {
      expect(worthInvitingAgain(display, false)).toBe(true);
    }
  });

  it('offers it for an open invitation only once it had its time to be answered', () => {
    expect(worthInvitingAgain('invited', false)).toBe(false);
    expect(worthInvitingAgain('invited', true)).toBe(true);
  });

  it('never to someone who is in, offline or back in the main area', () => {
    for (const display of ['joined', 'offline', 'returned'] as const) {
      expect(worthInvitingAgain(display, true)).toBe(false);
    }
  });
});
