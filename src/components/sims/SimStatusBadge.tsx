import { Badge } from '@mantine/core';
import type { Sim } from '../../api/resources/sims';
import { enumLabel, useTranslation } from '../../app/i18n';

const colors: Record<NonNullable<Sim['status']>, string> = {
  ready: 'blue',
  active: 'green',
  inactive: 'gray',
  standby: 'yellow',
  suspended: 'orange',
  terminated: 'red',
};

/** A SIM's status; one this console does not know (a newer one) is shown as the API wrote it, in grey. */
export function SimStatusBadge({ status }: { status: Sim['status'] | (string & {}) }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    // max-content: in a table cell the badge would otherwise shrink its label to an ellipsis.
    <Badge color={colors[status as keyof typeof colors] ?? 'gray'} variant="dot" miw="max-content">
      {enumLabel(t, 'sims.status', status)}
    </Badge>
  );
}
