/**
 * Two coverages over one database (guesses: the account, `coverage`). The account (its users, roles, keys, sign-in,
 * contacts, contracts, payment) is one; SIMs, groups and their configuration, usage, bills, credentials, event
 * handlers and error logs belong to a coverage. The Japan coverage's rows are owned by the operator itself, as they
 * always were; the Global coverage's rows are owned by the operator's Global partition: a row of `operators` with
 * its own ID (`OP…-g`), `account_of` naming the operator, no address to sign in with and no password. Every store
 * keeps working by owner ID, unchanged: a call to the Global endpoint runs its handler with the partition as the
 * caller's operator, and the answer names the operator again.
 */
import type { ApiAnswer } from './answers';
import { JsonText, type Reply } from './context';
import type { coverage as coverageGuess } from './guesses';

export type CoverageType = (typeof coverageGuess.types)[number];

/**
 * The services (permission prefixes, the description's tags) whose data belong to a coverage. Every other one
 * (Operator, User, Role, Auth, Email, SystemNotification, Payment, AuditLog, Order, ShippingAddress) is the
 * account's, the same on both endpoints.
 */
const coverageServices: ReadonlySet<string> = new Set([
  'Sim',
  'Subscriber',
  'Group',
  'Query',
  'Stats',
  'Billing',
  'Files',
  'Credential',
  'EventHandler',
  'Log',
  'ResourceSummary',
]);

/** The Sandbox API's operations on a coverage's SIMs; its operators, coupons and order shipping are the account's. */
const coverageSandboxOperations: ReadonlySet<string> = new Set([
  'sandboxCreateSubscriber',
  'sandboxInsertAirStats',
  'sandboxInsertBeamStats',
]);

/** Whether an operation reaches a coverage's data (rather than the account's). */
export const reachesCoverage = (operation: { service: string; operationId: string }): boolean =>
  coverageServices.has(operation.service) || coverageSandboxOperations.has(operation.operationId);

const partitionSuffix = '-g';

/** The owner of an operator's rows in a coverage: the operator itself in Japan, its partition in Global. */
export const ownerIn = (operatorId: string, coverage: CoverageType): string =>
  coverage === 'g' ? `${operatorId}${partitionSuffix}` : operatorId;

/** The operator (the account) behind an owner ID of either coverage. */
export const accountOf = (ownerId: string): string =>
  ownerId.endsWith(partitionSuffix) ? ownerId.slice(0, -partitionSuffix.length) : ownerId;

/** The coverage an owner ID's rows belong to. */
export const coverageOfOwner = (ownerId: string): CoverageType => (ownerId.endsWith(partitionSuffix) ? 'g' : 'jp');

/** A reply whose text names the partition, naming the operator instead (SIMs and groups carry `operatorId`). */
export function answerAsAccount(reply: Reply, ownerId: string, operatorId: string): Reply {
  if (reply.body === undefined || ownerId === operatorId) return reply;
  const text = reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body);
  if (!text.includes(ownerId)) return reply;
  return { ...reply, body: new JsonText(text.replaceAll(ownerId, operatorId)) };
}

/** An error answer's message naming the operator rather than its partition. */
export function errorAsAccount(answer: ApiAnswer, ownerId: string, operatorId: string): ApiAnswer {
  if (!answer.body || ownerId === operatorId) return answer;
  const text = answer.body.toString('utf8');
  if (!text.includes(ownerId)) return answer;
  const body = Buffer.from(text.replaceAll(ownerId, operatorId));
  return { ...answer, headers: { ...answer.headers, 'content-length': String(body.length) }, body };
}
