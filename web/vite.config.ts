import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.IL2TRIALS_API ?? 'http://127.0.0.1:3000';

/**
 * The browser application. JSX goes through Vite's own esbuild (automatic runtime), so no React
 * plugin is needed. Pure domain modules are imported from ../src, outside the Vite root.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/api': apiTarget },
  },
  preview: { proxy: { '/api': apiTarget } },
});
