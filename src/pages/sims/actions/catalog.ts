/**
 * Every action on a SIM, as data: its name, whether it needs typed confirmation, the input it takes (fields and
 * check), whether it makes sense for a SIM now, and the one API call it makes. The SIM page, the table's row menu
 * and the bulk runner all work from this list.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { refetchAfterChange } from '../../../api/queryClient';
import { groupQueries } from '../../../api/resources/groups';
import { type Sim, simQueries } from '../../../api/resources/sims';
import type { TFunction } from '../../../app/i18n';
import { ExpiryFields } from './ExpiryFields';
import {
  type DeleteTagInput,
  type ExpiryInput,
  type GroupInput,
  type ImeiInput,
  imeiPattern,
  parseLocalDateTime,
  type RenameInput,
  type SmsInput,
  type SpeedClass,
  type SpeedClassInput,
  smsLength,
  type TagsInput,
  tagRowErrors,
} from './inputs';
import { DeleteTagFields, GroupFields, ImeiFields, RenameFields, SpeedClassFields } from './SimpleFields';
import { SmsFields } from './SmsFields';
import { TagsFields } from './TagsFields';

export type SimActionKey =
  | 'activate'
  | 'deactivate'
  | 'set_to_standby'
  | 'suspend'
  | 'terminate'
  | 'enable_termination'
  | 'disable_termination'
  | 'update_speed_class'
  | 'set_group'
  | 'unset_group'
  | 'rename'
  | 'put_tags'
  | 'delete_tag'
  | 'set_imei_lock'
  | 'unset_imei_lock'
  | 'set_expiry_time'
  | 'unset_expiry_time'
  | 'delete_session'
  | 'send_sms';

export type Applies = { ok: true } | { ok: false; reasonKey: string };

export interface FieldsProps<I> {
  value: I;
  onChange: (value: I) => void;
  errors: Record<string, string> | null;
  sims: Sim[];
}

export interface SimActionDef<I = unknown> {
  key: SimActionKey;
  /** i18n key of the action's name, e.g. 'simActions.names.activate' */
  labelKey: string;
  /** Needs typed confirmation (the SIM's name/ID for one SIM; the count for bulk). */
  destructive: boolean;
  /** The input the action needs (null when none), its fields and its check. */
  initialInput: () => I;
  /** Field → message, null when fine. */
  validate: (input: I, t: TFunction) => Record<string, string> | null;
  Fields: ComponentType<FieldsProps<I>> | null;
  /** Whether it makes sense for this SIM now; bulk skips others with this reason's i18n key. */
  applies: (sim: Sim) => Applies;
  /**
   * Exactly one API call, no cache updates, no retries; throws the client's ApiError as is. Refuses at once when
   * the browser is offline (every action changes something; none may wait to go out later). Answers the updated SIM
   * when the API answers one.
   */
  run: (sim: Sim, input: I, signal?: AbortSignal) => Promise<Sim | undefined>;
}

/** An action of any input: the list holds actions whose inputs differ; each one's fields and check agree. */
// biome-ignore lint/suspicious/noExplicitAny: a list of actions with different inputs
export type AnySimAction = SimActionDef<any>;

const yes: Applies = { ok: true };
const no = (reason: string): Applies => ({ ok: false, reasonKey: `simActions.reasons.${reason}` });
/** Nothing can be done to a terminated SIM any more. */
const live = (sim: Sim): Applies => (sim.status === 'terminated' ? no('terminated') : yes);
const when = (sim: Sim, ok: boolean, reason: string): Applies => {
  const alive = live(sim);
  if (!alive.ok) return alive;
  return ok ? yes : no(reason);
};

function assertOnline(): void {
  if (globalThis.navigator?.onLine === false) throw ApiError.network(new Error('offline'));
}

const path = (sim: Sim, signal?: AbortSignal) => ({ params: { path: { sim_id: sim.simId ?? '' } }, signal });
const noInput = { initialInput: () => null, validate: () => null, Fields: null } as const;
const required = (value: string, field: string, t: TFunction) =>
  value.trim() === '' ? { [field]: t('simActions.validation.required') } : null;

/** An action without input. */
function plain(
  key: SimActionKey,
  applies: (sim: Sim) => Applies,
  call: (sim: Sim, signal?: AbortSignal) => Promise<{ data?: unknown }>,
  destructive = false,
): SimActionDef<null> {
  return {
    key,
    labelKey: `simActions.names.${key}`,
    destructive,
    ...noInput,
    applies,
    run: async (sim, _input, signal) => {
      assertOnline();
      const { data } = await call(sim, signal);
      return (data as Sim | undefined) ?? undefined;
    },
  };
}

