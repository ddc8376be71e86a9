import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// The console: a single-page application served under /console; its files are content-hashed so the
// server marks them immutable, and only index.html is revalidated.
export default defineConfig({
  root: fileURLToPath(new URL('./console', import.meta.url)),
  base: '/console/',
  publicDir: false,
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../target/frontend/static/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    chunkSizeWarningLimit: 400
  },
  test: {
    root: fileURLToPath(new URL('./console', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'node'
  }
});
