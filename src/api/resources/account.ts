/**
 * The account beyond sign-in: contact information, email addresses and which gets which notifications, the email
 * settings, contracts and the support token.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { ContactInput, ContactKind } from '../../../common/contactInformation';
import { api } from '../client';
import { ApiError } from '../errors';
import { refetchAfterChange } from '../queryClient';
import type { components } from '../schema';
import { operatorQueries } from './operator';

export type EmailAddress = components['schemas']['EmailsModel'];
export type SystemNotification = components['schemas']['SystemNotificationsModel'];
export type NotificationType = NonNullable<SystemNotification['type']>;
export type ContractName = components['schemas']['ContractUpdatingRequest']['contractName'];
export type HarvestDetail = components['schemas']['ContractDetailOfHarvest'];
export type SupportDetail = components['schemas']['ContractDetailOfSupport'];
export type EmailSettings = components['schemas']['OperatorConfigurationOfEmail'];

export type CoverageType = components['schemas']['CoverageType'];

/**
 * SORACOM's `getOperator` answer also names the operator's contracts (`contracts`, and `contractDetail` by name) and
 * coverage types; the description's `GetOperatorResponse` lists none of them, so they are read as optional here.
 */
export type OperatorContracts = {
  contracts?: ContractName[];
  contractDetail?: Partial<Record<ContractName, HarvestDetail & SupportDetail>>;
  coverageTypes?: CoverageType[];
};

/** A read whose 404 means "not set": null instead of an error. */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export interface Contact {
  kind: ContactKind;
  fields: ContactInput;
}

export const accountQueries = {
  all: (operatorId: string) => ['account', operatorId] as const,
  /** The operator's company or individual information, or null when it has neither. */
  contact: (operatorId: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(operatorId), 'contact'],
      queryFn: async ({ signal }): Promise<Contact | null> => {
        const path = { operator_id: operatorId };
        const company = await orNull(async () => {
          const { data } = await api.GET('/operators/{operator_id}/company_information', { params: { path }, signal });
          return data;
        });
        if (company) return { kind: 'company', fields: company as ContactInput };
        const person = await orNull(async () => {
          const { data } = await api.GET('/operators/{operator_id}/individual_information', {
            params: { path },
            signal,
          });
          return data;
        });
        return person ? { kind: 'individual', fields: person as ContactInput } : null;
      },
    }),
  emails: (operatorId: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(operatorId), 'emails'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}/emails', {
          params: { path: { operator_id: operatorId } },
          signal,
        });
        return data ?? [];
      },
    }),
  notifications: (operatorId: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(operatorId), 'notifications'],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}/system_notifications', {
          params: { path: { operator_id: operatorId } },
          signal,
        });
        return data ?? [];
      },
    }),
  /** The Email namespace of the operator configuration, or null while it was never set (defaults apply). */
  emailSettings: (operatorId: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(operatorId), 'emailSettings'],
      queryFn: ({ signal }) =>
        orNull(async () => {
          const { data } = await api.GET('/operators/{operator_id}/configuration/{namespace}', {
            params: { path: { operator_id: operatorId, namespace: 'Email' } },
            signal,
          });
          return data ?? null;
        }),
    }),
};

