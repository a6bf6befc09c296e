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
    // The API serves dist/ under a CSP of script-src 'self': no inline scripts, no polyfill snippets.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
});
