/**
 * Every call that changes one SIM, one function per operation: exactly one request, no cache updates, no retries;
 * SORACOM's refusal is thrown as the client's ApiError as is. Each refuses at once while the browser is offline
 * (every one changes something; none may wait to go out later) and answers the updated SIM when the API answers one.
 *
 * Forms use them through `simChanges` (the call and its cache effect); the SIM action catalogue and the bulk runner
 * pick them by action.
 */
import { api } from '../client';
import { ApiError } from '../errors';
import type { components } from '../schema';
import type { Sim } from './sims';

type Schemas = components['schemas'];
type SpeedClass = Schemas['UpdateSpeedClassRequest']['speedClass'];
type ExpiryTime = Schemas['ExpiryTime'];
type SmsRequest = Schemas['SmsForwardingRequest'];
type TagUpdate = Schemas['TagUpdateRequest'];
export type RegisterSimRequest = Schemas['RegisterSimRequest'];

function assertOnline(): void {
  if (globalThis.navigator?.onLine === false) throw ApiError.network(new Error('offline'));
}

/**
 * Sends the request unless the browser is offline (checked before the request is built, so nothing at all goes out),
 * and answers the SIM in the answer; nothing for answers that are not a SIM (202 with a message ID, 204).
 */
async function send(request: () => Promise<{ data?: unknown }>): Promise<Sim | undefined> {
  assertOnline();
  const { data } = await request();
  const answered = data as Sim | undefined;
  return answered?.simId ? answered : undefined;
}

const on = (simId: string, signal?: AbortSignal) => ({ params: { path: { sim_id: simId } }, signal });

export const simCalls = {
  activate: (simId: string, signal?: AbortSignal) => send(() => api.POST('/sims/{sim_id}/activate', on(simId, signal))),
  deactivate: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/deactivate', on(simId, signal))),
  setToStandby: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/set_to_standby', on(simId, signal))),
  suspend: (simId: string, signal?: AbortSignal) => send(() => api.POST('/sims/{sim_id}/suspend', on(simId, signal))),
  terminate: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/terminate', on(simId, signal))),
  enableTermination: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/enable_termination', on(simId, signal))),
  disableTermination: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/disable_termination', on(simId, signal))),
  updateSpeedClass: (simId: string, speedClass: SpeedClass, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/update_speed_class', { ...on(simId, signal), body: { speedClass } })),
  setGroup: (simId: string, groupId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/set_group', { ...on(simId, signal), body: { groupId } })),
  unsetGroup: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/unset_group', on(simId, signal))),
  /** Sets these tags; the SIM's other tags stay. */
  putTags: (simId: string, tags: TagUpdate[], signal?: AbortSignal) =>
    send(() => api.PUT('/sims/{sim_id}/tags', { ...on(simId, signal), body: tags })),
  /** The SIM's name is its `name` tag. */
  rename: (simId: string, name: string, signal?: AbortSignal) =>
    simCalls.putTags(simId, [{ tagName: 'name', tagValue: name.trim() }], signal),
  deleteTag: (simId: string, tagName: string, signal?: AbortSignal) =>
    send(() =>
      api.DELETE('/sims/{sim_id}/tags/{tag_name}', { params: { path: { sim_id: simId, tag_name: tagName } }, signal }),
    ),
  setImeiLock: (simId: string, imei: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/set_imei_lock', { ...on(simId, signal), body: { imei } })),
  unsetImeiLock: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/unset_imei_lock', on(simId, signal))),
  setExpiryTime: (simId: string, expiry: ExpiryTime, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/set_expiry_time', { ...on(simId, signal), body: expiry })),
  unsetExpiryTime: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/unset_expiry_time', on(simId, signal))),
  deleteSession: (simId: string, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/delete_session', on(simId, signal))),
  sendSms: (simId: string, sms: SmsRequest, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/send_sms', { ...on(simId, signal), body: sms })),
  /** Adds a SIM to the operator with its registration secret; answers the registered SIM. */
  register: (simId: string, body: RegisterSimRequest, signal?: AbortSignal) =>
    send(() => api.POST('/sims/{sim_id}/register', { ...on(simId, signal), body })),
};
