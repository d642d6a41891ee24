import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { App } from '../../src/views/App';
import { PanelErrorBoundary } from '../../src/views/PanelErrorBoundary';

// React reports every caught render error on the console; the test reads the page instead.
afterEach(() => vi.restoreAllMocks());
const quietly = () => vi.spyOn(console, 'error').mockImplementation(() => {});

test('an on-demand part of the panel that fails to download shows why and offers a reload', async () => {
  quietly();
  const reload = vi.fn();
  const RunningBoard = lazy(() =>
    Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
  );
  render(
    <PanelErrorBoundary reload={reload}>
      <Suspense fallback={<p>Loading…</p>}>
        <RunningBoard />
      </Suspense>
    </PanelErrorBoundary>,
  );
  const alert = await screen.findByRole('alert', { name: 'This panel stopped working' });
  expect(alert.textContent).toContain(
    'What went wrong: Failed to fetch dynamically imported module',
  );
  expect(alert.textContent).toContain('Nothing is lost');
  const button = screen.getByRole('button', { name: 'Reload the panel' });
  // Keyboard reachable: Tab lands on it and Enter presses it.
  await userEvent.tab();
  expect(document.activeElement).toBe(button);
  await userEvent.keyboard('{Enter}');
  expect(reload).toHaveBeenCalledTimes(1);
});

test('the real panel shows a message, not a blank page, when it cannot run', () => {
  quietly();
  // No board to read (the seam is missing): every hook of the panel throws.
  render(<App />);
  expect(
    screen.getByRole('heading', { level: 1, name: 'This panel stopped working' }),
  ).toBeTruthy();
  expect(screen.getByRole('alert', { name: 'This panel stopped working' }).textContent).toContain(
    'useBoard must be used inside <BoardProvider>.',
  );
});

test('whatever is thrown, the fallback has a message, as text and of bounded length', () => {
  quietly();
  const throwing = (value: unknown) =>
    function Thrower(): never {
      throw value;
    };
  for (const value of [undefined, null, 42, { message: '' }, '<img src=x onerror=alert(1)>']) {
    const Thrower = throwing(value);
    const { unmount } = render(
      <PanelErrorBoundary>
        <Thrower />
      </PanelErrorBoundary>,
    );
    const alert = screen.getByRole('alert', { name: 'This panel stopped working' });
    expect(alert.textContent).toMatch(/What went wrong: \S/);
    expect(alert.querySelector('img')).toBeNull();
    unmount();
  }
  const Huge = throwing(new Error('x'.repeat(10_000)));
  render(
    <PanelErrorBoundary>
      <Huge />
    </PanelErrorBoundary>,
  );
  const text = screen.getByRole('alert').textContent ?? '';
  expect(text.length).toBeLessThan(600);
});
