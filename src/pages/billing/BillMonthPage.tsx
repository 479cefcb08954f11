import { Anchor, Badge, Breadcrumbs, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { billingQueries } from '../../api/resources/billing';
import type { ExportTarget } from '../../api/resources/exports';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { PageHeader } from '../../components/PageHeader';
import { isYearMonth } from '../../lib/money';
import { BillItems } from './BillItems';
import { DailyBills } from './DailyBills';
import { ExportControl } from './ExportControl';
import { enumLabel } from './labels';
import { Section } from './Section';
import { SimCosts } from './SimCosts';
import { useMoney } from './useMoney';

/** `/billing/:yyyyMM`: one month's bill, by day, by bill item and by SIM, and its detailed CSV. */
export function BillMonthPage() {
  const { yyyyMM = '' } = useParams();
  const { t } = useTranslation();
  const format = useMoney();
  const valid = isYearMonth(yyyyMM);
  const bill = useQuery({ ...billingQueries.month(yyyyMM), enabled: valid });
  const title = valid ? format.month(yyyyMM) : yyyyMM;
  const target = useMemo<ExportTarget>(() => ({ kind: 'month', yyyyMM }), [yyyyMM]);

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/billing">
          {t('billing.title')}
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <PageHeader title={t('billing.month.title', { month: title })} />
      {!valid ? (
        <Text role="alert">{t('billing.month.invalid')}</Text>
      ) : (
        <Stack>
          <Section title={t('billing.month.bill')}>
            {bill.error ? <ErrorAlert error={bill.error} /> : null}
            {bill.isPending ? <Skeleton height={48} /> : null}
            {bill.data === null ? <Text c="dimmed">{t('billing.month.noBill')}</Text> : null}
            {bill.data ? (
              <KeyValueList
                items={[
                  {
                    label: t('billing.columns.amount'),
                    value: (
                      <Text span fw={700} data-testid="month-amount">
                        {format.money(bill.data.amount, bill.data.currency)}
                      </Text>
                    ),
                  },
                  { label: t('billing.columns.state'), value: enumLabel(t, 'state', bill.data.state) },
                  {
                    label: t('billing.columns.paymentStatus'),
                    value: bill.data.paymentStatus ? (
                      <Badge variant="light" color="gray" tt="none" size="sm">
                        {enumLabel(t, 'paymentStatus', bill.data.paymentStatus)}
                      </Badge>
                    ) : (
                      ''
                    ),
                  },
                  {
                    label: t('billing.columns.coupon'),
                    value: bill.data.appliedCouponAmount
                      ? format.money(bill.data.appliedCouponAmount, bill.data.currency)
                      : '',
                  },
                ]}
              />
            ) : null}
            <Group>
              <ExportControl target={target} label={t('billing.export.month')} />
            </Group>
          </Section>
          <DailyBills yyyyMM={yyyyMM} />
          <BillItems yyyyMM={yyyyMM} />
          <SimCosts yyyyMM={yyyyMM} />
        </Stack>
      )}
    </>
  );
}
