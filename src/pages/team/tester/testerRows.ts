/** The permission tester's computation: each operation, the evaluator's decision, and its explanation in words. */
import {
  type ApiRequestFacts,
  type Decision,
  evaluatePermissions,
  type PermissionSource,
  type SourcedPermission,
} from '../../../../common/permissions';
import type { TFunction } from '../../../app/i18n';
import type { CatalogOperation } from '../permissions/operationCatalog';

export type TesterFacts = Omit<ApiRequestFacts, 'service' | 'operationId'>;

export interface TesterRow {
  operation: CatalogOperation;
  decision: Decision;
}

export function testerRows(
  sources: readonly SourcedPermission[],
  operations: readonly CatalogOperation[],
  facts: TesterFacts,
): TesterRow[] {
  return operations.map((operation) => ({
    operation,
    decision: evaluatePermissions(sources, {
      ...facts,
      service: operation.service,
      operationId: operation.operationId,
    }),
  }));
}

export function sourceLabel(source: PermissionSource, t: TFunction): string {
  if (source.kind === 'role') return t('team.tester.source.role', { id: source.roleId });
  return t(`team.tester.source.${source.kind}`);
}

/** "Allowed by statement 2 of role viewer", "Denied by …", or "No statement allows it". Statements count from 1. */
export function explain(decision: Decision, t: TFunction): string {
  const by = decision.decidedBy;
  if (!by) return t('team.tester.noStatement');
  const values = { n: by.statementIndex + 1, source: sourceLabel(by.source, t) };
  return decision.reason === 'denied' ? t('team.tester.deniedBy', values) : t('team.tester.allowedBy', values);
}

/** `name=value` pairs separated by commas or line breaks, for `pathVariable('name')` in conditions. */
export function parsePathVariables(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

/** Operations whose service is `service` (all when empty) and whose name or path holds `text`. */
export function filterOperations(
  operations: readonly CatalogOperation[],
  service: string | null,
  text: string,
): CatalogOperation[] {
  const needle = text.trim().toLowerCase();
  return operations.filter(
    (op) =>
      (!service || op.service === service) &&
      (!needle || `${op.service}:${op.operationId} ${op.path}`.toLowerCase().includes(needle)),
  );
}
