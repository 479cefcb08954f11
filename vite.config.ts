import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);
const reactRouterDir = dirname(require.resolve('react-router/package.json'));

const shellParts = [
  /[\\/]src[\\/]components[\\/]layout[\\/]SignedInLayout\.tsx$/,
  /[\\/]node_modules[\\/]@mantine[\\/]/,
  /[\\/]node_modules[\\/]@tanstack[\\/]react-query[\\/]/,
  /[\\/]src[\\/]components[\\/][^\\/]+\.tsx?$/,
  /[\\/]src[\\/]lib[\\/]/,
];
/** Used by one screen only, and large (with the QR code generator): it loads with the account's MFA set-up. */
const notInShell = [/[\\/]src[\\/]components[\\/]QrCode\.tsx$/];
const inShell = (id: string) => shellParts.some((part) => part.test(id)) && !notInShell.some((part) => part.test(id));

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: {
    // react-router's package exports point every bundler at its development build (warnings and all);
    // production builds take the production one it also ships.
    alias:
      command === 'build'
        ? [{ find: /^react-router$/, replacement: join(reactRouterDir, 'dist/production/index.mjs') }]
        : [],
  },
  build: {
    // scripts/bundle-budget.ts reads the manifest to add up what each route loads.
    manifest: true,
    // Every browser the console supports has native modulepreload; the polyfill would only add to the entry.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen needs (main.tsx and all it imports statically, the login page included)
          // in one file, instead of the dozens of small common chunks automatic splitting makes of it.
          // Then, in one more, the signed-in frame with what it imports (React Query, AppShell, notifications…), the
          // Mantine components and the shared components and helpers the screens use (charts stay with their pages):
          // every signed-in screen needs most of it, and over HTTP/1.1 on a phone's network a dozen small chunks
          // queue behind six connections, a round trip each (Lighthouse on /billing:
          // bench/results/lighthouse-billing.json). /login is unchanged: what it uses stays in 'boot'.
          groups: [
            { name: 'boot', test: /[\\/]src[\\/]main\.tsx$/, priority: 2 },
            { name: 'shell', test: inShell, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` talks to the API of a running `npm run serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
}));
