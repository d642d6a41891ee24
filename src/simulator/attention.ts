import type { OnlineUserInfo } from '../sdk/surface';
import { invalid, notFound } from './errors';
import type { Hub } from './hub';
import { isPresent, type UserState } from './model';
import type { Users } from './users';

/**
 * `collaboration.attention` (miro-sdk.md 2.3), kept simple: a follower's viewport is set to the
 * followee's now and whenever the followee's viewport moves; no session is required.
 */
export class Attention {
  constructor(
    private readonly hub: Hub,
    private readonly users: Users,
  ) {}

  follow(caller: UserState, followee: OnlineUserInfo, followers?: OnlineUserInfo[]): void {
    const target = this.present(followee);
    const who = followers === undefined ? [caller] : followers.map((f) => this.present(f));
    for (const follower of who) {
      if (follower.id === target.id) throw invalid('A user cannot follow themselves');
    }
    for (const follower of who) {
      follower.followingId = target.id;
      this.users.setViewport(follower, target.viewport);
    }
  }

  unfollow(caller: UserState, options?: { followee: OnlineUserInfo; followers: OnlineUserInfo[] }) {
    if (!options) {
      caller.followingId = null;
      return;
    }
    for (const follower of options.followers ?? []) {
      const user = this.hub.users.get(String(follower?.id));
      if (user && user.followingId === options.followee?.id) user.followingId = null;
    }
  }

  followed(caller: UserState): OnlineUserInfo {
    const followee = caller.followingId ? this.hub.users.get(caller.followingId) : undefined;
    if (!followee) throw notFound('The user is not following anyone');
    return { id: followee.id, name: followee.name };
  }

  private present(info: OnlineUserInfo): UserState {
    const user = this.hub.users.get(String(info?.id));
    if (!user || !isPresent(user)) throw notFound(`User ${String(info?.id)} is not on the board`);
    return user;
  }
}
