import { Stack } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
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
        <RenderGuard>
          <PaymentMethodStatus />
        </RenderGuard>
        <RenderGuard>
          <PayerInformationForm />
        </RenderGuard>
        <RenderGuard>
          <Coupons />
        </RenderGuard>
        <RenderGuard>
          <PaymentStatements />
        </RenderGuard>
      </Stack>
    </>
  );
}
