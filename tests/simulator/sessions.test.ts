import type { InvitationResponseEvent, Session, UserSessionEvent } from '@mirohq/websdk-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimOptions } from '../../src/simulator/api';
import { fakeBoard, miroOf, rejection, run, settle, userWithTab } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

type Log = string[];

/** Facilitator F starts "Room 1" and listens to its events; P1 and P2 are online participants. */
const scene = async (options: Partial<SimOptions> = {}) => {
  const board = fakeBoard(options);
  const f = userWithTab(board, 'Facilitator');
  const p1 = userWithTab(board, 'P1');
  const p2 = userWithTab(board, 'P2');
  const session = await run(board, f.miro.board.collaboration.startSession({ name: 'Room 1' }));
  const log: Log = [];
  await listen(board, session, log, 'F');
  return { board, f, p1, p2, session, log };
};

const listen = async (
  board: ReturnType<typeof fakeBoard>,
  session: Session,
  log: Log,
  who: string,
) => {
  await run(
    board,
    session.on(
      'user-joined',
      async (e: UserSessionEvent) => void log.push(`${who}:joined:${e.userId}`),
    ),
  );
  await run(
    board,
    session.on(
      'user-left',
      async (e: UserSessionEvent) => void log.push(`${who}:left:${e.userId}`),
    ),
  );
  await run(
    board,
    session.on(
      'invitation-responded',
      async (e: InvitationResponseEvent) =>
        void log.push(
          `${who}:responded:${e.response.user}:${e.response.status}:${e.response.reason}`,
        ),
    ),
  );
};

const memberIds = (board: ReturnType<typeof fakeBoard>, sessionId: string) =>
  board.sessions().find((s) => s.id === sessionId)?.memberIds ?? [];

