/** Routes, each screen loaded on demand. */
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { sessionStore } from '../api/session';
import { RouteError } from '../components/layout/RouteError';
import { LoginPage } from '../pages/login/LoginPage';
import { loadCatalogPart } from './i18n';

/** Shown for the moment the first screen's code is still loading. */
function Loading() {
  return <div aria-busy="true" style={{ minHeight: '100vh' }} />;
}

type TeamPage = Exclude<keyof typeof import('../pages/team/routes'), never>;
type OrderPage = keyof typeof import('../pages/orders/routes');

/** Orders and the address book, with their catalogue part ('new' and 'addresses' before the order ID). */
const orderPages: { path: string; page: OrderPage }[] = [
  { path: 'orders', page: 'OrdersPage' },
  { path: 'orders/new', page: 'NewOrderPage' },
  { path: 'orders/addresses', page: 'AddressesPage' },
  { path: 'orders/:orderId', page: 'OrderPage' },
];

/** Users, roles, permissions and the audit log, under the account area, with their catalogue part. */
const teamPages: { path: string; page: TeamPage }[] = [
  { path: 'account/users', page: 'UsersPage' },
  { path: 'account/users/:userName', page: 'UserPage' },
  { path: 'account/roles', page: 'RolesPage' },
  { path: 'account/roles/:roleId', page: 'RolePage' },
  { path: 'account/default-permissions', page: 'DefaultPermissionsPage' },
  { path: 'account/permission-tester', page: 'PermissionTesterPage' },
  { path: 'account/audit-log', page: 'AuditLogPage' },
];

/** Pages for people not signed in: sign-up and account recovery. */
const publicPages = [
  { path: '/signup', load: async () => (await import('../pages/signup/SignupPage')).SignupPage },
  { path: '/verify', load: async () => (await import('../pages/signup/VerifyPage')).VerifyPage },
  {
    path: '/password-reset',
    load: async () => (await import('../pages/recovery/PasswordResetPage')).PasswordResetPage,
  },
  { path: '/mfa-revoke', load: async () => (await import('../pages/recovery/MfaRevokePage')).MfaRevokePage },
];

/** A public page inside the query client its changes need (loaded with it: /login, in the entry chunk, has none). */
async function loadPublicPage(load: () => Promise<ComponentType>) {
  const [Page, { PublicQueryProvider }] = await Promise.all([
    load(),
    import('./PublicQueryProvider'),
    loadCatalogPart('public'),
  ]);
  return function PublicPage() {
    return (
      <PublicQueryProvider>
        <Page />
      </PublicQueryProvider>
    );
  };
}

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      HydrateFallback: Loading,
      // In the entry chunk: the page every signed-out visit starts on (the other screens load on demand).
      Component: LoginPage,
      errorElement: <RouteError />,
    },
    ...publicPages.map(({ path, load }) => ({
      path,
      HydrateFallback: Loading,
      errorElement: <RouteError />,
      lazy: async () => ({ Component: await loadPublicPage(load) }),
    })),
    {
      path: '/',
      HydrateFallback: Loading,
      lazy: async () => {
        // A SAM user's screens explain what their permissions refuse in the `team` part's words.
        const [layout] = await Promise.all([
          import('../components/layout/SignedInLayout'),
          loadCatalogPart('console'),
          sessionStore.get()?.userName ? loadCatalogPart('team') : null,
        ]);
        return { Component: layout.SignedInLayout };
      },
      errorElement: <RouteError />,
      children: [
        {
          index: true,
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/home/HomePage'), loadCatalogPart('home')]);
            return { Component: page.HomePage };
          },
        },
        { path: 'sims', lazy: async () => ({ Component: (await import('../pages/sims/SimsPage')).SimsPage }) },
        {
          path: 'sims/:simId',
          // The SIM's usage chart takes its strings from the 'money' part, as the usage dashboard does.
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/sims/SimDetailPage'), loadCatalogPart('money')]);
            return { Component: page.SimDetailPage };
          },
        },
        { path: 'groups', lazy: async () => ({ Component: (await import('../pages/groups/GroupsPage')).GroupsPage }) },
        {
          path: 'groups/:groupId',
          // The configuration's credential picker speaks from the 'home' part, as the credentials page does.
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/groups/GroupPage'), loadCatalogPart('home')]);
            return { Component: page.GroupPage };
          },
        },
        {
          path: 'usage',
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/usage/UsagePage'), loadCatalogPart('money')]);
            return { Component: page.UsagePage };
          },
        },
        {
          path: 'billing',
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/billing/routes'), loadCatalogPart('money')]);
            return { Component: page.BillingPage };
          },
        },
        {
          path: 'billing/payments',
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/billing/routes'), loadCatalogPart('money')]);
            return { Component: page.PaymentsPage };
          },
        },
        {
          path: 'billing/:yyyyMM',
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/billing/routes'), loadCatalogPart('money')]);
            return { Component: page.BillMonthPage };
          },
        },
        {
          path: 'account',
          lazy: async () => ({ Component: (await import('../pages/account/AccountPage')).AccountPage }),
        },
        ...teamPages.map(({ path, page }) => ({
          path,
          lazy: async () => {
            const [pages] = await Promise.all([import('../pages/team/routes'), loadCatalogPart('team')]);
            return { Component: pages[page] };
          },
        })),
        ...orderPages.map(({ path, page }) => ({
          path,
          lazy: async () => {
            const [pages] = await Promise.all([import('../pages/orders/routes'), loadCatalogPart('orders')]);
            return { Component: pages[page] };
          },
        })),
        {
          path: 'credentials',
          lazy: async () => {
            const [page] = await Promise.all([import('../pages/credentials/CredentialsPage'), loadCatalogPart('home')]);
            return { Component: page.CredentialsPage };
          },
        },
        { path: '*', lazy: async () => ({ Component: (await import('../pages/NotFoundPage')).NotFoundPage }) },
      ],
    },
  ]);
}
