/**
 * The shape of a SIM action, shared by the catalogue and the fields it lists (the fields import these from here, not
 * from the catalogue that imports them).
 */
import type { ComponentType } from 'react';
import type { Sim } from '../../../api/resources/sims';
import type { MessageKey, TFunction } from '../../../app/i18n';

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

export type Applies = { ok: true } | { ok: false; reasonKey: MessageKey };

export interface FieldsProps<I> {
  value: I;
  onChange: (value: I) => void;
  errors: Record<string, string> | null;
  sims: Sim[];
}

export interface SimActionDef<I = unknown> {
  key: SimActionKey;
  /** i18n key of the action's name, e.g. 'simActions.names.activate' */
  labelKey: MessageKey;
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
   * The action's one call of `simCalls` (src/api), with the input turned into its arguments: no cache updates, no
   * retries, refused at once while offline; answers the updated SIM when the API answers one.
   */
  run: (simId: string, input: I, signal?: AbortSignal) => Promise<Sim | undefined>;
}

/** An action of any input: the list holds actions whose inputs differ; each one's fields and check agree. */
// biome-ignore lint/suspicious/noExplicitAny: a list of actions with different inputs
export type AnySimAction = SimActionDef<any>;
