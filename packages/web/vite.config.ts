import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is served by the Nestwerk server on the same origin (strict CSP: no inline scripts or styles),
 * so the build emits only files; in development Vite proxies /api to a running server.
 */
export default defineConfig(({ command }) => ({
  plugins: [react()],
  // A build is always what users get, even when started from a test runner that sets NODE_ENV=test
  // (which would otherwise bundle React's development variant).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    // Keep CSS in files (never injected at run time) so `style-src 'self'` holds.
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.NESTWERK_API_URL ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
}));
