import { Stack } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { BillingNav } from './BillingNav';
import { Coupons } from './Coupons';
import { PayerInformationForm } from './PayerInformationForm';
import { PaymentMethodStatus } from './PaymentMethodStatus';
import { PaymentStatements } from './PaymentStatements';

/** `/billing/payments`: payment method, payer information, coupons and payment statements. */
export function PaymentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('payments.title')} />
      <BillingNav current="payments" />
      <Stack>
        <PaymentMethodStatus />
        <PayerInformationForm />
        <Coupons />
        <PaymentStatements />
      </Stack>
    </>
  );
}
