import { memo, useCallback } from 'react';
import { useCommandStatus } from '../../hooks/use-commands';
import { usePeopleActions } from '../../hooks/use-room-actions';

type Props = {
  roomName: string;
  /** The people of this room worth a new invitation, joined by newlines (compared by value). */
  ids: string;
};

/**
 * "Invite 2 again" in a room's card, beside its count, for the people of that room who need it
 * (worthInvitingAgain). Apart from the card so that a join elsewhere in it re-renders nothing here.
 */
export const InviteRoomAgain = memo(function InviteRoomAgain({ roomName, ids }: Props) {
  const { inviteAgain } = usePeopleActions();
  const { busy } = useCommandStatus();
  const people = ids.split('\n');
  const invite = useCallback(() => void inviteAgain(ids.split('\n')), [inviteAgain, ids]);
  return (
    <button
      type="button"
      className="link-button"
      disabled={busy}
      aria-label={`Invite again everyone in ${roomName} who has not joined (${people.length})`}
      title="A new invitation for everyone here who declined, let it lapse, left or has not answered"
      onClick={invite}
    >
      Invite {people.length} again
    </button>
  );
});
