import { MantineProvider } from '@mantine/core';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { shareStyleNonce, styleNonce } from './cspNonce';
import type { createRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

/**
 * The root: theme and routes only. React Query and notifications live in the signed-in shell
 * (components/layout/SignedInLayout), so the login page loads neither.
 */
export function App({ router }: { router: ReturnType<typeof createRouter> }) {
  const [nonce] = useState(() => {
    const value = styleNonce();
    shareStyleNonce(value);
    return value;
  });
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      getStyleNonce={nonce ? () => nonce : undefined}
    >
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
