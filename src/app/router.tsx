/** Routes, each screen loaded on demand. */
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { sessionStore } from '../api/session';
import { RouteError } from '../components/layout/RouteError';
import { LoginPage } from '../pages/login/LoginPage';
import { loadCatalogPart } from './i18n';
import type { AccountAreaPage, EventHandlerPage, OrderPage, ScreenName, TeamPage } from './screens';

/** Shown for the moment the first screen's code is still loading. */
function Loading() {
  return <div aria-busy="true" style={{ minHeight: '100vh' }} />;
}

/** Orders and the address book ('new' and 'addresses' before the order ID). */
const orderPages: { path: string; page: OrderPage }[] = [
  { path: 'orders', page: 'OrdersPage' },
  { path: 'orders/new', page: 'NewOrderPage' },
  { path: 'orders/addresses', page: 'AddressesPage' },
  { path: 'orders/:orderId', page: 'OrderPage' },
];

/** Event handlers ('new' before the handler ID). */
const eventHandlerPages: { path: string; page: EventHandlerPage }[] = [
  { path: 'event-handlers', page: 'EventHandlersPage' },
  { path: 'event-handlers/new', page: 'NewEventHandlerPage' },
  { path: 'event-handlers/:handlerId', page: 'EventHandlerPage' },
  { path: 'event-handlers/:handlerId/edit', page: 'EditEventHandlerPage' },
];

/** Users, roles, permissions and the audit log, under the account area. */
const teamPages: { path: string; page: TeamPage }[] = [
  { path: 'account/users', page: 'UsersPage' },
  { path: 'account/users/:userName', page: 'UserPage' },
  { path: 'account/roles', page: 'RolesPage' },
  { path: 'account/roles/:roleId', page: 'RolePage' },
  { path: 'account/default-permissions', page: 'DefaultPermissionsPage' },
  { path: 'account/permission-tester', page: 'PermissionTesterPage' },
  { path: 'account/audit-log', page: 'AuditLogPage' },
];

/** The account area's sections (issue 16) and the support page. */
const accountPages: { path: string; page: AccountAreaPage }[] = [
  { path: 'account/profile', page: 'ProfilePage' },
  { path: 'account/emails', page: 'EmailsPage' },
  { path: 'account/contracts', page: 'ContractsPage' },
  { path: 'account/coverage', page: 'CoveragePage' },
  { path: 'account/security', page: 'SecurityPage' },
  { path: 'support', page: 'SupportPage' },
];

/** A signed-in screen's route loader: the screens module (with the signed-in frame's chunk), then the screen. */
function screen<N extends ScreenName>(name: N, ...page: Parameters<typeof import('./screens')['screens'][N]>) {
  return async () => {
    const { screens } = await import('./screens');
    const load = screens[name] as (...args: typeof page) => Promise<ComponentType>;
    return { Component: await load(...page) };
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
    ...(['signup', 'verify', 'password-reset', 'mfa-revoke'] as const).map((name) => ({
      path: `/${name}`,
      HydrateFallback: Loading,
      errorElement: <RouteError />,
      lazy: screen(name),
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
        { index: true, lazy: screen('home') },
        { path: 'sims', lazy: screen('sims') },
        { path: 'sims/:simId', lazy: screen('sim') },
        { path: 'groups', lazy: screen('groups') },
        { path: 'groups/:groupId', lazy: screen('group') },
        { path: 'usage', lazy: screen('usage') },
        { path: 'billing', lazy: screen('billing') },
        { path: 'billing/payments', lazy: screen('payments') },
        { path: 'billing/:yyyyMM', lazy: screen('bill') },
        { path: 'account', lazy: screen('account') },
        ...teamPages.map(({ path, page }) => ({ path, lazy: screen('team', page) })),
        ...orderPages.map(({ path, page }) => ({ path, lazy: screen('orders', page) })),
        { path: 'credentials', lazy: screen('credentials') },
        ...accountPages.map(({ path, page }) => ({ path, lazy: screen('accountArea', page) })),
        ...eventHandlerPages.map(({ path, page }) => ({ path, lazy: screen('eventHandlers', page) })),
        { path: 'logs', lazy: screen('logs') },
        { path: '*', lazy: screen('notFound') },
      ],
    },
  ]);
}
