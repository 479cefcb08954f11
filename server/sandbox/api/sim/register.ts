/** Registering a SIM made by the Sandbox API (`/sandbox/subscribers/create`) to the caller's account. */
import type { components } from '../../../../src/api/schema';
import type { Handler, Handlers, Reply } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound, SoracomError } from '../../errors';
import { setGroupUnknownGroupStatus } from '../../guesses';
import { applyChange } from './changes';

type RegisterRequest = components['schemas']['RegisterSimRequest'];
/** `registerSim` (guesses.setGroupUnknownGroupStatus): the secret `/sandbox/subscribers/create` gave, once. */
const registerSim: Handler = (ctx) => {
  const { operatorId } = caller(ctx);
  const simId = ctx.path.sim_id ?? '';
  const body = ctx.body as RegisterRequest;
  return ctx.transaction((): Reply => {
    if (!ctx.stores.sims.get(operatorId, simId)) throw notFound('No such SIM found.');
    const secret = ctx.stores.sims.registrationSecret(operatorId, simId);
    if (secret === null) throw badRequest(`SIM ${simId} is already registered.`, codes.registrationFailed);
    if (body.registrationSecret !== secret) {
      throw badRequest('The registration secret is wrong.', codes.registrationFailed);
    }
    if (body.groupId !== undefined && !ctx.stores.groups.get(operatorId, body.groupId)) {
      throw new SoracomError(
        setGroupUnknownGroupStatus,
        codes.badRequest,
        `Request body: there is no group '${body.groupId}'.`,
      );
    }
    const sim = applyChange(ctx, simId, (_ctx, s) => {
      if (body.groupId !== undefined) s.groupId = body.groupId;
      if (body.tags) s.tags = { ...s.tags, ...(body.tags as Record<string, string>) };
    });
    ctx.stores.sims.clearRegistrationSecret(operatorId, simId);
    return { status: 201, body: sim };
  });
};

export const registerSimHandlers = { registerSim } satisfies Handlers;
