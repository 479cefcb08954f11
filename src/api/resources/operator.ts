import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';

export const operatorQueries = {
  all: () => ['operator'] as const,
  detail: (operatorId: string) =>
    queryOptions({
      queryKey: [...operatorQueries.all(), operatorId],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}', {
          params: { path: { operator_id: operatorId } },
          signal,
        });
        return data;
      },
    }),
  user: (operatorId: string, userName: string) =>
    queryOptions({
      queryKey: [...operatorQueries.all(), operatorId, 'users', userName],
      queryFn: async ({ signal }) => {
        const { data } = await api.GET('/operators/{operator_id}/users/{user_name}', {
          params: { path: { operator_id: operatorId, user_name: userName } },
          signal,
        });
        return data;
      },
    }),
};
