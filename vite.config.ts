import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { PurgeCSS } from 'purgecss';
import { defineConfig, type Plugin } from 'vite';
import { printPlaygroundUrl } from './src/playground/print-playground-url';

const root = import.meta.dirname;

/**
 * mirotone's full stylesheet is ~45 KB gzip; the panel uses a small part of it. At build time
 * every emitted stylesheet keeps only the rules whose selectors appear in the pages and the TSX
 * sources. Class names built at run time are listed in `safelist`; pseudo-classes such as
 * :focus-visible stay with the selectors they belong to, and bare ones are kept explicitly.
 */
function purgeUnusedCss(): Plugin {
  return {
    name: 'breakout-rooms:purge-css',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const [purged] = await new PurgeCSS().purge({
          content: [
            resolve(root, 'index.html'),
            resolve(root, 'app.html'),
            resolve(root, 'src/**/*.tsx'),
            resolve(root, 'src/views/**/*.ts'),
          ],
          css: [{ raw: String(asset.source) }],
          safelist: {
            standard: [':root', 'html', 'body', /^:focus/, /^::?placeholder/],
            // `button-${variant}` (ActionButton) and `status-${display}` (StatusRow).
            greedy: [/^button-/, /^status-/],
          },
        });
        if (purged) asset.source = purged.css;
      }
    },
  };
}

// The production build ships the two entries Miro loads: index.html (headless) and app.html
// (panel). playground.html and the simulator are served by the dev server only.
export default defineConfig({
  plugins: [react(), purgeUnusedCss(), printPlaygroundUrl()],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  build: {
    target: 'es2022',
    // Miro runs in browsers that all support <link rel="modulepreload">: the polyfill would only
    // add bytes to the script every user's headless app loads.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        app: resolve(root, 'app.html'),
      },
    },
  },
});
