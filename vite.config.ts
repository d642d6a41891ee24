import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { PurgeCSS } from 'purgecss';
import { defineConfig, type Plugin } from 'vite';
import { printPlaygroundUrl } from './src/playground/print-playground-url.ts';

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

/**
 * The panel asks nothing of third parties but Miro: mirotone's stylesheet starts with an @import
 * of Open Sans from Google Fonts, which is dropped here, and Open Sans comes from
 * @fontsource/open-sans instead, bundled with the app. Of its stylesheets only the faces of the
 * weights the panel imports (entries/panel.tsx) and of the latin and latin-ext subsets are kept
 * (every browser Miro supports reads woff2), so the build carries a few font files, not dozens.
 */
const FONT_SUBSETS = /^open-sans-(latin|latin-ext)-\d+-normal$/;

function selfHostedFonts(): Plugin {
  return {
    name: 'breakout-rooms:self-hosted-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (/[\\/]mirotone[\\/]dist[\\/]styles\.css$/.test(id)) {
        return {
          code: code.replace(/@import url\([^)]*fonts\.googleapis\.com[^)]*\);?/g, ''),
          map: null,
        };
      }
      if (/[\\/]@fontsource[\\/]open-sans[\\/][^\\/]+\.css$/.test(id)) {
        const faces = code.split(/(?=\/\* open-sans-)/).filter((block) => {
          const name = /^\/\* (open-sans-[\w-]+) \*\//.exec(block)?.[1];
          return name !== undefined && FONT_SUBSETS.test(name);
        });
        const woff2Only = faces.map((face) =>
          face.replace(/, url\([^)]+\.woff\) format\('woff'\)/, ''),
        );
        return { code: woff2Only.join('\n'), map: null };
      }
      return null;
    },
  };
}

/**
 * Content-Security-Policy of the two pages Miro loads, injected into the production build only:
 * the dev server's HMR needs inline scripts and a websocket, and the playground lends the
 * simulator across frames, so dev keeps no policy. What each source is for:
 * - script: the app's own bundle and Miro's SDK (https://miro.com/app/static/sdk/v2/miro.js);
 * - connect: the SDK talks to Miro's servers;
 * - style/font: the bundled stylesheets and the self-hosted Open Sans (selfHostedFonts);
 * - img: mirotone's icons are data: SVGs. React sets styles through the DOM, not inline tags.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://miro.com",
  "connect-src 'self' https://miro.com https://*.miro.com wss://*.miro.com",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: https://miro.com https://*.miro.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'breakout-rooms:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The production build ships the two entries Miro loads: index.html (headless) and app.html
// (panel). playground.html and the simulator are served by the dev server only.
export default defineConfig({
  plugins: [
    selfHostedFonts(),
    react(),
    purgeUnusedCss(),
    printPlaygroundUrl(),
    contentSecurityPolicy(),
  ],
  server: {
    port: 3000,
    strictPort: true,
    // Set by playwright.config.ts: tests drive a long-lived page that must not reload mid-test.
    hmr: process.env.BREAKOUT_ROOMS_NO_HMR !== '1',
    watch: process.env.BREAKOUT_ROOMS_NO_HMR === '1' ? null : {},
  },
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
