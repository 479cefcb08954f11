import { Button, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type PaymentStatement, paymentQueries } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { formatDateTime } from '../../lib/format';
import { useExportDownload } from '../../lib/useExportDownload';
import { QueryStatus } from './QueryStatus';
import { Section } from './Section';
import { useMoney } from './useMoney';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** SORACOM's times are in milliseconds; a value that can only be seconds is read as seconds. */
export const epochMs = (value: number | undefined) =>
  value === undefined ? undefined : value < 100_000_000_000 ? value * 1000 : value;

function ExportStatement({ statement }: { statement: PaymentStatement }) {
  const { t } = useTranslation();
  const { phase, start, busy } = useExportDownload();
  return (
    <>
      <Button
        size="compact-xs"
        variant="default"
        loading={busy}
        onClick={() => void start({ kind: 'paymentStatement', id: statement.paymentStatementId ?? '' }, 'sync')}
        aria-label={t('payments.statements.exportOne', { id: statement.paymentStatementId ?? '' })}
      >
        {t('payments.statements.export')}
      </Button>
      {phase.kind === 'failed' ? <ErrorAlert error={phase.error} title={t('billing.export.failed')} /> : null}
    </>
  );
}

/** Payment statements, newest first, each with its export. */
export function PaymentStatements() {
  const { t } = useTranslation();
  const format = useMoney();
  const statements = useQuery(paymentQueries.statements());
  const list = statements.data ?? [];

  return (
    <Section title={t('payments.statements.title')}>
      <QueryStatus query={statements} height={80} isEmpty={list.length === 0} empty={t('payments.statements.empty')} />
      {list.length > 0 ? (
        <TableScroll label={t('payments.statements.table')}>
          <Table striped verticalSpacing={4} aria-label={t('payments.statements.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('payments.statements.id')}</Table.Th>
                <Table.Th scope="col">{t('payments.statements.date')}</Table.Th>
                <Table.Th scope="col">{t('payments.statements.months')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('billing.columns.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('payments.statements.method')}</Table.Th>
                <Table.Th scope="col">{t('payments.statements.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((statement) => (
                <Table.Tr key={statement.paymentStatementId}>
                  <Table.Th scope="row" fw={400} ff="monospace">
                    {statement.paymentStatementId}
                  </Table.Th>
                  <Table.Td>{formatDateTime(epochMs(statement.paymentDateTime), format.locale)}</Table.Td>
                  <Table.Td>{(statement.chargedYearMonths ?? []).map(format.month).join(', ') || '—'}</Table.Td>
                  <Table.Td ta="right" style={numeric}>
                    {format.money(statement.amount, statement.currency)}
                  </Table.Td>
                  <Table.Td>
                    {[statement.paymentMethod, statement.paymentInstrument].filter(Boolean).join(' · ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <ExportStatement statement={statement} />
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
