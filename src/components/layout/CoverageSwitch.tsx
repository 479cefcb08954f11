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
export function CoverageSwitch() {
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

  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" tt="none" data-testid="coverage-badge">
        {t(`coverage.names.${coverage}`)}
      </Badge>
      {switchable && other ? (
        <Button variant="subtle" size="compact-xs" onClick={go}>
          {t(`coverage.switchTo.${other}`)}
        </Button>
      ) : null}
    </Group>
  );
}
