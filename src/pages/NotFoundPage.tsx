import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from '../app/i18n';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/sims">
        {t('notFound.back')}
      </Anchor>
    </Stack>
  );
}
