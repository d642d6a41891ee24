import type { Plugin } from 'vite';

/**
 * Vite prints the server's root URL, but people (and the README) need the playground's. This
 * dev-server-only plugin adds a line with it under Vite's own URLs. Import it in vite.config.ts.
 */
export function printPlaygroundUrl(path = 'playground.html'): Plugin {
  return {
    name: 'breakout-rooms:print-playground-url',
    apply: 'serve',
    configureServer(server) {
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        for (const url of server.resolvedUrls?.local ?? []) {
          server.config.logger.info(`  ➜  Playground: ${url}${path}`);
        }
      };
    },
  };
}
