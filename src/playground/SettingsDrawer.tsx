import { useId, useState } from 'react';
import type { SimBoard } from '../simulator/api';
import { type Field, formatRates, type OptionValue, parseField, patchOf } from './options-codec';
import { type EditableOptions, OPTION_KEYS, type OptionKey, SETTINGS } from './settings-schema';

function formatValue(field: Field, value: OptionValue): string {
  if (field.kind === 'rates' && typeof value === 'object' && value !== null) {
    return formatRates(value);
  }
  if (value === null && field.kind === 'nullable-number') return field.nullLabel;
  return String(value);
}

/** One option: a checkbox, a select or a text box that commits as soon as it parses. */
function SettingRow({ board, optionKey }: { board: SimBoard; optionKey: OptionKey }) {
  const field = SETTINGS[optionKey];
  const current = board.options[optionKey];
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const label = field.ref ? `${field.label} (${field.ref})` : field.label;

  const commit = (raw: string) => {
    const parsed = parseField(field, raw);
    if (parsed.ok) {
      board.setOptions(patchOf(optionKey, parsed.value));
      setError(null);
    } else {
      setError(parsed.error);
    }
  };

  if (field.kind === 'boolean') {
    return (
      <div className="setting">
        <input
          id={id}
          type="checkbox"
          checked={current === true}
          onChange={(event) => commit(String(event.target.checked))}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  if (field.kind === 'enum') {
    return (
      <div className="setting">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={String(current)} onChange={(event) => commit(event.target.value)}>
          {field.values.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const hint = field.kind === 'nullable-number' ? ` (or “${field.nullLabel}”)` : '';
  return (
    <div className="setting">
      <label htmlFor={id}>
        {label}
        {hint}
      </label>
      <input
        id={id}
        value={draft ?? formatValue(field, current)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          commit(event.target.value);
        }}
        onBlur={() => {
          setDraft(null);
          setError(null);
        }}
      />
      {error && (
        <span id={`${id}-error`} className="setting-error">
          {error}
        </span>
      )}
    </div>
  );
}

const GROUPS = [
  { group: 'board', title: 'Board' },
  { group: 'knobs', title: 'Timing, faults and limits' },
  { group: 'undocumented', title: 'Undocumented behaviour (miro-sdk.md section 3)' },
] as const;

/** URL query that reproduces the current settings, for sharing a scenario or a bug. */
function shareableQuery(board: SimBoard, defaults: Readonly<EditableOptions>): string {
  const params = new URLSearchParams(window.location.search);
  for (const key of OPTION_KEYS) {
    const field = SETTINGS[key];
    const value = formatValue(field, board.options[key]);
    if (value === formatValue(field, defaults[key])) params.delete(key);
    else params.set(key, value);
  }
  return params.toString();
}

/** Every simulator knob and undocumented-behaviour switch, applied live with `setOptions`. */
export function SettingsDrawer({
  board,
  defaults,
  onClose,
}: {
  board: SimBoard;
  defaults: Readonly<EditableOptions>;
  onClose: () => void;
}) {
  const [foreignSessions, setForeignSessions] = useState(false);
  const query = shareableQuery(board, defaults);
  const link = `${window.location.pathname}${query ? `?${query}` : ''}`;

  return (
    <aside className="settings" aria-label="Simulator settings">
      <div className="settings-bar">
        <h2>Simulator settings</h2>
        <button type="button" onClick={onClose}>
          Close settings
        </button>
      </div>
      <p>
        Link to these settings: <a href={link}>{link}</a>
      </p>
      <button
        type="button"
        onClick={() => {
          const patch: Partial<EditableOptions> = {};
          for (const key of OPTION_KEYS) Object.assign(patch, patchOf(key, defaults[key]));
          board.setOptions(patch);
        }}
      >
        Reset to defaults
      </button>
      {GROUPS.map(({ group, title }) => (
        <fieldset key={group}>
          <legend>{title}</legend>
          {OPTION_KEYS.filter((key) => SETTINGS[key].group === group).map((key) => (
            <SettingRow key={key} board={board} optionKey={key} />
          ))}
          {group === 'board' && (
            <div className="setting">
              <input
                id="foreign-sessions"
                type="checkbox"
                checked={foreignSessions}
                onChange={(event) => {
                  board.setForeignSessionActive(event.target.checked);
                  setForeignSessions(event.target.checked);
                }}
              />
              <label htmlFor="foreign-sessions">
                Another app runs sessions on this board (C16)
              </label>
            </div>
          )}
        </fieldset>
      ))}
    </aside>
  );
}
