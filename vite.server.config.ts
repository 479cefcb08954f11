/**
 * The server as plain JavaScript for `npm start`: server/main.ts and everything it imports from server/ and common/
 * in one ES module, dist-server/main.js. Packages stay in node_modules (imported at run time, better-sqlite3's native
 * addon among them); openapi/soracom.json and package.json's version are bundled in.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  // Not the console's config: no React plugin, no public/ copied.
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
  ssr: { target: 'node' },
});
