/**
 * The console loads Mantine's styles component by component (src/app/mantine-boot.css and
 * src/components/layout/mantine-console.css) instead of the whole 250 KB sheet. A component used without its
 * styles renders unstyled, and nothing else would notice: this test does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const stylesDir = join(root, 'node_modules/@mantine/core/styles');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importedSheets(cssFile: string): string[] {
  const css = readFileSync(join(root, cssFile), 'utf8');
  return [...css.matchAll(/@import "@mantine\/core\/styles\/([A-Za-z-]+)\.css";/g)].map((match) => match[1] as string);
}

describe("Mantine's styles", () => {
  it('are loaded for every Mantine component the console uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/import \{([^}]+)\} from '@mantine\/core'/g)) {
        for (const name of (match[1] as string).split(',').map((part) => part.trim().replace(/^type /, ''))) {
          if (existsSync(join(stylesDir, `${name}.css`))) used.add(name);
        }
      }
    }
    const loaded = new Set([
      ...importedSheets('src/app/mantine-boot.css'),
      ...importedSheets('src/components/layout/mantine-console.css'),
    ]);
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => !loaded.has(name)).sort()).toEqual([]);
  });

  it('are each loaded once', () => {
    const all = [
      ...importedSheets('src/app/mantine-boot.css'),
      ...importedSheets('src/components/layout/mantine-console.css'),
    ];
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((name, index) => all.indexOf(name) !== index)).toEqual([]);
  });
});