export const accountChanges = {
  /** Creates the information when the operator has none of this kind, updates it otherwise. */
  saveContact: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (input: { kind: ContactKind; fields: ContactInput; exists: boolean }) => {
        const params = { path: { operator_id: operatorId } };
        const body = input.fields as never;
        const path =
          input.kind === 'company'
            ? ('/operators/{operator_id}/company_information' as const)
            : ('/operators/{operator_id}/individual_information' as const);
        if (input.exists) await api.PUT(path, { params, body });
        else await api.POST(path, { params, body });
      },
      onSuccess: (_data, _input, _result, { client }) =>
        refetchAfterChange(client, accountQueries.contact(operatorId).queryKey),
    }),
  /** Mails a token to the new address; it is added when the token is verified. */
  issueEmailToken: () =>
    mutationOptions({
      mutationFn: async (input: { email: string; password: string }) => {
        await api.POST('/operators/add_email_token/issue', { body: input });
      },
      gcTime: 0,
    }),
  verifyEmailToken: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (token: string) => {
        await api.POST('/operators/add_email_token/verify', { body: { token } });
      },
      onSuccess: (_data, _token, _result, { client }) =>
        refetchAfterChange(client, accountQueries.emails(operatorId).queryKey),
    }),
  deleteEmail: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (emailId: string) => {
        await api.DELETE('/operators/{operator_id}/emails/{email_id}', {
          params: { path: { operator_id: operatorId, email_id: emailId } },
        });
      },
      onSettled: (_data, _error, _id, _result, { client }) =>
        refetchAfterChange(client, accountQueries.all(operatorId)),
    }),
  /** Which addresses get a type of mail; `primary` (the sign-in address) needs the password. */
  setNotification: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (input: { type: NotificationType; emailIdList: string[]; password?: string }) => {
        const params = { path: { operator_id: operatorId, type: input.type } };
        if (input.emailIdList.length === 0 && input.type !== 'primary') {
          await api.DELETE('/operators/{operator_id}/system_notifications/{type}', {
            params: { path: { operator_id: operatorId, type: input.type } },
          });
          return;
        }
        await api.POST('/operators/{operator_id}/system_notifications/{type}', {
          params,
          body: { emailIdList: input.emailIdList, password: input.password },
        });
      },
      gcTime: 0,
      onSettled: (_data, _error, input, _result, { client }) =>
        refetchAfterChange(
          client,
          accountQueries.notifications(operatorId).queryKey,
          ...(input.type === 'primary' ? [operatorQueries.detail(operatorId).queryKey] : []),
        ),
    }),
  setEmailSettings: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (input: { configuration: EmailSettings; expectedVersion?: number }) => {
        await api.POST('/operators/{operator_id}/configuration/{namespace}', {
          params: { path: { operator_id: operatorId, namespace: 'Email' } },
          body: input,
        });
      },
      onSettled: (_data, _error, _input, _result, { client }) =>
        refetchAfterChange(client, accountQueries.emailSettings(operatorId).queryKey),
    }),
  addContract: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (input: { contractName: ContractName; contractDetail?: HarvestDetail | SupportDetail }) => {
        await api.POST('/operators/{operator_id}/contracts', {
          params: { path: { operator_id: operatorId } },
          body: input,
        });
      },
      onSettled: (_data, _error, _input, _result, { client }) =>
        refetchAfterChange(client, operatorQueries.detail(operatorId).queryKey),
    }),
  deleteContract: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (contractName: ContractName) => {
        await api.DELETE('/operators/{operator_id}/contracts/{contract_name}', {
          params: { path: { operator_id: operatorId, contract_name: contractName } },
        });
      },
      onSettled: (_data, _error, _input, _result, { client }) =>
        refetchAfterChange(client, operatorQueries.detail(operatorId).queryKey),
    }),
  addCoverage: (operatorId: string) =>
    mutationOptions({
      mutationFn: async (coverageType: CoverageType) => {
        await api.POST('/operators/{operator_id}/coverage_type/{coverage_type}', {
          params: { path: { operator_id: operatorId, coverage_type: coverageType } },
        });
      },
      onSettled: (_data, _error, _input, _result, { client }) =>
        refetchAfterChange(client, operatorQueries.detail(operatorId).queryKey),
    }),
  /** A token for SORACOM's support console: asked for each time, never cached. */
  supportToken: (operatorId: string) =>
    mutationOptions({
      mutationFn: async () => {
        const { data } = await api.POST('/operators/{operator_id}/support/token', {
          params: { path: { operator_id: operatorId } },
        });
        return data?.token ?? '';
      },
      gcTime: 0,
    }),
};
