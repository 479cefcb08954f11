import { Badge, Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { switchEndpoint } from '../../api/coverage';
import { coverageOf } from '../../api/endpoints';
import { useTranslation } from '../../app/i18n';
import { pathInOtherCoverage } from '../../lib/coveragePath';
import { useCoverage } from './useCoverage';

/**
 * Which coverage every signed-in page shows, and the switch to the other one for an account with both. Switching
 * keeps the session and the page (a page of one SIM, group, bill or handler goes to its list).
 */
export function CoverageSwitch({ inNavbar = false }: { inNavbar?: boolean }) {
  const { t } = useTranslation();
  const { coverage, twin, switchable, endpoints } = useCoverage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const other = twin ? coverageOf(twin, endpoints) : null;

  function go() {
    if (!twin) return;
    const target = pathInOtherCoverage(location.pathname, location.search);
    switchEndpoint(queryClient, twin);
    if (target !== location.pathname + location.search) navigate(target, { replace: true });
  }

  const button =
    switchable && other ? (
      <Button
        variant="subtle"
        size="compact-xs"
        onClick={go}
        {...(inNavbar ? { hiddenFrom: 'sm' } : { visibleFrom: 'sm' })}
      >
        {t(`coverage.switchTo.${other}`)}
      </Button>
    ) : null;
  // On a phone the header has room for the coverage only: the switch is in the navigation menu instead.
  if (inNavbar) return button;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" tt="none" visibleFrom="sm">
        {t(`coverage.names.${coverage}`)}
      </Badge>
      {/* A phone's header has room for a word: "Japan", "Global". */}
      <Badge variant="light" tt="none" hiddenFrom="sm">
        {t(`coverage.short.${coverage}`)}
      </Badge>
      {button}
    </Group>
  );
}
