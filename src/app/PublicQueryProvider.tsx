import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../api/queryClient';

// Made when the first public page loads; separate from the signed-in shell's, as nothing is cached before signing in.
const queryClient = createQueryClient();

/**
 * The query client the public pages (sign-up, recovery) send their changes through. Loaded with them, never with
 * /login: React Query stays out of the entry chunk.
 */
export function PublicQueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
