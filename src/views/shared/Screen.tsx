import type { ReactNode } from 'react';
import { PanelAlerts } from './PanelAlerts';

type Props = {
  /** The screen's name, as the page's one h1: "Planning", "Breakout running", … */
  title: string;
  /** Next to the title: a short status line ("12 of 15 joined"). */
  status?: ReactNode;
  /** The header's second row: the time left, the one primary action, badges. */
  children?: ReactNode;
};

/**
 * The header that stays put at the top of the panel while the screen below it scrolls: what
 * phase this is, the few things to see at all times, and the phase's one primary action. Every
 * screen's problems show right under it.
 */
export function ScreenHeader({ title, status, children }: Props) {
  return (
    <>
      <header className="panel-header">
        <div className="header-line">
          <h1 className="header-title">{title}</h1>
          {status}
        </div>
        {children && <div className="header-main">{children}</div>}
      </header>
      <PanelAlerts />
    </>
  );
}
