import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The desk: a static single-page application. Hashed file names under /assets let the engine and CloudFront
// cache them for good; index.html is always revalidated.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // No public/ folder: /desk-config.json is written beside index.html by whoever serves the desk.
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // A strict Content-Security-Policy (script-src 'self') allows no inline script or data: module.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
