import './mantine-console.css';
import { AppShell, Burger, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { Fragment, useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { createQueryClient } from '../../api/queryClient';
import type { ScreenId } from '../../api/screenOperations';
import { sessionStore, useSession } from '../../api/session';
import { enumLabel, loadCatalogPart, type MessageKey, useTranslation } from '../../app/i18n';
import { loginPath } from '../../lib/paths';
import { useAccess } from '../access/useAccess';
import { SessionServices } from '../session/SessionServices';
import { CoverageSwitch } from './CoverageSwitch';
import classes from './SignedInLayout.module.css';
import { UserMenu } from './UserMenu';
import { useCoverageFromLink } from './useCoverageFromLink';

/** Each entry is shown when its screen may be opened (useAccess: always for the root account). */
const nav: readonly { to: string; key: MessageKey; screen: ScreenId }[] = [
  { to: '/', key: 'nav.home', screen: 'home' },
  { to: '/sims', key: 'nav.sims', screen: 'sims' },
  { to: '/groups', key: 'nav.groups', screen: 'groups' },
  { to: '/usage', key: 'nav.usage', screen: 'usage' },
  { to: '/billing', key: 'nav.billing', screen: 'billing' },
  { to: '/orders', key: 'nav.orders', screen: 'orders' },
  { to: '/account', key: 'nav.account', screen: 'account' },
  { to: '/account/users', key: 'nav.team', screen: 'users' },
  { to: '/account/permission-tester', key: 'nav.tester', screen: 'tester' },
  { to: '/account/audit-log', key: 'nav.auditLog', screen: 'auditLog' },
  { to: '/credentials', key: 'nav.credentials', screen: 'credentials' },
  { to: '/event-handlers', key: 'nav.eventHandlers', screen: 'eventHandlers' },
  { to: '/logs', key: 'nav.logs', screen: 'logs' },
  { to: '/support', key: 'nav.support', screen: 'support' },
];

const queryClient = createQueryClient();
// Whatever ends the session (sign-out, expiry), nothing cached for it may be shown to the next one.
sessionStore.subscribe(() => {
  if (!sessionStore.get()) queryClient.clear();
});

/** Longest match wins: /account/users is not also /account. */
export function activeEntry(pathname: string, entries: readonly { to: string }[]): string | undefined {
  return entries
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

function MainNav({ pathname, onNavigate }: { pathname: string; onNavigate: () => void }) {
  const { t } = useTranslation();
  const access = useAccess();
  const shown = nav.filter((item) => access.mayOpen(item.screen));
  const active = activeEntry(pathname, shown);
  return shown.map((item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={t(item.key)}
      active={item.to === active}
      onClick={onNavigate}
    />
  ));
}

/**
 * The page, made afresh for each coverage (nothing it holds, such as the keys of the pages it has been through, is
 * carried to the other); held back while a link's `?coverage=` is switching to the coverage it names.
 */
function CoveragePages({ endpoint }: { endpoint: string }) {
  const { t } = useTranslation();
  const switching = useCoverageFromLink();
  if (switching) return <Loader size="sm" aria-label={t('coverage.switching')} />;
  return (
    <Fragment key={endpoint}>
      <Outlet />
    </Fragment>
  );
}

/** Every signed-in screen: header, navigation, and the page. Without a session, off to the login page. */
export function SignedInLayout() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const samUser = Boolean(session?.userName);
  // A SAM user's screens explain what their permissions refuse, in the team part's words.
  useEffect(() => {
    if (samUser) void loadCatalogPart('team');
  }, [samUser]);

  if (!session) {
    // After "Sign out" the next user starts afresh; otherwise (first visit, expiry) sign-in comes back here.
    const from = sessionStore.endReason() === 'signedOut' ? undefined : location.pathname + location.search;
    return <Navigate to={loginPath(from)} replace />;
  }

  return (
    <QueryClientProvider client={queryClient}>
      <Notifications position="top-right" />
      <SessionServices session={session} />
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" className={classes.header}>
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              <Title order={1} size="h4" className={classes.title}>
                {t('app.name')}
              </Title>
              <CoverageSwitch />
            </Group>
            <UserMenu session={session} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <ScrollArea>
            <MainNav pathname={location.pathname} onNavigate={close} />
          </ScrollArea>
          <CoverageSwitch inNavbar />
          <Text size="xs" c="dimmed" mt="auto" p="xs">
            {t('nav.endpoint', { endpoint: enumLabel(t, 'endpoints', session.endpoint) })}
          </Text>
        </AppShell.Navbar>
        <AppShell.Main>
          <CoveragePages endpoint={session.endpoint} />
        </AppShell.Main>
      </AppShell>
    </QueryClientProvider>
  );
}
