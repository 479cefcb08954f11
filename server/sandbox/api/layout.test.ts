/**
 * The layout of the handlers: a module in api/<folder>/ answers only operations whose tag in the description is that
 * folder's, no operationId has two handlers, and what the sandbox dispatches is exactly what the modules export.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Handler } from '../context';
import { loadSpec } from '../spec';
import { gather, handlers } from './handlers';

/** The folder of a tag (handlers.ts): lower case, words joined by `-`, every API Sandbox tag in sandbox/. */
function folderOf(tag: string): string {
  if (tag.startsWith('API Sandbox')) return 'sandbox';
  return tag.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function tagsByOperation(): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const item of Object.values(loadSpec().paths)) {
    for (const operation of Object.values(item)) {
      const { operationId, tags: operationTags } = operation as { operationId: string; tags?: string[] };
      tags.set(operationId, operationTags ?? []);
    }
  }
  return tags;
}

interface Registration {
  /** The module, relative to api/ (`sim/sims.ts`). */
  file: string;
  operationId: string;
  handler: Handler;
}

/** Every `…Handlers` export of every module under api/, and where it is. */
async function registrations(): Promise<Registration[]> {
  const dir = import.meta.dirname;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.includes('/') && file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
  const found: Registration[] = [];
  for (const file of files) {
    const module: Record<string, unknown> = await import(pathToFileURL(join(dir, file)).href);
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('Handlers') || typeof value !== 'object' || value === null) continue;
      for (const [operationId, handler] of Object.entries(value)) {
        found.push({ file, operationId, handler: handler as Handler });
      }
    }
  }
  return found;
}

describe('handler layout', () => {
  it('names a folder for a tag the way handlers.ts says', () => {
    expect(folderOf('Sim')).toBe('sim');
    expect(folderOf('ShippingAddress')).toBe('shipping-address');
    expect(folderOf('API Sandbox: Coupon')).toBe('sandbox');
  });

  it('keeps every handler in the folder of its operation’s tag', async () => {
    const tags = tagsByOperation();
    const misplaced: string[] = [];
    for (const { file, operationId } of await registrations()) {
      const operationTags = tags.get(operationId);
      const folder = file.split('/')[0];
      if (!operationTags) misplaced.push(`${file}: ${operationId} is not an operation of the description`);
      else if (!operationTags.map(folderOf).includes(folder as string)) {
        misplaced.push(`${file}: ${operationId} is tagged ${operationTags.join(', ')}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('registers every operationId in one module only', async () => {
    const modulesOf = new Map<string, string[]>();
    for (const { file, operationId } of await registrations()) {
      modulesOf.set(operationId, [...(modulesOf.get(operationId) ?? []), file]);
    }
    const twice = [...modulesOf].filter(([, files]) => files.length > 1).map(([id, files]) => `${id}: ${files}`);
    expect(twice).toEqual([]);
  });

  it('dispatches exactly the handlers the modules export', async () => {
    const exported = new Map((await registrations()).map((r) => [r.operationId, r.handler]));
    expect([...handlers.keys()].sort()).toEqual([...exported.keys()].sort());
    for (const [operationId, handler] of handlers) expect(handler, operationId).toBe(exported.get(operationId));
  });

  it('refuses two handlers for one operationId when gathering', () => {
    const handler: Handler = () => ({ status: 204 });
    expect(() => gather([{ getSim: handler }, { getSim: handler }])).toThrow('Two sandbox handlers for getSim');
  });
});
