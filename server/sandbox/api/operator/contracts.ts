/**
 * The operator's contracts, configuration namespaces, coverage types and support token (guesses: the account). The
 * `Support` namespace is read from the `support` contract, so both live here.
 */
import { randomBytes } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound, SoracomError } from '../../errors';
import { coverage } from '../../guesses';
import type { AccountStore } from '../../store/account';

type ContractRequest = components['schemas']['ContractUpdatingRequest'];
type ConfigurationModel = components['schemas']['OperatorConfigurationModel'];
type SetConfiguration = components['schemas']['SetOperatorConfigurationNamespaceRequest'];
type Detail = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The detail a contract keeps, checked against what the description allows for it. */
function contractDetail(name: ContractRequest['contractName'], given: unknown): Detail | null {
  if (name === 'api_audit_log' || name === 'napter') {
    if (given !== undefined) throw badRequest(`The ${name} contract takes no contractDetail.`);
    return null;
  }
  const detail = isRecord(given) ? given : {};
  const allowed = name === 'harvest' ? ['plan', 'ttl'] : ['tier'];
  const extra = Object.keys(detail).find((key) => !allowed.includes(key));
  if (extra) throw badRequest(`Request body: 'contractDetail.${extra}' is not a detail of the ${name} contract.`);
  if (name === 'harvest') {
    if (detail.plan !== undefined && detail.plan !== 'extended') {
      throw badRequest('Request body: \'contractDetail.plan\' must be "extended".');
    }
    if (detail.ttl !== undefined && detail.ttl !== 731)
      throw badRequest("Request body: 'contractDetail.ttl' must be 731.");
    return detail;
  }
  if (detail.tier !== undefined && detail.tier !== 'priority') {
    throw badRequest('Request body: \'contractDetail.tier\' must be "priority".');
  }
  return { tier: 'priority' };
}

/** `contracts` and `contractDetail` as getOperator answers them. */
export function contractsOf(account: AccountStore, operatorId: string) {
  const rows = account.contracts(operatorId);
  return {
    contracts: rows.map((row) => row.contract_name),
    contractDetail: Object.fromEntries(
      rows.flatMap((row) => (row.detail === null ? [] : [[row.contract_name, JSON.parse(row.detail) as Detail]])),
    ),
  };
}

const addOperatorContract: Handler = (ctx: Ctx<ContractRequest>) => {
  const { operatorId } = caller(ctx);
  const { contractName } = ctx.body;
  const detail = contractDetail(contractName, ctx.body.contractDetail);
  ctx.transaction(() => ctx.stores.account.putContract(operatorId, contractName, detail, ctx.now));
  return { status: 200, body: { contractName, ...(detail === null ? {} : { contractDetail: detail }) } };
};

const deleteOperatorContract: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const deleted = ctx.transaction(() =>
    ctx.stores.account.deleteContract(operatorId, ctx.path.contract_name ?? '', ctx.now),
  );
  if (!deleted) {
    throw notFound('The operator has no such contract.');
  }
  return { status: 204 };
};

const namespaces = ['Email', 'Support'] as const;
type Namespace = (typeof namespaces)[number];

function namespaceOf(ctx: Ctx<unknown>): Namespace {
  const namespace = ctx.path.namespace as Namespace;
  if (!namespaces.includes(namespace)) throw badRequest(`The namespace is one of ${namespaces.join(', ')}.`);
  return namespace;
}

function configurationOf(ctx: Ctx<unknown>, operatorId: string, namespace: Namespace): ConfigurationModel {
  if (namespace === 'Support') {
    const support = ctx.stores.account.contracts(operatorId).some((row) => row.contract_name === 'support');
    return {
      namespace,
      configuration: { tier: support ? 'priority' : 'basic', paymentCoverage: 'jp' },
      isModifiable: false,
      version: 1,
    };
  }
  const stored = ctx.stores.account.configuration(operatorId, namespace);
  if (!stored) throw notFound('The operator has no configuration in this namespace.');
  return { namespace, configuration: stored.doc, isModifiable: true, version: stored.version };
}

/** An `Email` configuration: `billing.attachInvoicePdfEnabled` and `notification.exceedBundleDisabled`, booleans. */
function emailConfiguration(value: unknown): Detail {
  const shape: Record<string, string> = { billing: 'attachInvoicePdfEnabled', notification: 'exceedBundleDisabled' };
  if (!isRecord(value)) throw badRequest("Request body: 'configuration' must be an object.");
  const result: Detail = {};
  for (const [section, settings] of Object.entries(value)) {
    const only = shape[section];
    if (!only) throw badRequest(`Request body: 'configuration.${section}' is not an email setting.`);
    if (!isRecord(settings)) throw badRequest(`Request body: 'configuration.${section}' must be an object.`);
    for (const [key, setting] of Object.entries(settings)) {
      if (key !== only || typeof setting !== 'boolean') {
        throw badRequest(`Request body: 'configuration.${section}.${key}' is not a boolean email setting.`);
      }
    }
    result[section] = settings;
  }
  return result;
}

const getOperatorConfigurationNamespace: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: configurationOf(ctx, operatorId, namespaceOf(ctx)) };
};

const setOperatorConfigurationNamespace: Handler = (ctx: Ctx<SetConfiguration>) => {
  const { operatorId } = caller(ctx);
  const namespace = namespaceOf(ctx);
  if (namespace === 'Support') throw badRequest('The Support configuration follows the support contract.');
  const doc = emailConfiguration(ctx.body.configuration);
  const version = ctx.stores.account.configuration(operatorId, namespace)?.version ?? 0;
  if (ctx.body.expectedVersion !== undefined && ctx.body.expectedVersion !== version) {
    throw new SoracomError(409, codes.conflict, 'The configuration has changed: get it again, then update it.');
  }
  ctx.stores.account.putConfiguration(operatorId, namespace, doc);
  return { status: 200, body: configurationOf(ctx, operatorId, namespace) };
};

const deleteOperatorConfigurationNamespace: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const namespace = namespaceOf(ctx);
  if (namespace === 'Support') throw badRequest('The Support configuration follows the support contract.');
  if (!ctx.stores.account.deleteConfiguration(operatorId, namespace)) {
    throw notFound('The operator has no configuration in this namespace.');
  }
  return { status: 204 };
};

/** Every operator has Japan coverage; Global is added once (guesses: the account). */
export function coverageTypesOf(account: AccountStore, operatorId: string): string[] {
  return [...new Set([coverage.home, ...account.coverages(operatorId)])];
}

const addCoverageType: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const coverageType = ctx.path.coverage_type ?? '';
  if (!coverage.types.includes(coverageType as (typeof coverage.types)[number])) {
    throw badRequest(`The coverage type is one of ${coverage.types.join(', ')}.`);
  }
  if (coverageTypesOf(ctx.stores.account, operatorId).includes(coverageType)) {
    throw badRequest('The operator has this coverage type already.', codes.alreadyExists);
  }
  ctx.stores.account.addCoverage(operatorId, coverageType, ctx.now);
  return { status: 201 };
};

const generateSupportToken: Handler = (ctx) => {
  caller(ctx);
  // Nothing local accepts it (guesses: the account), so it is not kept.
  return { status: 200, body: { token: `support-${randomBytes(24).toString('base64url')}` } };
};

export const contractHandlers = {
  addOperatorContract,
  deleteOperatorContract,
  getOperatorConfigurationNamespace,
  setOperatorConfigurationNamespace,
  deleteOperatorConfigurationNamespace,
  generateSupportToken,
  addCoverageType,
} satisfies Handlers;
