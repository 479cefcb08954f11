/** The generated catalogue of every SORACOM operation (scripts/api-generate.ts), loaded only with the team screens. */
import catalog from '../../../api/operationCatalog.json';

export interface CatalogOperation {
  service: string;
  operationId: string;
  method: string;
  path: string;
}

const entries: Record<string, string[][]> = catalog;

export const services: readonly string[] = Object.keys(entries);

export const operationsOf = (service: string): readonly CatalogOperation[] =>
  (entries[service] ?? []).map(([operationId = '', method = '', path = '']) => ({
    service,
    operationId,
    method,
    path,
  }));

export const allOperations: readonly CatalogOperation[] = services.flatMap(operationsOf);

/** The `{name}` parts of a path: what `pathVariable('name')` in a condition can look at. */
export const pathVariablesOf = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