/** An action with an input. */
function withInput<I>(
  key: SimActionKey,
  def: Omit<SimActionDef<I>, 'key' | 'labelKey' | 'destructive' | 'run'> & {
    call: (sim: Sim, input: I, signal?: AbortSignal) => Promise<{ data?: unknown }>;
  },
): SimActionDef<I> {
  const { call, ...rest } = def;
  return {
    key,
    labelKey: `simActions.names.${key}`,
    destructive: false,
    ...rest,
    run: async (sim, input, signal) => {
      assertOnline();
      const { data } = await call(sim, input, signal);
      const answered = data as Sim | undefined;
      return answered?.simId ? answered : undefined;
    },
  };
}

const notStatus = (status: NonNullable<Sim['status']>, reason: string) => (sim: Sim) =>
  when(sim, sim.status !== status, reason);

export const simActions: readonly AnySimAction[] = [
  plain('activate', notStatus('active', 'alreadyActive'), (sim, s) =>
    api.POST('/sims/{sim_id}/activate', path(sim, s)),
  ),
  plain('deactivate', notStatus('inactive', 'alreadyInactive'), (sim, s) =>
    api.POST('/sims/{sim_id}/deactivate', path(sim, s)),
  ),
  plain('set_to_standby', notStatus('standby', 'alreadyStandby'), (sim, s) =>
    api.POST('/sims/{sim_id}/set_to_standby', path(sim, s)),
  ),
  plain('suspend', notStatus('suspended', 'alreadySuspended'), (sim, s) =>
    api.POST('/sims/{sim_id}/suspend', path(sim, s)),
  ),
  withInput<SpeedClassInput>('update_speed_class', {
    initialInput: () => ({ speedClass: '' }),
    validate: (input, t) => required(input.speedClass, 'speedClass', t),
    Fields: SpeedClassFields,
    applies: live,
    call: (sim, input, s) =>
      api.POST('/sims/{sim_id}/update_speed_class', {
        ...path(sim, s),
        body: { speedClass: input.speedClass as SpeedClass },
      }),
  }),
  withInput<GroupInput>('set_group', {
    initialInput: () => ({ groupId: '' }),
    validate: (input, t) => required(input.groupId, 'groupId', t),
    Fields: GroupFields,
    applies: live,
    call: (sim, input, s) =>
      api.POST('/sims/{sim_id}/set_group', { ...path(sim, s), body: { groupId: input.groupId } }),
  }),
  plain(
    'unset_group',
    (sim) => when(sim, Boolean(sim.groupId), 'noGroup'),
    (sim, s) => api.POST('/sims/{sim_id}/unset_group', path(sim, s)),
  ),
  withInput<RenameInput>('rename', {
    initialInput: () => ({ name: '' }),
    validate: (input, t) => required(input.name, 'name', t),
    Fields: RenameFields,
    applies: live,
    call: (sim, input, s) =>
      api.PUT('/sims/{sim_id}/tags', { ...path(sim, s), body: [{ tagName: 'name', tagValue: input.name.trim() }] }),
  }),
  withInput<TagsInput>('put_tags', {
    initialInput: () => ({ tags: [{ name: '', value: '' }] }),
    validate: (input, t) => {
      const errors: Record<string, string> = {};
      if (input.tags.length === 0) errors.tags = t('simActions.validation.noTags');
      tagRowErrors(input.tags).forEach((key, i) => {
        if (key) errors[`tags.${i}.name`] = t(key);
      });
      return Object.keys(errors).length ? errors : null;
    },
    Fields: TagsFields,
    applies: live,
    call: (sim, input, s) =>
      api.PUT('/sims/{sim_id}/tags', {
        ...path(sim, s),
        body: input.tags.map((tag) => ({ tagName: tag.name.trim(), tagValue: tag.value })),
      }),
  }),
  withInput<DeleteTagInput>('delete_tag', {
    initialInput: () => ({ tagName: '' }),
    validate: (input, t) => required(input.tagName, 'tagName', t),
    Fields: DeleteTagFields,
    applies: (sim) => when(sim, Object.keys(sim.tags ?? {}).length > 0, 'noTags'),
    call: (sim, input, s) =>
      api.DELETE('/sims/{sim_id}/tags/{tag_name}', {
        params: { path: { sim_id: sim.simId ?? '', tag_name: input.tagName } },
        signal: s,
      }),
  }),
  withInput<ImeiInput>('set_imei_lock', {
    initialInput: () => ({ imei: '' }),
    validate: (input, t) => (imeiPattern.test(input.imei.trim()) ? null : { imei: t('simActions.validation.imei') }),
    Fields: ImeiFields,
    applies: live,
    call: (sim, input, s) =>
      api.POST('/sims/{sim_id}/set_imei_lock', { ...path(sim, s), body: { imei: input.imei.trim() } }),
  }),
  plain(
    'unset_imei_lock',
    (sim) => when(sim, Boolean(sim.imeiLock?.imei), 'noImeiLock'),
    (sim, s) => api.POST('/sims/{sim_id}/unset_imei_lock', path(sim, s)),
  ),
  withInput<ExpiryInput>('set_expiry_time', {
    initialInput: () => ({ expiryTime: '', expiryAction: 'doNothing' }),
    validate: (input, t) => {
      const when = parseLocalDateTime(input.expiryTime);
      if (Number.isNaN(when)) return { expiryTime: t('simActions.validation.required') };
      if (when <= Date.now()) return { expiryTime: t('simActions.validation.future') };
      return null;
    },
    Fields: ExpiryFields,
    applies: live,
    call: (sim, input, s) =>
      api.POST('/sims/{sim_id}/set_expiry_time', {
        ...path(sim, s),
        body: { expiryTime: parseLocalDateTime(input.expiryTime), expiryAction: input.expiryAction },
      }),
  }),
  plain(
    'unset_expiry_time',
    (sim) => when(sim, sim.expiryTime !== undefined, 'noExpiry'),
    (sim, s) => api.POST('/sims/{sim_id}/unset_expiry_time', path(sim, s)),
  ),
  plain(
    'delete_session',
    (sim) => when(sim, sim.sessionStatus?.online === true, 'offline'),
    (sim, s) => api.POST('/sims/{sim_id}/delete_session', path(sim, s)),
  ),
  withInput<SmsInput>('send_sms', {
    initialInput: () => ({ payload: '', encodingType: 2 }),
    validate: (input, t) => {
      if (input.payload === '') return { payload: t('simActions.validation.required') };
      const length = smsLength(input.payload, input.encodingType);
      if (length.unsupported.length) {
        return { payload: t('simActions.validation.smsNotGsm', { chars: length.unsupported.join(' ') }) };
      }
      if (length.count > length.limit) {
        return { payload: t('simActions.validation.smsTooLong', { count: length.count, limit: length.limit }) };
      }
      return null;
    },
    Fields: SmsFields,
    applies: (sim) => when(sim, sim.capabilities?.sms !== false, 'noSms'),
    call: (sim, input, s) =>
      api.POST('/sims/{sim_id}/send_sms', {
        ...path(sim, s),
        body: { payload: input.payload, encodingType: input.encodingType },
      }),
  }),
  plain(
    'disable_termination',
    (sim) => when(sim, sim.terminationEnabled === true, 'alreadyProtected'),
    (sim, s) => api.POST('/sims/{sim_id}/disable_termination', path(sim, s)),
  ),
  plain(
    'enable_termination',
    (sim) => when(sim, sim.terminationEnabled !== true, 'notProtected'),
    (sim, s) => api.POST('/sims/{sim_id}/enable_termination', path(sim, s)),
  ),
  plain(
    'terminate',
    (sim) => when(sim, sim.terminationEnabled === true, 'protected'),
    (sim, s) => api.POST('/sims/{sim_id}/terminate', path(sim, s)),
    true,
  ),
];

