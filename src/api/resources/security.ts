/**
 * Account security for whoever is signed in: the root account (`/operators/{id}/…`) or a SAM user
 * (`/operators/{id}/users/{name}/…`). Each read and change picks the right operation for `who`.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';

export interface Who {
  operatorId: string;
  userName?: string;
}
export type AuthKey = components['schemas']['AuthKeyResponse'];

const operator = (who: Who) => ({ operator_id: who.operatorId });
const user = (who: Who & { userName: string }) => ({ operator_id: who.operatorId, user_name: who.userName });
const isUser = (who: Who): who is Who & { userName: string } => Boolean(who.userName);

export const securityQueries = {
  all: (who: Who) => ['security', who.operatorId, who.userName ?? ''] as const,
  mfa: (who: Who) =>
    queryOptions({
      queryKey: [...securityQueries.all(who), 'mfa'],
      queryFn: async ({ signal }) => {
        const { data } = isUser(who)
          ? await api.GET('/operators/{operator_id}/users/{user_name}/mfa', { params: { path: user(who) }, signal })
          : await api.GET('/operators/{operator_id}/mfa', { params: { path: operator(who) }, signal });
        return (data?.status ?? 'INACTIVE') as 'ACTIVE' | 'INACTIVE' | 'UNCONFIRMED';
      },
    }),
  authKeys: (who: Who) =>
    queryOptions({
      queryKey: [...securityQueries.all(who), 'authKeys'],
      queryFn: async ({ signal }): Promise<AuthKey[]> => {
        const { data } = isUser(who)
          ? await api.GET('/operators/{operator_id}/users/{user_name}/auth_keys', {
              params: { path: user(who) },
              signal,
            })
          : await api.GET('/operators/{operator_id}/auth_keys', { params: { path: operator(who) }, signal });
        return data ?? [];
      },
    }),
};

export const securityChanges = {
  /** Starts turning MFA on: the answer is the authenticator app's `otpauth://` URI (the status stays UNCONFIRMED). */
  enableMfa: (who: Who) =>
    mutationOptions({
      mutationFn: async (): Promise<string> => {
        const { data } = isUser(who)
          ? await api.POST('/operators/{operator_id}/users/{user_name}/mfa', { params: { path: user(who) } })
          : await api.POST('/operators/{operator_id}/mfa', { params: { path: operator(who) } });
        if (!data?.totpUri) throw new Error('no totpUri in the answer');
        return data.totpUri;
      },
      // The answer holds the MFA secret: kept no longer than a screen shows it.
      gcTime: 0,
    }),
  /** Turns MFA on with a code from the app. The backup codes for the root account; SAM users get none (204). */
  verifyMfa: (who: Who) =>
    mutationOptions({
      mutationFn: async (code: string): Promise<string[]> => {
        if (isUser(who)) {
          await api.POST('/operators/{operator_id}/users/{user_name}/mfa/verify', {
            params: { path: user(who) },
            body: { mfaOTPCode: code },
          });
          return [];
        }
        const { data } = await api.POST('/operators/{operator_id}/mfa/verify', {
          params: { path: operator(who) },
          body: { mfaOTPCode: code },
        });
        return data?.backupCodes ?? [];
      },
      // The backup codes are kept no longer than the screen shows them.
      gcTime: 0,
      onSuccess: (_codes, _code, _result, { client }) => refetchAfterChange(client, securityQueries.mfa(who).queryKey),
    }),
  /** The root account confirms with its password; a SAM user's DELETE has no body. */
  revokeMfa: (who: Who) =>
    mutationOptions({
      mutationFn: async (password: string) => {
        if (isUser(who))
          await api.DELETE('/operators/{operator_id}/users/{user_name}/mfa', { params: { path: user(who) } });
        else await api.DELETE('/operators/{operator_id}/mfa', { params: { path: operator(who) }, body: { password } });
      },
      onSuccess: (_data, _password, _result, { client }) =>
        refetchAfterChange(client, securityQueries.mfa(who).queryKey),
    }),
  changePassword: (who: Who) =>
    mutationOptions({
      mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
        if (isUser(who))
          await api.PUT('/operators/{operator_id}/users/{user_name}/password', { params: { path: user(who) }, body });
        else await api.POST('/operators/{operator_id}/password', { params: { path: operator(who) }, body });
      },
    }),
  /** The answer holds the secret, which the API never shows again. */
  generateAuthKey: (who: Who) =>
    mutationOptions({
      mutationFn: async (): Promise<{ authKeyId: string; authKey: string }> => {
        const { data } = isUser(who)
          ? await api.POST('/operators/{operator_id}/users/{user_name}/auth_keys', { params: { path: user(who) } })
          : await api.POST('/operators/{operator_id}/auth_keys', { params: { path: operator(who) } });
        if (!data?.authKeyId || !data.authKey) throw new Error('incomplete auth key answer');
        return { authKeyId: data.authKeyId, authKey: data.authKey };
      },
      // The secret is kept no longer than the screen shows it.
      gcTime: 0,
      onSuccess: (_key, _vars, _result, { client }) =>
        refetchAfterChange(client, securityQueries.authKeys(who).queryKey),
    }),
  deleteAuthKey: (who: Who) =>
    mutationOptions({
      mutationFn: async (authKeyId: string) => {
        if (isUser(who)) {
          await api.DELETE('/operators/{operator_id}/users/{user_name}/auth_keys/{auth_key_id}', {
            params: { path: { ...user(who), auth_key_id: authKeyId } },
          });
        } else {
          await api.DELETE('/operators/{operator_id}/auth_keys/{auth_key_id}', {
            params: { path: { ...operator(who), auth_key_id: authKeyId } },
          });
        }
      },
      onSuccess: (_data, _id, _result, { client }) =>
        refetchAfterChange(client, securityQueries.authKeys(who).queryKey),
    }),
  /** Signs the account out of its other sessions. Nothing on screen reads what it changes. */
  signOutEverywhere: (who: Who) =>
    mutationOptions({
      mutationFn: async () => {
        if (isUser(who))
          await api.DELETE('/operators/{operator_id}/users/{user_name}/tokens', { params: { path: user(who) } });
        else await api.DELETE('/operators/{operator_id}/tokens', { params: { path: operator(who) } });
      },
    }),
};
