import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { billingQueries } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { BillHistory } from './BillHistory';
import { BillingNav } from './BillingNav';
import { LatestBill } from './LatestBill';

/** `/billing`: this month so far, compared with last month, and the monthly bills. */
export function BillingPage() {
  const { t } = useTranslation();
  const history = useQuery(billingQueries.history());
  // The chart and table of every month render in a background, interruptible pass: the summary paints first and
  // the page stays responsive on slow phones.
  const bills = useDeferredValue(history.data);
  return (
    <>
      <PageHeader title={t('billing.title')} />
      <BillingNav current="bills" />
      <Stack>
        <RenderGuard>
          <LatestBill history={history.data} />
        </RenderGuard>
        {history.error ? <ErrorAlert error={history.error} /> : null}
        <RenderGuard>
          <BillHistory bills={bills} pending={history.isPending || bills !== history.data} />
        </RenderGuard>
      </Stack>
    </>
  );
}
