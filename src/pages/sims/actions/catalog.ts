/**
 * Every action on a SIM, as data: its name, whether it needs typed confirmation, the input it takes (fields and
 * check), whether it makes sense for a SIM now, and which call of `simCalls` (src/api) it makes with that input. The
 * SIM page, the table's row menu and the bulk runner all work from this list.
 */

import { simCalls } from '../../../api/resources/simCalls';
import type { Sim } from '../../../api/resources/sims';
import type { KeyUnder, TFunction } from '../../../app/i18n';
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
import type { AnySimAction, Applies, SimActionDef, SimActionKey } from './types';

const yes: Applies = { ok: true };
const no = (reason: KeyUnder<'simActions.reasons'>): Applies => ({
  ok: false,
  reasonKey: `simActions.reasons.${reason}`,
});
/** Nothing can be done to a terminated SIM any more. */
const live = (sim: Sim): Applies => (sim.status === 'terminated' ? no('terminated') : yes);
const when = (sim: Sim, ok: boolean, reason: KeyUnder<'simActions.reasons'>): Applies => {
  const alive = live(sim);
  if (!alive.ok) return alive;
  return ok ? yes : no(reason);
};

const noInput = { initialInput: () => null, validate: () => null, Fields: null } as const;
const required = (value: string, field: string, t: TFunction) =>
  value.trim() === '' ? { [field]: t('simActions.validation.required') } : null;

/** An action without input. */
function plain(
  key: SimActionKey,
  applies: (sim: Sim) => Applies,
  call: (simId: string, signal?: AbortSignal) => Promise<Sim | undefined>,
  destructive = false,
): SimActionDef<null> {
  return {
    key,
    labelKey: `simActions.names.${key}`,
    destructive,
    ...noInput,
    applies,
    run: (simId, _input, signal) => call(simId, signal),
  };
}

/** An action with an input. */
function withInput<I>(
  key: SimActionKey,
  def: Omit<SimActionDef<I>, 'key' | 'labelKey' | 'destructive'>,
): SimActionDef<I> {
  return { key, labelKey: `simActions.names.${key}`, destructive: false, ...def };
}

const notStatus = (status: NonNullable<Sim['status']>, reason: KeyUnder<'simActions.reasons'>) => (sim: Sim) =>
  when(sim, sim.status !== status, reason);

export const simActions: readonly AnySimAction[] = [
  plain('activate', notStatus('active', 'alreadyActive'), simCalls.activate),
  plain('deactivate', notStatus('inactive', 'alreadyInactive'), simCalls.deactivate),
  plain('set_to_standby', notStatus('standby', 'alreadyStandby'), simCalls.setToStandby),
  plain('suspend', notStatus('suspended', 'alreadySuspended'), simCalls.suspend),
  withInput<SpeedClassInput>('update_speed_class', {
    initialInput: () => ({ speedClass: '' }),
    validate: (input, t) => required(input.speedClass, 'speedClass', t),
    Fields: SpeedClassFields,
    applies: live,
    run: (simId, input, s) => simCalls.updateSpeedClass(simId, input.speedClass as SpeedClass, s),
  }),
  withInput<GroupInput>('set_group', {
    initialInput: () => ({ groupId: '' }),
    validate: (input, t) => required(input.groupId, 'groupId', t),
    Fields: GroupFields,
    applies: live,
    run: (simId, input, s) => simCalls.setGroup(simId, input.groupId, s),
  }),
  plain('unset_group', (sim) => when(sim, Boolean(sim.groupId), 'noGroup'), simCalls.unsetGroup),
  withInput<RenameInput>('rename', {
    initialInput: () => ({ name: '' }),
    validate: (input, t) => required(input.name, 'name', t),
    Fields: RenameFields,
    applies: live,
    run: (simId, input, s) => simCalls.rename(simId, input.name, s),
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
    run: (simId, input, s) =>
      simCalls.putTags(
        simId,
        input.tags.map((tag) => ({ tagName: tag.name.trim(), tagValue: tag.value })),
        s,
      ),
  }),
  withInput<DeleteTagInput>('delete_tag', {
    initialInput: () => ({ tagName: '' }),
    validate: (input, t) => required(input.tagName, 'tagName', t),
    Fields: DeleteTagFields,
    applies: (sim) => when(sim, Object.keys(sim.tags ?? {}).length > 0, 'noTags'),
    run: (simId, input, s) => simCalls.deleteTag(simId, input.tagName, s),
  }),
  withInput<ImeiInput>('set_imei_lock', {
    initialInput: () => ({ imei: '' }),
    validate: (input, t) => (imeiPattern.test(input.imei.trim()) ? null : { imei: t('simActions.validation.imei') }),
    Fields: ImeiFields,
    applies: live,
    run: (simId, input, s) => simCalls.setImeiLock(simId, input.imei.trim(), s),
  }),
  plain('unset_imei_lock', (sim) => when(sim, Boolean(sim.imeiLock?.imei), 'noImeiLock'), simCalls.unsetImeiLock),
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
    run: (simId, input, s) =>
      simCalls.setExpiryTime(
        simId,
        { expiryTime: parseLocalDateTime(input.expiryTime), expiryAction: input.expiryAction },
        s,
      ),
  }),
  plain('unset_expiry_time', (sim) => when(sim, sim.expiryTime !== undefined, 'noExpiry'), simCalls.unsetExpiryTime),
  plain('delete_session', (sim) => when(sim, sim.sessionStatus?.online === true, 'offline'), simCalls.deleteSession),
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
    run: (simId, input, s) => simCalls.sendSms(simId, { payload: input.payload, encodingType: input.encodingType }, s),
  }),
  plain(
    'disable_termination',
    (sim) => when(sim, sim.terminationEnabled === true, 'alreadyProtected'),
    simCalls.disableTermination,
  ),
  plain(
    'enable_termination',
    (sim) => when(sim, sim.terminationEnabled !== true, 'notProtected'),
    simCalls.enableTermination,
  ),
  plain('terminate', (sim) => when(sim, sim.terminationEnabled === true, 'protected'), simCalls.terminate, true),
];

export function simActionByKey(key: SimActionKey): AnySimAction {
  const found = simActions.find((action) => action.key === key);
  if (!found) throw new Error(`No SIM action '${key}'`);
  return found;
}
