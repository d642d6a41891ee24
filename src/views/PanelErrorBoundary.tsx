import { Component, type ErrorInfo, type ReactNode } from 'react';
import { clampNotification } from '../domain/text';
import { errorMessage } from '../sdk/retry';

/** Long enough for any message the app writes, short enough that a 10 kB one cannot flood it. */
const MESSAGE_LIMIT = 300;

type Props = {
  children: ReactNode;
  /** Starts the panel afresh; a page reload also fetches on-demand code that failed to load. */
  reload?: () => void;
};

type State = { crash: string | null };

const reloadPage = () => window.location.reload();

/**
 * Without this, an error while rendering (or an on-demand chunk that failed to download)
 * unmounts the whole panel and leaves it blank. The breakout runs in the headless app, not here,
 * so a reload loses nothing: the fallback says so and offers one.
 */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = { crash: null };

  static getDerivedStateFromError(error: unknown): State {
    return { crash: clampNotification(errorMessage(error), MESSAGE_LIMIT) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Breakout Rooms: the panel stopped.', error, info.componentStack);
  }

  override render(): ReactNode {
    const { crash } = this.state;
    if (crash === null) return this.props.children;
    return (
      <section
        role="alert"
        aria-labelledby="panel-crash-title"
        className="panel-body alert alert-problem"
      >
        <h1 id="panel-crash-title" className="h4">
          This panel stopped working
        </h1>
        <p>What went wrong: {crash}</p>
        <p>
          Nothing is lost: the breakout and its plan live on the board, not in this panel. Reload
          the panel to carry on.
        </p>
        <button
          type="button"
          className="button button-primary"
          onClick={this.props.reload ?? reloadPage}
        >
          Reload the panel
        </button>
      </section>
    );
  }
}
