/** Credential sets: the list, and creating, replacing (rotating the secret) and deleting one. */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';

export type CredentialSet = components['schemas']['CredentialsModel'];
export type CredentialType = NonNullable<components['schemas']['CreateAndUpdateCredentialsModel']['type']>;

export interface CredentialInput {
  credentialsId: string;
  type: CredentialType;
  description: string;
  /** Every field of the type, secrets included: they go out once and are never answered. */
  credentials: Record<string, string>;
}

export const credentialQueries = {
  all: () => ['credentials'] as const,
  list: () =>
    queryOptions({
      queryKey: [...credentialQueries.all(), 'list'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/credentials', { signal });
        return [...(data ?? [])].sort((a, b) => a.credentialsId.localeCompare(b.credentialsId));
      },
    }),
};

const body = (input: CredentialInput) => ({
  type: input.type,
  description: input.description,
  credentials: input.credentials as Record<string, never>,
});

export const credentialChanges = {
  create: () =>
    mutationOptions({
      mutationFn: async (input: CredentialInput) => {
        const { data } = await api.POST('/credentials/{credentials_id}', {
          params: { path: { credentials_id: input.credentialsId } },
          body: body(input),
        });
        return data;
      },
      // The variables hold the secret: kept no longer than the form needs them.
      gcTime: 0,
      onSuccess: (_data, _input, _result, { client }) => refetchAfterChange(client, credentialQueries.all()),
    }),
  /** Replaces the set: the way to rotate its secret. */
  replace: () =>
    mutationOptions({
      mutationFn: async (input: CredentialInput) => {
        const { data } = await api.PUT('/credentials/{credentials_id}', {
          params: { path: { credentials_id: input.credentialsId } },
          body: body(input),
        });
        return data;
      },
      gcTime: 0,
      onSuccess: (_data, _input, _result, { client }) => refetchAfterChange(client, credentialQueries.all()),
    }),
  remove: () =>
    mutationOptions({
      mutationFn: async (credentialsId: string) => {
        await api.DELETE('/credentials/{credentials_id}', { params: { path: { credentials_id: credentialsId } } });
      },
      onSettled: (_data, _error, _id, _result, { client }) => refetchAfterChange(client, credentialQueries.all()),
    }),
};