describe('collaboration sessions (miro-sdk.md 2.1–2.2, C1–C19)', () => {
  it('startSession returns a Session with name, description, color and starter fields', async () => {
    const { f, session } = await scene();
    expect(session).toMatchObject({
      name: 'Room 1',
      description: '',
      starterId: f.user.id,
      starterName: 'Facilitator',
    });
    expect(typeof session.id).toBe('string');
    expect(typeof session.color).toBe('string');
  });

  it('an invitation appears for the invitee in every tab and accepting emits responded then joined (C1, C3)', async () => {
    const { board, p1, session, log } = await scene();
    board.openTab(p1.user.id);
    await run(board, session.invite([{ id: p1.user.id, name: 'P1' }]));
    const [invitation] = board.invitations(p1.user.id);
    expect(invitation).toMatchObject({
      sessionId: session.id,
      sessionName: 'Room 1',
      inviterName: 'Facilitator',
    });
    expect(board.tabs(p1.user.id).length).toBe(2); // one toast per user, shown in every tab
    board.respondToInvitation(invitation?.id ?? '', 'accepted');
    await settle(board);
    expect(log).toEqual([
      `F:responded:${p1.user.id}:accepted:clicked-button`,
      `F:joined:${p1.user.id}`,
    ]);
    expect(memberIds(board, session.id)).toEqual([p1.user.id]);
    expect(board.invitations()).toEqual([]);
  });

  it("acceptEventOrder 'joined-then-responded' reverses the two events (C3 variant)", async () => {
    const { board, p1, session, log } = await scene({ acceptEventOrder: 'joined-then-responded' });
    board.autoRespond(p1.user.id, 'accepted');
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(log).toEqual([
      `F:joined:${p1.user.id}`,
      `F:responded:${p1.user.id}:accepted:clicked-button`,
    ]);
  });

  it("the invitee's viewport does not move when they accept (C3)", async () => {
    const { board, p1, session } = await scene();
    const before = p1.user.viewport;
    board.autoRespond(p1.user.id, 'accepted');
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(p1.user.viewport).toEqual(before);
  });

  it('invite accepts both invite([a, b]) and invite(a, b) (flattened one level)', async () => {
    const { board, p1, p2, session } = await scene();
    await run(board, session.invite([{ id: p1.user.id, name: 'P1' }]));
    await run(board, session.invite({ id: p2.user.id, name: 'P2' }));
    expect(
      board
        .invitations()
        .map((i) => i.userId)
        .sort(),
    ).toEqual([p1.user.id, p2.user.id].sort());
  });

  it('declining emits invitation-responded rejected / clicked-button and no join', async () => {
    const { board, p1, session, log } = await scene();
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    board.respondToInvitation(board.invitations(p1.user.id)[0]?.id ?? '', 'rejected');
    await settle(board);
    expect(log).toEqual([`F:responded:${p1.user.id}:rejected:clicked-button`]);
    expect(memberIds(board, session.id)).toEqual([]);
  });

  it('clicking outside the toast rejects with reason clicked-outside (C1)', async () => {
    const { board, p1, session, log } = await scene();
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    board.respondToInvitation(
      board.invitations(p1.user.id)[0]?.id ?? '',
      'rejected',
      'clicked-outside',
    );
    await settle(board);
    expect(log).toEqual([`F:responded:${p1.user.id}:rejected:clicked-outside`]);
  });

  it('an unanswered invitation times out after 30 s with reason timed-out (C2 default)', async () => {
    const { board, p1, session, log } = await scene();
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await vi.advanceTimersByTimeAsync(29_999);
    await settle(board);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await settle(board);
    expect(log).toEqual([`F:responded:${p1.user.id}:rejected:timed-out`]);
    expect(board.invitations()).toEqual([]);
  });

  it('invitationTimeoutMs null: invitations never time out (C2 variant)', async () => {
    const { board, p1, session, log } = await scene({ invitationTimeoutMs: null });
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await vi.advanceTimersByTimeAsync(3_600_000);
    await settle(board);
    expect(log).toEqual([]);
    expect(board.invitations(p1.user.id)[0]?.expiresAt).toBeNull();
  });

  it('session events reach every iframe that subscribed, in any user tab (C4 default)', async () => {
    const { board, p1, p2, session, log } = await scene();
    const [p2Session] = await run(board, p2.miro.board.collaboration.getSessions());
    if (!p2Session) throw new Error('no session');
    await listen(board, p2Session, log, 'P2');
    board.autoRespond(p1.user.id, 'accepted');
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(log.filter((l) => l.includes(':joined:'))).toEqual([
      `F:joined:${p1.user.id}`,
      `P2:joined:${p1.user.id}`,
    ]);
  });

  it("sessionEventRecipients 'members': only member users' iframes hear session events (C4 variant)", async () => {
    const { board, p1, p2, session, log } = await scene({ sessionEventRecipients: 'members' });
    const [p2Session] = await run(board, p2.miro.board.collaboration.getSessions());
    if (!p2Session) throw new Error('no session');
    await listen(board, p2Session, log, 'P2');
    await run(board, p2Session.join());
    board.autoRespond(p1.user.id, 'accepted');
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(log.some((l) => l.startsWith('F:'))).toBe(false);
    expect(log).toContain(`P2:joined:${p1.user.id}`);
  });

  it("sessionEventRecipients 'starter': only the starter's iframes hear session events (C4 variant)", async () => {
    const { board, p1, p2, session, log } = await scene({ sessionEventRecipients: 'starter' });
    const [p2Session] = await run(board, p2.miro.board.collaboration.getSessions());
    if (!p2Session) throw new Error('no session');
    await listen(board, p2Session, log, 'P2');
    board.autoRespond(p1.user.id, 'accepted');
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(log.some((l) => l.startsWith('P2:'))).toBe(false);
    expect(log).toContain(`F:joined:${p1.user.id}`);
  });

  it('inviting a member is a silent no-op (C5 default)', async () => {
    const { board, p1, session, log } = await scene();
    await run(
      board,
      miroOf(p1.tab)
        .board.collaboration.getSessions()
        .then((s) => s[0]?.join()),
    );
    await settle(board);
    log.length = 0;
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(board.invitations()).toEqual([]);
    expect(log).toEqual([]);
  });

  it("inviteMember 'reject': inviting a member rejects and invites nobody (C5 variant)", async () => {
    const { board, p1, p2, session } = await scene({ inviteMember: 'reject' });
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    const error = await rejection(
      board,
      session.invite([
        { id: p2.user.id, name: 'P2' },
        { id: p1.user.id, name: 'P1' },
      ]),
    );
    expect(error).toBeInstanceOf(Error);
    expect(board.invitations()).toEqual([]);
  });

  it('inviting an offline user skips them and invites the rest (C6 default)', async () => {
    const { board, p1, p2, session } = await scene();
    board.setOnline(p2.user.id, false);
    await run(
      board,
      session.invite([
        { id: p1.user.id, name: 'P1' },
        { id: p2.user.id, name: 'P2' },
      ]),
    );
    expect(board.invitations().map((i) => i.userId)).toEqual([p1.user.id]);
  });

  it("inviteOffline 'reject': one offline invitee rejects the whole call (C6 variant)", async () => {
    const { board, p1, p2, session } = await scene({ inviteOffline: 'reject' });
    board.setOnline(p2.user.id, false);
    const error = await rejection(
      board,
      session.invite([
        { id: p1.user.id, name: 'P1' },
        { id: p2.user.id, name: 'P2' },
      ]),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(board.invitations()).toEqual([]);
  });

  it('accepting a second session moves the user: user-left on A, then user-joined on B (C7 default)', async () => {
    const { board, f, p1, session, log } = await scene();
    const roomB = await run(board, f.miro.board.collaboration.startSession({ name: 'Room 2' }));
    await listen(board, roomB, log, 'B');
    board.autoRespond(p1.user.id, 'accepted');
    await run(board, session.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    log.length = 0;
    await run(board, roomB.invite({ id: p1.user.id, name: 'P1' }));
    await settle(board);
    expect(log).toEqual([
      `B:responded:${p1.user.id}:accepted:clicked-button`,
      `F:left:${p1.user.id}`,
      `B:joined:${p1.user.id}`,
    ]);
    expect(memberIds(board, session.id)).toEqual([]);
    expect(memberIds(board, roomB.id)).toEqual([p1.user.id]);
  });

  it("secondSession 'reject': join() into B while in A rejects, and accepting B fails with the toast kept (C7 variant)", async () => {
    const { board, f, p1, session } = await scene({ secondSession: 'reject' });
    const roomB = await run(board, f.miro.board.collaboration.startSession({ name: 'Room 2' }));
    const p1Sessions = await run(board, p1.miro.board.collaboration.getSessions());
    const p1A = p1Sessions.find((s) => s.id === session.id);
    const p1B = p1Sessions.find((s) => s.id === roomB.id);
    await run(board, p1A?.join() ?? Promise.reject(new Error('no A')));
    const error = await rejection(board, p1B?.join() ?? Promise.resolve());
    expect(error.code).toBe('CONFLICT');
    await run(board, roomB.invite({ id: p1.user.id, name: 'P1' }));
    const invitation = board.invitations(p1.user.id)[0];
    expect(() => board.respondToInvitation(invitation?.id ?? '', 'accepted')).toThrow(
      /another session/,
    );
    expect(board.invitations(p1.user.id).length).toBe(1);
    expect(memberIds(board, session.id)).toEqual([p1.user.id]);
  });

  it("getUsers returns {id} objects (C8 default) and strings in the 'strings' variant", async () => {
    const { board, p1, session } = await scene();
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    expect(await run(board, session.getUsers())).toEqual([{ id: p1.user.id }]);
    board.setOptions({ getUsersShape: 'strings' });
    expect(await run(board, session.getUsers())).toEqual([p1.user.id]);
  });

  it('hasJoined takes a user id and reflects membership', async () => {
    const { board, p1, session } = await scene();
    expect(await run(board, session.hasJoined(p1.user.id))).toBe(false);
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    expect(await run(board, session.hasJoined(p1.user.id))).toBe(true);
  });

  it('end() removes members without user-left, withdraws invitations, emits sessions:ended to all including the ender, and drops handlers (C9 default)', async () => {
    const { board, f, p1, p2, session, log } = await scene();
    const ended: string[] = [];
    await run(
      board,
      f.miro.board.collaboration.on('sessions:ended', (e) => void ended.push(`F:${e.session.id}`)),
    );
    await run(
      board,
      p2.miro.board.collaboration.on(
        'sessions:ended',
        (e) => void ended.push(`P2:${e.session.id}`),
      ),
    );
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    await run(board, session.invite({ id: p2.user.id, name: 'P2' }));
    await settle(board);
    log.length = 0;
    await run(board, session.end());
    await settle(board);
    expect(log).toEqual([]);
    expect(ended.sort()).toEqual([`F:${session.id}`, `P2:${session.id}`]);
    expect(board.invitations()).toEqual([]);
    expect(board.sessions().find((s) => s.id === session.id)?.ended).toBe(true);
    expect(await run(board, f.miro.board.collaboration.getSessions())).toEqual([]);
  });

  it('endEmitsUserLeft: end() emits one user-left per member before sessions:ended (C9 variant)', async () => {
    const { board, f, p1, session, log } = await scene({ endEmitsUserLeft: true });
    await run(
      board,
      f.miro.board.collaboration.on('sessions:ended', () => void log.push('F:ended')),
    );
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    await settle(board);
    log.length = 0;
    await run(board, session.end());
    await settle(board);
    expect(log).toEqual([`F:left:${p1.user.id}`, 'F:ended']);
  });

  it('calls on an ended session reject (the id is unknown)', async () => {
    const { board, session } = await scene();
    await run(board, session.end());
    const error = await rejection(board, session.invite([]));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('sessions:started reaches every app iframe, starter included, with a live Session (C10 default)', async () => {
    const board = fakeBoard();
    const f = userWithTab(board, 'F');
    const p = userWithTab(board, 'P');
    const started: Array<{ who: string; session: Session }> = [];
    await run(
      board,
      f.miro.board.collaboration.on(
        'sessions:started',
        (e) => void started.push({ who: 'F', session: e.session }),
      ),
    );
    await run(
      board,
      p.miro.board.collaboration.on(
        'sessions:started',
        (e) => void started.push({ who: 'P', session: e.session }),
      ),
    );
    await run(board, f.miro.board.collaboration.startSession({ name: 'R' }));
    await settle(board);
    expect(started.map((s) => s.who).sort()).toEqual(['F', 'P']);
    const forP = started.find((s) => s.who === 'P')?.session;
    await run(board, forP?.join() ?? Promise.resolve());
    expect(board.sessions()[0]?.memberIds).toEqual([p.user.id]);
  });

  it("sessionsStartedToStarterTab false: the starter's tab is not told (C10 variant)", async () => {
    const board = fakeBoard({ sessionsStartedToStarterTab: false });
    const f = userWithTab(board, 'F');
    const fTab2 = miroOf(board.openTab(f.user.id));
    const started: string[] = [];
    await run(
      board,
      f.miro.board.collaboration.on('sessions:started', () => void started.push('tab1')),
    );
    await run(
      board,
      fTab2.board.collaboration.on('sessions:started', () => void started.push('tab2')),
    );
    await run(board, f.miro.board.collaboration.startSession({ name: 'R' }));
    await settle(board);
    expect(started).toEqual(['tab2']);
  });

  it('the session continues when the starter goes offline (C11 default)', async () => {
    const { board, f, session } = await scene();
    board.setOnline(f.user.id, false);
    await vi.advanceTimersByTimeAsync(3_600_000);
    await settle(board);
    expect(board.sessions().find((s) => s.id === session.id)?.ended).toBe(false);
    expect(board.sessions()[0]?.starterId).toBe(f.user.id);
  });

  it('endWhenStarterOfflineMs: the session ends after the grace period unless the starter returns (C11 variant)', async () => {
    const { board, f, session } = await scene({ endWhenStarterOfflineMs: 10_000 });
    board.setOnline(f.user.id, false);
    await vi.advanceTimersByTimeAsync(5_000);
    board.setOnline(f.user.id, true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.sessions().find((s) => s.id === session.id)?.ended).toBe(false);
    board.setOnline(f.user.id, false);
    await vi.advanceTimersByTimeAsync(10_000);
    await settle(board);
    expect(board.sessions().find((s) => s.id === session.id)?.ended).toBe(true);
  });

  it('any holder of the Session may end or invite (C12 default)', async () => {
    const { board, p1, p2 } = await scene();
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.invite({ id: p2.user.id, name: 'P2' }) ?? Promise.resolve());
    expect(board.invitations().length).toBe(1);
    await run(board, p1Session?.end() ?? Promise.resolve());
    expect(board.sessions()[0]?.ended).toBe(true);
  });

  it('starterOnly: others get FORBIDDEN for end and invite, with no effect (C12 variant)', async () => {
    const { board, p1, p2 } = await scene({ starterOnly: true });
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    expect(
      (
        await rejection(
          board,
          p1Session?.invite({ id: p2.user.id, name: 'P2' }) ?? Promise.resolve(),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await rejection(board, p1Session?.end() ?? Promise.resolve())).code).toBe('FORBIDDEN');
    expect(board.invitations()).toEqual([]);
    expect(board.sessions()[0]?.ended).toBe(false);
  });

  it('a member who closes their last tab leaves the session with user-left (C13 default)', async () => {
    const { board, p1, session, log } = await scene();
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    await settle(board);
    p1.tab.close();
    await settle(board);
    expect(log).toContain(`F:left:${p1.user.id}`);
    expect(await run(board, session.getUsers())).toEqual([]);
  });

  it('offlineMemberLeaves false: an offline member stays in getUsers (C13 variant)', async () => {
    const { board, p1, session, log } = await scene({ offlineMemberLeaves: false });
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    board.setOnline(p1.user.id, false);
    await settle(board);
    expect(log).not.toContain(`F:left:${p1.user.id}`);
    expect(await run(board, session.getUsers())).toEqual([{ id: p1.user.id }]);
  });

  it('join() when a member and leave() when not are no-ops (C14 default)', async () => {
    const { board, p1, log } = await scene();
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    if (!p1Session) throw new Error('no session');
    await run(board, p1Session.join());
    await run(board, p1Session.join());
    await run(board, p1Session.leave());
    await run(board, p1Session.leave());
    await settle(board);
    expect(log).toEqual([`F:joined:${p1.user.id}`, `F:left:${p1.user.id}`]);
  });

  it("redundantJoinLeave 'reject': redundant join and leave reject (C14 variant)", async () => {
    const { board, p1 } = await scene({ redundantJoinLeave: 'reject' });
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    if (!p1Session) throw new Error('no session');
    expect((await rejection(board, p1Session.leave())).code).toBe('CONFLICT');
    await run(board, p1Session.join());
    expect((await rejection(board, p1Session.join())).code).toBe('CONFLICT');
  });

  it("collaboration.zoomTo moves a member's viewport to the items, and rejects non-members and empty items (C15 default)", async () => {
    const { board, f, p1, p2 } = await scene();
    const frame = board.addFrame({ title: 'Room', x: 1000, y: 500, width: 400, height: 300 });
    const [p1Session] = await run(board, p1.miro.board.collaboration.getSessions());
    await run(board, p1Session?.join() ?? Promise.resolve());
    await run(board, f.miro.board.collaboration.zoomTo({ id: p1.user.id, name: 'P1' }, [frame]));
    const vp = p1.user.viewport;
    expect(vp.x + vp.width / 2).toBeCloseTo(1000);
    expect(vp.y + vp.height / 2).toBeCloseTo(500);
    expect(vp.width).toBeGreaterThanOrEqual(400);
    const before = p2.user.viewport;
    expect(
      (
        await rejection(
          board,
          f.miro.board.collaboration.zoomTo({ id: p2.user.id, name: 'P2' }, frame),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(p2.user.viewport).toEqual(before);
    expect(
      (
        await rejection(
          board,
          f.miro.board.collaboration.zoomTo({ id: p1.user.id, name: 'P1' }, []),
        )
      ).code,
    ).toBe('INVALID_INPUT');
  });

  it('zoomToRequiresMembership false: zoomTo moves anyone online (C15 variant)', async () => {
    const { board, f, p2 } = await scene({ zoomToRequiresMembership: false });
    const frame = board.addFrame({ title: 'Room', x: -3000, y: 0, width: 400, height: 300 });
    await run(board, f.miro.board.collaboration.zoomTo({ id: p2.user.id, name: 'P2' }, frame));
    expect(p2.user.viewport.x).toBeLessThan(-3000);
  });

  it('startSession rejects while another app runs sessions (C16)', async () => {
    const board = fakeBoard();
    const f = userWithTab(board, 'F');
    board.setForeignSessionActive(true);
    expect(
      (await rejection(board, f.miro.board.collaboration.startSession({ name: 'R' }))).code,
    ).toBe('CONFLICT');
    board.setForeignSessionActive(false);
    await run(board, f.miro.board.collaboration.startSession({ name: 'R' }));
    expect(board.sessions().length).toBe(1);
  });

  it('getSessions returns every active session of the app, whoever started it (C17)', async () => {
    const { board, p1, p2 } = await scene();
    await run(board, p1.miro.board.collaboration.startSession({ name: 'Room 2' }));
    const names = (await run(board, p2.miro.board.collaboration.getSessions())).map((s) => s.name);
    expect(names.sort()).toEqual(['Room 1', 'Room 2']);
  });

  it('the starter is not a member until join() (C18 default); starterAutoJoins makes them one (C18 variant)', async () => {
    const { board, session } = await scene();
    expect(await run(board, session.getUsers())).toEqual([]);
    const auto = fakeBoard({ starterAutoJoins: true });
    const f = userWithTab(auto, 'F');
    const s = await run(auto, f.miro.board.collaboration.startSession({ name: 'R' }));
    expect(await run(auto, s.getUsers())).toEqual([{ id: f.user.id }]);
  });

  it('a user without the app gets the invitation toast and can join by accepting (C19)', async () => {
    const { board, session, log } = await scene();
    const guest = userWithTab(board, 'Guest', false);
    expect(guest.tab.headless).toBeNull();
    await run(board, session.invite({ id: guest.user.id, name: 'Guest' }));
    board.respondToInvitation(board.invitations(guest.user.id)[0]?.id ?? '', 'accepted');
    await settle(board);
    expect(log).toContain(`F:joined:${guest.user.id}`);
  });

  it('session handlers registered from a panel die with the panel; headless ones survive (1.3)', async () => {
    const board = fakeBoard();
    const f = userWithTab(board, 'F');
    const p = userWithTab(board, 'P');
    await run(board, f.miro.board.ui.openPanel({ url: 'app.html' }));
    const panelMiro = f.tab.panel?.miro;
    if (!panelMiro) throw new Error('no panel');
    const session = await run(board, panelMiro.board.collaboration.startSession({ name: 'R' }));
    const log: Log = [];
    await listen(board, session, log, 'panel');
    const [headlessSession] = await run(board, f.miro.board.collaboration.getSessions());
    if (!headlessSession) throw new Error('no session');
    await listen(board, headlessSession, log, 'headless');
    f.tab.closePanel();
    const [pSession] = await run(board, p.miro.board.collaboration.getSessions());
    await run(board, pSession?.join() ?? Promise.resolve());
    await settle(board);
    expect(log).toEqual([`headless:joined:${p.user.id}`]);
  });
});

describe('a board that offers no sessions (2.1: sessions are experimental)', () => {
  it("sessionsOffered 'missing': app iframes started afterwards have no miro.board.collaboration", async () => {
    const board = fakeBoard();
    const before = userWithTab(board, 'Before');
    board.setOptions({ sessionsOffered: 'missing' });
    const after = userWithTab(board, 'After');
    expect(before.miro.board.collaboration).toBeDefined();
    expect(after.miro.board.collaboration).toBeUndefined();
    expect('collaboration' in after.miro.board).toBe(false);
    expect(await run(board, after.miro.board.getInfo())).toMatchObject({ id: expect.any(String) });
  });

  it("sessionsOffered 'refused': startSession rejects FORBIDDEN and starts nothing", async () => {
    const board = fakeBoard({ sessionsOffered: 'refused' });
    const f = userWithTab(board, 'F');
    const refusal = await rejection(board, f.miro.board.collaboration.startSession({ name: 'R' }));
    expect(refusal.code).toBe('FORBIDDEN');
    expect(board.sessions()).toEqual([]);
    expect(await run(board, f.miro.board.collaboration.getSessions())).toEqual([]);
  });
});
