import type { RegisterSimRequest } from '../../../api/resources/simCalls';
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
export function registerBody(input: RegisterInput): RegisterSimRequest {
  const tags = Object.fromEntries(input.tags.map((tag) => [tag.name.trim(), tag.value]));
  return {
    registrationSecret: input.registrationSecret.trim(),
    ...(input.groupId ? { groupId: input.groupId } : {}),
    ...(input.tags.length ? { tags } : {}),
  };
}

/** What `simChanges.register` sends: the SIM typed and the body. */
export const registerRequest = (input: RegisterInput) => ({ simId: input.simId.trim(), body: registerBody(input) });
