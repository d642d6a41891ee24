import type { OnlineUserInfo, Session } from '@mirohq/websdk-types';
import { invalid } from './errors';
import { copyJson } from './json';
import type { FrameState } from './model';
import { capture, type Services } from './services';
import type { SessionEventName, SessionRecord } from './sessions';
import { type Listener, topics } from './subscriptions';

const SESSION_EVENTS: readonly string[] = ['user-joined', 'user-left', 'invitation-responded'];

const eventName = (name: unknown): SessionEventName => {
  if (typeof name !== 'string' || !SESSION_EVENTS.includes(name)) {
    throw invalid(`Unknown session event ${String(name)}`);
  }
  return name as SessionEventName;
};

/** A `Session` as app code in `frame` sees it; every method is an SDK call from that frame. */
export const createSessionFace = (
  frame: FrameState,
  record: SessionRecord,
  s: Services,
): Session => {
  const { hub, sessions, invitations } = s;
  const id = record.id;
  return {
    id,
    name: record.name,
    description: record.description,
    color: record.color,
    starterId: record.starterId,
    starterName: record.starterName,
    invite: (...users: Array<OnlineUserInfo | OnlineUserInfo[]>) => {
      const invitees = capture(() => copyJson(users) as unknown[]);
      return hub.call(frame, 'session.invite', () => {
        invitations.invite(frame, sessions.live(id), invitees());
      });
    },
    join: () =>
      hub.call(frame, 'session.join', () => {
        sessions.join(frame, sessions.live(id));
      }),
    leave: () =>
      hub.call(frame, 'session.leave', () => {
        sessions.leave(frame, sessions.live(id));
      }),
    getUsers: () =>
      hub.call(frame, 'session.getUsers', () => {
        const members = [...sessions.live(id).members];
        // C8: dt says {id}[]; the docs say string[]. The variant hands out what the docs say.
        return (
          hub.options.getUsersShape === 'strings' ? members : members.map((m) => ({ id: m }))
        ) as Array<{ id: string }>;
      }),
    hasJoined: (userId: string) =>
      hub.call(frame, 'session.hasJoined', () => {
        if (typeof userId !== 'string') throw invalid('hasJoined takes a user id string');
        return sessions.live(id).members.has(userId);
      }),
    on: (name: SessionEventName, handler: Listener) => {
      const event = capture(() => eventName(name));
      return hub.call(frame, 'session.on', () => {
        // Handlers on an ended session are accepted and never called (C9).
        if (!sessions.active().some((session) => session.id === id)) return;
        frame.subs.add(topics.session(id, event()), handler);
      });
    },
    off: (name: SessionEventName, handler: Listener) => {
      frame.subs.remove(topics.session(id, String(name)), handler);
      return hub.call(frame, 'session.off', () => {
        frame.subs.remove(topics.session(id, String(name)), handler);
      });
    },
    end: () =>
      hub.call(frame, 'session.end', () => {
        const session = sessions.live(id);
        sessions.assertMayControl(frame, session);
        sessions.end(session);
      }),
  } satisfies Session;
};
