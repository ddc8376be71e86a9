import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The public site's assets: content-hashed files under /assets/ plus a manifest that the server reads to
// link them, so every asset can be cached as immutable.
export default defineConfig({
  base: '/assets/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../target/frontend/static/assets', import.meta.url)),
    emptyOutDir: true,
    assetsDir: '',
    manifest: 'site-manifest.json',
    target: 'es2019',
    cssCodeSplit: true,
    rollupOptions: {
      input: { site: fileURLToPath(new URL('./site/main.js', import.meta.url)) }
    }
  },
  test: {
    include: ['site/**/*.test.js'],
    environment: 'node'
  }
});
