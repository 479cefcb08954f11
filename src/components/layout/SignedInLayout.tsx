import './mantine-console.css';
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { createQueryClient } from '../../api/queryClient';
import { sessionStore, useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { loginPath } from '../../lib/paths';
import { SessionServices } from '../session/SessionServices';
import classes from './SignedInLayout.module.css';
import { UserMenu } from './UserMenu';

const nav = [
  { to: '/sims', key: 'nav.sims' },
  { to: '/groups', key: 'nav.groups' },
  { to: '/usage', key: 'nav.usage' },
  { to: '/billing', key: 'nav.billing' },
  { to: '/account', key: 'nav.account' },
] as const;

const queryClient = createQueryClient();
// Whatever ends the session (sign-out, expiry), nothing cached for it may be shown to the next one.
sessionStore.subscribe(() => {
  if (!sessionStore.get()) queryClient.clear();
});

/** Every signed-in screen: header, navigation, and the page. Without a session, off to the login page. */
export function SignedInLayout() {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();

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
            </Group>
            <UserMenu session={session} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <ScrollArea>
            {nav.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.key)}
                active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
                onClick={close}
              />
            ))}
          </ScrollArea>
          <Text size="xs" c="dimmed" mt="auto" p="xs">
            {t('nav.endpoint', { endpoint: t(`endpoints.${session.endpoint}`, { defaultValue: session.endpoint }) })}
          </Text>
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </QueryClientProvider>
  );
}
