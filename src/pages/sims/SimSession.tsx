import { Paper, Title } from '@mantine/core';
import type { Sim } from '../../api/resources/sims';
import { useTranslation } from '../../app/i18n';
import { KeyValueList } from '../../components/KeyValueList';
import { SessionIndicator } from '../../components/sims/SessionIndicator';
import { formatDateTime } from '../../lib/format';

type Cell = NonNullable<NonNullable<Sim['sessionStatus']>['cell']>;

/** A cell as its identifiers (radio type, MCC, MNC, area and cell codes), the way network tools print them. */
export function formatCell(cell: Cell | undefined): string {
  if (!cell) return '';
  const parts = (['mcc', 'mnc', 'tac', 'lac', 'rac', 'sac', 'eci', 'ci'] as const)
    .filter((key) => cell[key] !== undefined)
    .map((key) => `${key.toUpperCase()} ${cell[key]}`);
  return [cell.radioType, ...parts].filter(Boolean).join(' · ');
}

/** Online or not, and what the network knows of the current (or last) session. */
export function SimSession({ sim }: { sim: Sim }) {
  const { t, i18n } = useTranslation();
  const session = sim.sessionStatus ?? {};
  const location = session.location && Object.keys(session.location).length ? JSON.stringify(session.location) : '';
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('simActions.page.session')}
      </Title>
      <KeyValueList
        items={[
          { label: t('simActions.page.session'), value: <SessionIndicator session={sim.sessionStatus} /> },
          { label: t('simActions.page.lastUpdated'), value: formatDateTime(session.lastUpdatedAt, i18n.language) },
          { label: t('simActions.page.imei'), value: session.imei },
          { label: t('simActions.page.imsi'), value: session.imsi },
          { label: t('simActions.page.subscription'), value: session.subscription },
          { label: t('simActions.page.ueIp'), value: session.ueIpAddress },
          { label: t('simActions.page.dns'), value: session.dnsServers?.join(', ') },
          { label: t('simActions.page.cell'), value: formatCell(session.cell) },
          { label: t('simActions.page.location'), value: location },
          { label: t('simActions.page.region'), value: session.placement?.region },
          { label: t('simActions.page.gatewayPublic'), value: session.gatewayPublicIpAddress },
          { label: t('simActions.page.gatewayPrivate'), value: session.gatewayPrivateIpAddress },
          { label: t('simActions.page.vpg'), value: session.vpgId },
          { label: t('simActions.page.sessionId'), value: session.sessionId },
        ]}
      />
    </Paper>
  );
}
