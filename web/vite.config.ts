import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mantineCssGuard } from './scripts/mantine-css.mjs';
import { precompress } from './scripts/precompress.mjs';

const sharedSource = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
const appSource = fileURLToPath(new URL('./src', import.meta.url));
// Where `vite` and `vite preview` send /api; the API listens on 3000 unless told otherwise.
const apiTarget = process.env.SOUNDINGS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    mantineCssGuard(),
    // Prints the initial JavaScript (fails over 200 kB gzipped) and writes .br/.gz beside each text asset.
    precompress({ screens: { '/dashboard': 'src/app/routes/dashboard.tsx', '/stakeholders/:id': 'src/app/routes/stakeholder.tsx' } }),
  ],
  resolve: {
    // Compile the shared contract from source so the web app never waits on a shared build.
    alias: { '@soundings/shared': sharedSource, '@': appSource },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget },
  },
  preview: {
    port: 4173,
    proxy: { '/api': apiTarget },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No <link rel="modulepreload"> for the entry's chunks, nor Vite's helper that adds them for a lazy route's:
    // on a slow phone the ten preloads competed with the render-blocking stylesheet and the links themselves
    // cost main-thread time, and Lighthouse's first paint came 0.5 s later with them (decision 027). It also
    // keeps the CSP of script-src 'self' free of inline polyfill snippets.
    modulePreload: false,
    chunkSizeWarningLimit: 1200,
  },
});
