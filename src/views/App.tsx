import { WhoIsHere } from './WhoIsHere';

export function App() {
  return (
    <main className="panel">
      <h1 className="h3">Breakout rooms</h1>
      <WhoIsHere />
    </main>
  );
}