export function simActionByKey(key: SimActionKey): AnySimAction {
  const found = simActions.find((action) => action.key === key);
  if (!found) throw new Error(`No SIM action '${key}'`);
  return found;
}

/** After one or many SIMs changed: put the updated SIMs in the detail cache and refresh lists, history, events. */
export async function settleSims(queryClient: QueryClient, updated: Sim[], simIds: string[]): Promise<void> {
  const answered = updated.filter((sim): sim is Sim & { simId: string } => Boolean(sim.simId));
  // A read of the SIM already on its way would land after this answer and show the SIM as it was.
  await Promise.all(
    answered.map((sim) => queryClient.cancelQueries({ queryKey: simQueries.detail(sim.simId).queryKey })),
  );
  for (const sim of answered) queryClient.setQueryData(simQueries.detail(sim.simId).queryKey, sim);
  const answeredIds = new Set(answered.map((sim) => sim.simId));
  await refetchAfterChange(
    queryClient,
    simQueries.lists(),
    [...simQueries.all(), 'history'],
    [...simQueries.all(), 'sessionEvents'],
    // Group pages list their SIMs.
    [...groupQueries.all(), 'members'],
    ...simIds.filter((id) => !answeredIds.has(id)).map((id) => simQueries.detail(id).queryKey),
  );
}
