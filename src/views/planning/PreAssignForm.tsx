import { type ChangeEvent, memo, useCallback, useId, useMemo, useRef, useState } from 'react';
import type { Plan, PreAssignment } from '../../domain/plan';
import { parseAssignmentList } from '../../domain/planning/assignment-list';
import { nameKey } from '../../domain/planning/name-key';
import { matchPreAssignments } from '../../domain/planning/pre-assignment';
import { usePlanningTools } from '../../hooks/use-plan-edits';
import type { OnlineUserInfo } from '../../sdk/surface';
import { ActionButton } from '../shared/ActionButton';
import { PreAssignList } from './PreAssignList';

type Props = { plan: Plan; onlineUsers: readonly OnlineUserInfo[] };

/**
 * Paste or import "name → room" (a CSV export works too). Rows are matched to people by the name
 * Miro shows; whoever is not online yet is placed (or, while running, invited) when they arrive.
 */
export const PreAssignForm = memo(function PreAssignForm({ plan, onlineUsers }: Props) {
  const { setPreAssignments } = usePlanningTools();
  const id = useId();
  const [text, setText] = useState('');
  const [report, setReport] = useState<string[]>([]);
  const [fileName, setFileName] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const rooms = useMemo(() => plan.rooms.map(({ id, name }) => ({ id, name })), [plan.rooms]);

  const readFile = useCallback(async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  }, []);
  const chooseFile = useCallback(() => fileInput.current?.click(), []);

  const importList = useCallback(async () => {
    const list = parseAssignmentList(text);
    // Every row's room, online or not: the rows are matched against their own names (the first
    // row of a name wins, as in the plan), so people not online yet keep their row.
    const seen = new Set<string>();
    const named = list.rows.flatMap((row) => {
      if (row.name === null || seen.has(nameKey(row.name))) return [];
      seen.add(nameKey(row.name));
      return [{ id: `line-${row.line}`, name: row.name }];
    });
    const rows: PreAssignment[] = matchPreAssignments(list.rows, named, rooms).matched.map(
      ({ row, roomId }) => ({ name: row.name ?? row.who, roomId }),
    );
    const now = matchPreAssignments(list.rows, onlineUsers, rooms);
    const waiting = now.unmatched.filter((row) => row.reason === 'not-online').length;
    const report = [
      `${rows.length} of ${list.rows.length + list.errors.length} lines imported; ${now.matched.length} people online now, ${waiting} not online yet.`,
      ...list.errors.map((error) => error.message),
      ...now.unknownRooms.map((row) => row.message),
      ...now.ambiguous.map((row) => row.message),
      ...now.duplicates.map((row) => row.message),
      ...now.unmatched.filter((row) => row.reason === 'email-only').map((row) => row.message),
    ];
    const result = await setPreAssignments(rows);
    if (result.ok) {
      setReport(report);
      setText('');
      setFileName(null);
    }
  }, [setPreAssignments, text, onlineUsers, rooms]);

  const clear = useCallback(() => {
    setReport([]);
    void setPreAssignments([]);
  }, [setPreAssignments]);

  return (
    <section aria-labelledby={`${id}-heading`} className="tool">
      <h3 className="visually-hidden" id={`${id}-heading`}>
        Pre-assign people
      </h3>
      <div className="form-group form-group-small">
        <label htmlFor={`${id}-text`}>Names and rooms, one per line</label>
        <textarea
          id={`${id}-text`}
          className="textarea textarea-small"
          rows={4}
          placeholder={'Ada Lovelace → Room 1\nGrace Hopper, Room 2'}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {/* The browser's own file input cannot take mirotone's look: it stays out of sight and
          out of the tab order, and a mirotone button opens its picker. */}
      <input
        ref={fileInput}
        id={`${id}-file`}
        type="file"
        hidden
        tabIndex={-1}
        accept=".csv,.txt,text/csv,text/plain"
        onChange={readFile}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary button-small"
          aria-describedby={`${id}-file-name`}
          onClick={chooseFile}
        >
          <span className="icon icon-upload" aria-hidden="true" />
          Choose a CSV file…
        </button>
        <span id={`${id}-file-name`} className="p-small status-text file-name">
          {fileName === null ? 'or paste it above' : `Read from ${fileName}`}
        </span>
      </div>
      <div className="button-row">
        <ActionButton
          small
          disabled={text.trim() === '' || rooms.length === 0}
          onClick={importList}
        >
          Import list
        </ActionButton>
        <ActionButton
          small
          variant="tertiary"
          disabled={plan.preAssignments.length === 0}
          onClick={clear}
        >
          Clear list
        </ActionButton>
      </div>
      {report.length > 0 && (
        <ul aria-label="Import report" className="plain-list">
          {report.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <PreAssignList plan={plan} onlineUsers={onlineUsers} />
    </section>
  );
});
