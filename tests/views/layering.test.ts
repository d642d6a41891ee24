import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const VIEWS = resolve(import.meta.dirname, '../../src/views');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

// Views reach the controller only through hooks: not even a type comes from src/controller, so
// the controller can change what it holds without any view knowing.
test('no view imports from src/controller', () => {
  const offenders = filesUnder(VIEWS)
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /from '(\.\.\/)+controller\//.test(readFileSync(file, 'utf8')))
    .map((file) => relative(VIEWS, file));
  expect(offenders).toEqual([]);
});
