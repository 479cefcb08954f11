import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from '../app/i18n';

/** The end of a public flow: what happened, and the way back to signing in. */
export function DonePanel({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="status">
      <Text>{message}</Text>
      <Anchor component={Link} to="/login">
        {t('public.toLogin')}
      </Anchor>
    </Stack>
  );
}
