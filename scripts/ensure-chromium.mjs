#!/usr/bin/env node
// Makes sure the system Chromium the E2E tests use is installed. It never downloads a browser
// itself: on Debian as root it installs the distribution's package, otherwise it says what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

function run(command) {
  console.log(`ensure-chromium: running: ${command}`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit' });
  return result.status === 0;
}

function version() {
  const result = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'version unknown';
}

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: using ${CHROMIUM} (${version()})`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');

if (isRoot && isDebian && !process.env.CHROMIUM_PATH) {
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package.`);
  if (run(INSTALL) && existsSync(CHROMIUM)) {
    console.log(`ensure-chromium: installed ${CHROMIUM} (${version()})`);
    process.exit(0);
  }
  console.error(`ensure-chromium: installing chromium failed; run \`${INSTALL}\` and retry.`);
  process.exit(1);
}

const hint = isDebian
  ? `sudo sh -c '${INSTALL}'`
  : 'install Chromium with your package manager and set CHROMIUM_PATH=/path/to/chromium';
console.error(
  `ensure-chromium: no Chromium at ${CHROMIUM}. The end-to-end tests use the system browser.\n` +
    `  Run: ${hint}\n` +
    '  (Never `npx playwright install`: this project does not download browsers.)',
);
process.exit(1);
