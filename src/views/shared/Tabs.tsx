import { type KeyboardEvent, type ReactNode, useCallback, useId, useRef } from 'react';

export type Tab<Id extends string> = { id: Id; label: string; panel: () => ReactNode };

type Props<Id extends string> = {
  /** What the tabs choose between, for screen readers: "Ways to place people". */
  label: string;
  tabs: readonly Tab<Id>[];
  active: Id;
  onChange: (id: Id) => void;
};

/**
 * Mirotone's tabs with the ARIA tabs pattern: one tab stop, arrow keys (and Home, End) move and
 * select, the panel below belongs to the tab that is selected. Only that panel is rendered.
 */
export function Tabs<Id extends string>({ label, tabs, active, onChange }: Props<Id>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const move = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const index = tabs.findIndex((tab) => tab.id === active);
      const last = tabs.length - 1;
      const next =
        event.key === 'ArrowRight'
          ? index === last
            ? 0
            : index + 1
          : event.key === 'ArrowLeft'
            ? index === 0
              ? last
              : index - 1
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? last
                : null;
      const tab = next === null ? undefined : tabs[next];
      if (!tab) return;
      event.preventDefault();
      onChange(tab.id);
      list.current?.querySelector<HTMLElement>(`#${CSS.escape(`${base}-${tab.id}`)}`)?.focus();
    },
    [tabs, active, onChange, base],
  );
  if (!current) return null;
  return (
    <>
      <div className="tabs">
        <div
          ref={list}
          role="tablist"
          aria-label={label}
          className="tabs-header-list"
          onKeyDown={move}
        >
          {tabs.map((tab) => {
            const selected = tab.id === current.id;
            return (
              <button
                key={tab.id}
                id={`${base}-${tab.id}`}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={`${base}-panel`}
                tabIndex={selected ? 0 : -1}
                className={selected ? 'tab tab-active' : 'tab'}
                onClick={() => onChange(tab.id)}
              >
                <span className="tab-text">{tab.label}</span>
              </button>
            );
          })}
        </div>
      </div>
      <div
        id={`${base}-panel`}
        role="tabpanel"
        aria-labelledby={`${base}-${current.id}`}
        className="tab-panel"
      >
        {current.panel()}
      </div>
    </>
  );
}
