import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Temporary (deleted after use): own port and output folder, so runs of other engineers do not collide.
export default defineConfig({
  ...base,
  outputDir: '/tmp/pw-planning-results',
  use: { ...base.use, baseURL: 'http://localhost:3101' },
  webServer: {
    command: 'npx vite --port 3101 --strictPort',
    url: 'http://localhost:3101/playground.html',
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
