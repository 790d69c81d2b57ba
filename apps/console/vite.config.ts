import { defineConfig } from 'vite';

// Built by tools/console/build-console.ts (npm run build) into dist/apps/console, which the gateway
// serves at /console/. JSX goes through Vite's own transform (automatic runtime): no plugin needed.
export default defineConfig({
  base: '/console/',
  root: import.meta.dirname,
  build: {
    outDir: '../../dist/apps/console',
    emptyOutDir: true,
    sourcemap: true,
    // The first load is measured and held under 300 KB of gzip by the build tool; screens load on demand.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // On a shared 2-core machine a slow plugin says nothing about the console: no timing warnings.
      checks: { bundlerTimings: false },
      // React Query's "use client" markers mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
