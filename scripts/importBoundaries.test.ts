/**
 * The import boundaries of biome.json hold: only src/api calls the API client, and the server imports no console code.
 * Each case writes a small module at a real path of the project (the rule depends on where a file is), lints it with
 * the project's Biome and removes it.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/** Lints `source` as if it were the file at `path` (relative to the project); answers Biome's diagnostics. */
async function lintAs(path: string, source: string): Promise<string[]> {
  const file = join(root, path.replace('{id}', randomUUID().slice(0, 8)));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  try {
    const { stdout } = await run(biome, ['lint', '--reporter=json', '--max-diagnostics=50', file], { cwd: root }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const report = JSON.parse(stdout) as { diagnostics: { category: string; message: string }[] };
    return report.diagnostics.map((d) => `${d.category}: ${d.message}`);
  } finally {
    rmSync(file, { force: true });
  }
}

const restricted = (diagnostics: string[]) => diagnostics.filter((d) => d.includes('noRestrictedImports'));

describe('import boundaries', () => {
  it('refuses the API client in a page, a component or a test outside src/api', async () => {
    const source = "import { api } from '../../api/client';\n\nexport const probe = api;\n";
    for (const path of ['src/pages/sims/probe-{id}.ts', 'src/components/probe-{id}.test.ts']) {
      const found = restricted(await lintAs(path, source));
      expect(found, path).toHaveLength(1);
      expect(found[0]).toContain('Only src/api calls the API client');
    }
    const lazy = "export const load = () => import('../../api/client');\n";
    expect(restricted(await lintAs('src/pages/login/probe-{id}.ts', lazy))).toHaveLength(1);
  });

  it('lets src/api use its client', async () => {
    const source = "import { api } from '../client';\n\nexport const probe = api;\n";
    expect(restricted(await lintAs('src/api/resources/probe-{id}.ts', source))).toEqual([]);
  });

  it('refuses console code in the server and common/, but allows the generated schema types', async () => {
    const code = "import { formatBytes } from '../../src/lib/bytes';\n\nexport const probe = formatBytes;\n";
    expect(restricted(await lintAs('server/sandbox/probe-{id}.ts', code))).toHaveLength(1);
    expect(restricted(await lintAs('common/probe-{id}.ts', code.replace('../../', '../')))).toHaveLength(1);
    const types = "import type { components } from '../../src/api/schema';\n\nexport type Probe = components;\n";
    expect(restricted(await lintAs('server/sandbox/probe-{id}.ts', types))).toEqual([]);
  });
});
