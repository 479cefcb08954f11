/**
 * Credential sets (guesses.credentials): secrets are write-only, a set a group's configuration names cannot be
 * deleted.
 */
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handler, Handlers } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { credentialLimits, credentialTypes } from '../../guesses';
import { type CredentialInput, type CredentialRow, namesCredential } from '../../store/credentials';

type CredentialsModel = components['schemas']['CredentialsModel'];
type CredentialsRequest = components['schemas']['CreateAndUpdateCredentialsModel'];

const seconds = (ms: number) => Math.floor(ms / 1000);

/** What an answer may show of a set: never a secret field, which the store does not even keep. */
export const credentialsModel = (row: CredentialRow): CredentialsModel => ({
  credentialsId: row.credentials_id,
  type: row.type as CredentialsModel['type'],
  description: row.description,
  credentials: JSON.parse(row.public_fields) as Record<string, never>,
  createDateTime: seconds(row.created_at),
  updateDateTime: seconds(row.updated_at),
  lastUsedDateTime: seconds(row.last_used_at),
});

function checkId(value: string | undefined): string {
  if (!value || !credentialLimits.idPattern.test(value)) {
    throw badRequest('The credentials ID must be 1 to 100 letters, digits or _ . @ + -.');
  }
  return value;
}

/** The request's type, description and fields, split into public and secret ones; 400 for anything out of place. */
function checkInput(
  operatorId: string,
  credentialsId: string,
  body: CredentialsRequest | undefined,
  currentDescription = '',
): CredentialInput {
  const type = body?.type;
  const fields = type ? credentialTypes[type] : undefined;
  if (!type || !fields) throw badRequest("Request body: 'type' is required.");
  const description = body.description ?? currentDescription;
  if (description.length > credentialLimits.descriptionLength) {
    throw badRequest(`Request body: 'description' is longer than ${credentialLimits.descriptionLength} characters.`);
  }
  const given = body.credentials as Record<string, unknown> | undefined;
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    throw badRequest("Request body: 'credentials' is required.");
  }
  const known = [...fields.public, ...fields.secret];
  for (const [name, value] of Object.entries(given)) {
    if (!known.includes(name)) throw badRequest(`Request body: a ${type} set has no field '${name.slice(0, 100)}'.`);
    if (typeof value !== 'string' || value.length > credentialLimits.valueLength) {
      throw badRequest(`Request body: '${name}' must be text of at most ${credentialLimits.valueLength} characters.`);
    }
  }
  const pick = (names: readonly string[]) => {
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = given[name];
      if (typeof value === 'string' && value !== '') out[name] = value;
      else if (!fields.optional?.includes(name)) throw badRequest(`Request body: '${name}' is required for ${type}.`);
    }
    return out;
  };
  return {
    operatorId,
    credentialsId,
    type,
    description,
    publicFields: pick(fields.public),
    secretFields: pick(fields.secret),
  };
}

function pathCredential(ctx: Ctx<unknown>, operatorId: string): CredentialRow {
  const row = ctx.stores.credentials.get(operatorId, ctx.path.credentials_id ?? '');
  if (!row) throw notFound('No such credentials.');
  return row;
}

const listCredentials: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  return { status: 200, body: ctx.stores.credentials.list(operatorId).map(credentialsModel) };
};

const createCredential: Handler = (ctx: Ctx<CredentialsRequest | undefined>) => {
  const { operatorId } = caller(ctx);
  const credentialsId = checkId(ctx.path.credentials_id);
  const input = checkInput(operatorId, credentialsId, ctx.body);
  const { credentials } = ctx.stores;
  if (credentials.get(operatorId, credentialsId)) throw badRequest('Those credentials exist.', codes.alreadyExists);
  if (credentials.count(operatorId) >= credentialLimits.perOperator) {
    throw badRequest(`At most ${credentialLimits.perOperator} credential sets per operator.`, codes.limitExceeded);
  }
  credentials.create(input, ctx.now);
  return { status: 201, body: credentialsModel(credentials.get(operatorId, credentialsId) as CredentialRow) };
};

const updateCredential: Handler = (ctx: Ctx<CredentialsRequest | undefined>) => {
  const { operatorId } = caller(ctx);
  const current = pathCredential(ctx, operatorId);
  const input = checkInput(operatorId, current.credentials_id, ctx.body, current.description);
  ctx.stores.credentials.replace(input, ctx.now);
  const row = ctx.stores.credentials.get(operatorId, current.credentials_id) as CredentialRow;
  return { status: 200, body: credentialsModel(row) };
};

const deleteCredential: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const current = pathCredential(ctx, operatorId);
  const groups = ctx.stores.credentials.groupsUsing(operatorId, current.credentials_id);
  const handlers = ctx.stores.eventHandlers
    .list(operatorId)
    .filter((h) => namesCredential(h.actionConfigList, current.credentials_id));
  const users = [
    ...(groups.length > 0
      ? [
          `the configuration of ${groups.length === 1 ? 'group' : 'groups'} ${groups
            .map((g) => (g.name ? `${g.groupId} (${g.name})` : g.groupId))
            .join(', ')}`,
        ]
      : []),
    ...(handlers.length > 0
      ? [
          `${handlers.length === 1 ? 'event handler' : 'event handlers'} ${handlers
            .map((h) => `${h.handlerId} (${h.name})`)
            .join(', ')}`,
        ]
      : []),
  ];
  if (users.length > 0) {
    throw badRequest(
      `The credentials are used by ${users.join(' and ')}: remove them there first.`,
      codes.credentialsInUse,
    );
  }
  ctx.stores.credentials.remove(operatorId, current.credentials_id);
  return { status: 204 };
};

export const credentialHandlers = {
  listCredentials,
  createCredential,
  updateCredential,
  deleteCredential,
} satisfies Handlers;
