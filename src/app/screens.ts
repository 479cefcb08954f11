/**
 * Every signed-in screen, loaded on demand with the catalogue parts it speaks from. The router (in the entry chunk)
 * names a screen here and loads this module first: it travels with the signed-in frame's chunk, so the entry, which
 * /login loads, carries no table of the screens' files, however many screens there are.
 */
import { type ComponentType, createElement } from 'react';
import { loadCatalogPart } from './i18n';

export type TeamPage = keyof typeof import('../pages/team/routes');
export type OrderPage = keyof typeof import('../pages/orders/routes');
export type AccountAreaPage = keyof typeof import('../pages/account/routes');
export type EventHandlerPage = keyof typeof import('../pages/eventHandlers/routes');

type Load = (page?: never) => Promise<ComponentType>;

/** A public page inside the query client its changes need (loaded with it: /login, in the entry chunk, has none). */
async function publicPage(load: Promise<ComponentType>): Promise<ComponentType> {
  const [Page, { PublicQueryProvider }] = await Promise.all([
    load,
    import('./PublicQueryProvider'),
    loadCatalogPart('public'),
  ]);
  return function PublicPage() {
    return createElement(PublicQueryProvider, null, createElement(Page));
  };
}

export const screens = {
  // Sign-up and account recovery, for people not signed in.
  signup: () => publicPage(import('../pages/signup/SignupPage').then((module) => module.SignupPage)),
  verify: () => publicPage(import('../pages/signup/VerifyPage').then((module) => module.VerifyPage)),
  'password-reset': () =>
    publicPage(import('../pages/recovery/PasswordResetPage').then((module) => module.PasswordResetPage)),
  'mfa-revoke': () => publicPage(import('../pages/recovery/MfaRevokePage').then((module) => module.MfaRevokePage)),
  // Signed-in screens.
  home: async () => {
    const [page] = await Promise.all([
      import('../pages/home/HomePage'),
      loadCatalogPart('home'),
      loadCatalogPart('events'),
    ]);
    return page.HomePage;
  },
  sims: async () => (await import('../pages/sims/SimsPage')).SimsPage,
  // The SIM's usage chart takes its strings from the 'money' part, as the usage dashboard does.
  sim: async () => {
    // …and its event handlers from the 'events' part.
    const events = loadCatalogPart('events');
    const [page] = await Promise.all([import('../pages/sims/SimDetailPage'), loadCatalogPart('money'), events]);
    return page.SimDetailPage;
  },
  groups: async () => (await import('../pages/groups/GroupsPage')).GroupsPage,
  // The configuration's credential picker speaks from the 'home' part, as the credentials page does.
  group: async () => {
    const [page] = await Promise.all([import('../pages/groups/GroupPage'), loadCatalogPart('home')]);
    return page.GroupPage;
  },
  usage: async () => {
    const [page] = await Promise.all([import('../pages/usage/UsagePage'), loadCatalogPart('money')]);
    return page.UsagePage;
  },
  billing: async () => {
    const [page] = await Promise.all([import('../pages/billing/routes'), loadCatalogPart('money')]);
    return page.BillingPage;
  },
  payments: async () => {
    const [page] = await Promise.all([import('../pages/billing/routes'), loadCatalogPart('money')]);
    return page.PaymentsPage;
  },
  bill: async () => {
    const [page] = await Promise.all([import('../pages/billing/routes'), loadCatalogPart('money')]);
    return page.BillMonthPage;
  },
  account: async () => {
    const [page] = await Promise.all([import('../pages/account/AccountPage'), loadCatalogPart('account')]);
    return page.AccountPage;
  },
  accountArea: async (page: AccountAreaPage) => {
    const [pages] = await Promise.all([import('../pages/account/routes'), loadCatalogPart('account')]);
    return pages[page];
  },
  team: async (page: TeamPage) => {
    const [pages] = await Promise.all([import('../pages/team/routes'), loadCatalogPart('team')]);
    return pages[page];
  },
  orders: async (page: OrderPage) => {
    const [pages] = await Promise.all([import('../pages/orders/routes'), loadCatalogPart('orders')]);
    return pages[page];
  },
  credentials: async () => {
    const [page] = await Promise.all([import('../pages/credentials/CredentialsPage'), loadCatalogPart('home')]);
    return page.CredentialsPage;
  },
  eventHandlers: async (page: EventHandlerPage) => {
    // The Lambda action's credential picker speaks from the 'home' part, as the credentials page does.
    const [pages] = await Promise.all([
      import('../pages/eventHandlers/routes'),
      loadCatalogPart('events'),
      loadCatalogPart('home'),
    ]);
    return pages[page];
  },
  logs: async () => {
    const [page] = await Promise.all([import('../pages/logs/LogsPage'), loadCatalogPart('events')]);
    return page.LogsPage;
  },
  notFound: async () => (await import('../pages/NotFoundPage')).NotFoundPage,
} satisfies Record<string, Load | ((page: never) => Promise<ComponentType>)>;

export type ScreenName = keyof typeof screens;
