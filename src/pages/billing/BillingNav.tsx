import { Anchor, Group } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../app/i18n';

/** Between the bills and the payments screens. */
export const BillingNav = memo(function BillingNav({ current }: { current: 'bills' | 'payments' }) {
  const { t } = useTranslation();
  const items = [
    { key: 'bills', to: '/billing', label: t('billing.nav.bills') },
    { key: 'payments', to: '/billing/payments', label: t('billing.nav.payments') },
  ] as const;
  return (
    <Group component="nav" aria-label={t('billing.nav.label')} gap="md" mb="md">
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
});
