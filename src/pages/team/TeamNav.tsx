import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from '../../app/i18n';

type Current = 'users' | 'roles' | 'defaults';

/** Between the users, roles and default permissions screens. */
export function TeamNav({ current }: { current: Current }) {
  const { t } = useTranslation();
  const items: { key: Current; to: string; label: string }[] = [
    { key: 'users', to: '/account/users', label: t('team.nav.users') },
    { key: 'roles', to: '/account/roles', label: t('team.nav.roles') },
    { key: 'defaults', to: '/account/default-permissions', label: t('team.nav.defaults') },
  ];
  return (
    <Group component="nav" aria-label={t('team.nav.label')} gap="md" mb="md">
      {items.map((item) => (
        <Anchor
          key={item.key}
          component={Link}
          to={item.to}
          fw={item.key === current ? 700 : 400}
          underline={item.key === current ? 'always' : 'hover'}
          aria-current={item.key === current ? 'page' : undefined}
        >
          {item.label}
        </Anchor>
      ))}
    </Group>
  );
}
