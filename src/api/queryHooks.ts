/**
 * `$api`: React Query hooks generated from the typed client, for mutations and one-off queries
 * (`$api.useMutation('post', '/auth/logout')`). Kept apart from ./client so the login page loads no React Query.
 */
import createQueryHooks from 'openapi-react-query';
import { api } from './client';

export const $api = createQueryHooks(api);
