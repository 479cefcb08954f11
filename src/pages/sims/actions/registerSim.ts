import { api } from '../../../api/client';
import type { Sim } from '../../../api/resources/sims';
import type { components } from '../../../api/schema';
import type { TFunction } from '../../../app/i18n';
import { type TagRow, tagRowErrors } from './inputs';

export interface RegisterInput {
  simId: string;
  registrationSecret: string;
  /** Empty for no group. */
  groupId: string;
  tags: TagRow[];
}

export const emptyRegisterInput = (): RegisterInput => ({ simId: '', registrationSecret: '', groupId: '', tags: [] });

/** Field → message, or null when the input can be sent. */
export function validateRegister(input: RegisterInput, t: TFunction): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (input.simId.trim() === '') errors.simId = t('simActions.validation.required');
  if (input.registrationSecret.trim() === '') errors.registrationSecret = t('simActions.validation.required');
  tagRowErrors(input.tags).forEach((key, i) => {
    if (key) errors[`tags.${i}.name`] = t(key);
  });
  return Object.keys(errors).length ? errors : null;
}

/** The request body: the group and tags only when given. */
export function registerBody(input: RegisterInput): components['schemas']['RegisterSimRequest'] {
  const tags = Object.fromEntries(input.tags.map((tag) => [tag.name.trim(), tag.value]));
  return {
    registrationSecret: input.registrationSecret.trim(),
    ...(input.groupId ? { groupId: input.groupId } : {}),
    ...(input.tags.length ? { tags } : {}),
  };
}

/** `POST /sims/{sim_id}/register`; answers the registered SIM. */
export async function registerSim(input: RegisterInput): Promise<Sim | undefined> {
  const { data } = await api.POST('/sims/{sim_id}/register', {
    params: { path: { sim_id: input.simId.trim() } },
    body: registerBody(input),
  });
  return data;
}
