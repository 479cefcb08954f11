/** SMS to a SIM: `POST /sims/{sim_id}/send_sms` (its `/subscribers/{imsi}` twin: api/subscriber/actions.ts). */
import { randomUUID } from 'node:crypto';
import type { components } from '../../../../src/api/schema';
import type { Ctx, Handlers, Reply } from '../../context';
import { caller } from '../../context';
import { badRequest, codes, notFound } from '../../errors';
import { smsLimits } from '../../guesses';

const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '\f^{}\\[~]|€';

/** Septets of `text` in the GSM 7-bit default alphabet, or null when a character is not in it. */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (gsmBasic.includes(ch)) n += 1;
    else if (gsmExtension.includes(ch)) n += 2;
    else return null;
  }
  return n;
}

type SmsRequest = components['schemas']['SmsForwardingRequest'];
/** `send_sms` to the caller's SIM `simId` (guesses.smsLimits): 202 with a fresh message ID; nothing is stored. */
export function sendSmsTo(ctx: Ctx<never>, simId: string): Reply {
  const sim = ctx.stores.sims.get(caller(ctx).operatorId, simId);
  if (!sim) throw notFound('No such SIM found.');
  if (!sim.capabilities?.sms || sim.status === 'terminated') {
    throw badRequest(`SIM ${simId} cannot receive SMS.`, codes.smsNotAllowed);
  }
  const body = (ctx.body ?? {}) as SmsRequest;
  const encoding = body.encodingType ?? 2;
  const payload = body.payload;
  if (typeof payload !== 'string' || payload === '') throw badRequest("Request body: 'payload' is required.");
  if (encoding === 1) {
    const septets = gsm7Length(payload);
    if (septets === null) {
      throw badRequest(
        'The payload has characters outside the GSM 7-bit default alphabet; use encodingType 2.',
        codes.smsNotAllowed,
      );
    }
    if (septets > smsLimits.gsm7) {
      throw badRequest(
        `The payload is ${septets} GSM 7-bit characters; at most ${smsLimits.gsm7}.`,
        codes.smsNotAllowed,
      );
    }
  } else if (encoding === 2) {
    if (payload.length > smsLimits.ucs2) {
      throw badRequest(
        `The payload is ${payload.length} UCS-2 characters; at most ${smsLimits.ucs2}.`,
        codes.smsNotAllowed,
      );
    }
  } else {
    throw badRequest("Request body: 'encodingType' must be 1 (GSM 7-bit) or 2 (UCS-2).");
  }
  return { status: 202, body: { messageId: randomUUID().replaceAll('-', '') } };
}
export const simSmsHandlers = {
  sendSmsToSim: (ctx) => sendSmsTo(ctx, ctx.path.sim_id ?? ''),
} satisfies Handlers;
