/** Routes, each screen loaded on demand. */
import { createBrowserRouter, Navigate } from 'react-router';
import { RouteError } from '../components/layout/RouteError';
import { loadCatalogPart } from './i18n';

/** Shown for the moment the first screen's code is still loading. */
function Loading() {
  return <div aria-busy="true" style={{ minHeight: '100vh' }} />;
}

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      HydrateFallback: Loading,
      lazy: async () => ({ Component: (await import('../pages/login/LoginPage')).LoginPage }),
      errorElement: <RouteError />,
    },
    {
      path: '/',
      HydrateFallback: Loading,
      lazy: async () => {
        const [layout] = await Promise.all([import('../components/layout/SignedInLayout'), loadCatalogPart('console')]);
        return { Component: layout.SignedInLayout };
      },
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to="/sims" replace /> },
        { path: 'sims', lazy: async () => ({ Component: (await import('../pages/sims/SimsPage')).SimsPage }) },
        {
          path: 'sims/:simId',
          lazy: async () => ({ Component: (await import('../pages/sims/SimDetailPage')).SimDetailPage }),
        },
        { path: 'groups', lazy: async () => ({ Component: (await import('../pages/groups/GroupsPage')).GroupsPage }) },
        {
          path: 'billing',
          lazy: async () => ({ Component: (await import('../pages/billing/BillingPage')).BillingPage }),
        },
        {
          path: 'account',
          lazy: async () => ({ Component: (await import('../pages/account/AccountPage')).AccountPage }),
        },
        { path: '*', lazy: async () => ({ Component: (await import('../pages/NotFoundPage')).NotFoundPage }) },
      ],
    },
  ]);
}
