/**
 * The dashboard's build (`npm run build:web`, or `vite build web`): Preact through Vite's own
 * JSX transform (no plugin), ECharts tree-shaken into a chunk of its own, everything bundled into
 * web/dist, served by the API (api/routes/web.ts). Nothing is loaded from a CDN at run time.
 */
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
  base: '/',
  // The production JSX runtime for a build even when NODE_ENV says otherwise (jest sets `test`).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: command === 'serve' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One chunk for ECharts (loaded only by pages with a chart): the warning threshold fits it.
    chunkSizeWarningLimit: 900,
    sourcemap: false,
  },
}));
