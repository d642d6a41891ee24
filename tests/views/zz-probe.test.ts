import { test, expect } from 'vitest';
import { realMacrotask } from '../../src/simulator/clock';
test('bc', async () => {
  expect(typeof BroadcastChannel).toBe('function');
  const a = new BroadcastChannel('x'); const b = new BroadcastChannel('x');
  let got = 0;
  b.onmessage = (e) => { got++; console.log('got', e.data, e.constructor.name); };
  a.postMessage({ k: 1 });
  for (let i = 0; i < 10 && got === 0; i++) { await realMacrotask(); console.log('round', i, got); }
  a.close(); b.close();
  console.log(typeof MessageChannel, typeof setImmediate, typeof window);
});
