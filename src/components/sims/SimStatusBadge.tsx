import { Badge } from '@mantine/core';
import type { Sim } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';

const colors: Record<NonNullable<Sim['status']>, string> = {
  ready: 'blue',
  active: 'green',
  inactive: 'gray',
  standby: 'yellow',
  suspended: 'orange',
  terminated: 'red',
};

export function SimStatusBadge({ status }: { status: Sim['status'] }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    // max-content: in a table cell the badge would otherwise shrink its label to an ellipsis.
    <Badge color={colors[status]} variant="dot" miw="max-content">
      {t(`sims.status.${status}`)}
    </Badge>
  );
}
