import { Anchor, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { billingQueries, type SimSummary } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { TableScroll } from '../../components/TableScroll';
import { QueryStatus } from './QueryStatus';
import { Section } from './Section';
import { useMoney } from './useMoney';

export const topSims = 100;

/** The month's costliest SIMs, largest first, at most 100. */
export function simCostsOf(summaries: SimSummary[], yyyyMM: string) {
  const summary = summaries.find((s) => s.yearMonth === yyyyMM);
  const costs = [...(summary?.costBreakdownList ?? [])]
    .sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0))
    .slice(0, topSims);
  return { summary, costs };
}

export function SimCosts({ yyyyMM }: { yyyyMM: string }) {
  const { t } = useTranslation();
  const format = useMoney();
  const summaries = useQuery(billingQueries.sims());
  const { summary, costs } = simCostsOf(summaries.data ?? [], yyyyMM);

  return (
    <Section title={t('billing.sims.title')}>
      <QueryStatus query={summaries} height={120} isEmpty={costs.length === 0} empty={t('billing.sims.empty')} />
      {costs.length > 0 ? (
        <TableScroll label={t('billing.sims.table')}>
          <Table striped verticalSpacing={4} aria-label={t('billing.sims.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="right">
                  {t('billing.columns.rank')}
                </Table.Th>
                <Table.Th scope="col">{t('billing.columns.simId')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('billing.columns.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {costs.map((cost, i) => (
                <Table.Tr key={cost.simId ?? i}>
                  <Table.Td ta="right">{i + 1}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Anchor
                      component={Link}
                      to={`/sims/${encodeURIComponent(cost.simId ?? '')}`}
                      size="sm"
                      ff="monospace"
                    >
                      {cost.simId}
                    </Anchor>
                  </Table.Th>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {format.money(cost.amount, summary?.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Section>
  );
}
