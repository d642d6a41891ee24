type Props = { reason: 'not-in-miro' | 'sdk-not-loaded' };

/** What a person sees when they open app.html outside Miro: never a blank page. */
export function NotInMiro({ reason }: Props) {
  return (
    <main className="not-in-miro">
      <h1 className="h2">Breakout Rooms for Miro</h1>
      <p>
        Split a workshop into groups on a Miro board: turn frames into rooms, assign the people who
        are online, start, and bring everyone back when time is up.
      </p>
      <p>
        {reason === 'not-in-miro'
          ? 'This page runs inside a Miro board, not on its own.'
          : "Miro's Web SDK did not load, so this page is not running inside a Miro board."}
      </p>
      <h2 className="h3">How to use it</h2>
      <ol>
        <li>
          In Miro, install the app (its manifest is <code>app-manifest.yaml</code>) and open a
          board.
        </li>
        <li>Click the Breakout Rooms icon in the board's toolbar.</li>
      </ol>
      <h2 className="h3">Trying it without Miro</h2>
      <p>
        Run <code>npm install &amp;&amp; npm start</code> and open <code>/playground.html</code>: a
        simulated board with several people, each running this app.
      </p>
    </main>
  );
}
