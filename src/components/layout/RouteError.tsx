import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from '../../app/i18n';

/** Shown when a screen fails to load or render (for example, a chunk missing after a new deployment). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>{t('errors.pageTitle')}</Title>
        <Text>{t('errors.pageBody')}</Text>
        <Text size="sm" c="dimmed">
          {error instanceof Error ? error.message : String(error)}
        </Text>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {t('errors.reload')}
        </Button>
      </Stack>
    </Container>
  );
}
