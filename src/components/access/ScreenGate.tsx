import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-router';
import { type ScreenId, screenById } from '../../api/screenOperations';
import { useTranslation } from '../../app/i18n';
import { useAccess } from './useAccess';

/**
 * A screen the signed-in SAM user's permissions do not let them open (a bookmark, a shared link): said plainly,
 * instead of a page of failed calls. What cannot be known is let through; a 403 then shows in the page's own alert.
 */
export function ScreenGate({ screen, children }: { screen: ScreenId; children: ReactNode }) {
  const { t } = useTranslation();
  const access = useAccess();
  if (access.mayOpen(screen)) return children;
  return (
    <Alert color="red" title={t('access.screenTitle')} role="alert" maw={720}>
      <Stack gap="xs">
        <Text size="sm">{t('access.screenBody', { apis: screenById(screen).opens.join(', ') })}</Text>
        <Anchor component={Link} to="/" size="sm">
          {t('access.home')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** A screen's page behind its gate, as the routes' modules export their pages. */
export function gatedScreen(screen: ScreenId, Page: ComponentType): ComponentType {
  return function Gated() {
    return (
      <ScreenGate screen={screen}>
        <Page />
      </ScreenGate>
    );
  };
}
