import { Badge, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { paymentQueries } from '../../api/queries/billing';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { enumLabel } from './labels';
import { Section } from './Section';

/** Whether the registered payment method works, and SORACOM's reason when it does not. */
export function PaymentMethodStatus() {
  const { t } = useTranslation();
  const method = useQuery(paymentQueries.method());
  const data = method.data;
  const ok = data?.errorCode === undefined || data.errorCode === 'success';

  return (
    <Section title={t('payments.method.title')}>
      {method.error ? <ErrorAlert error={method.error} /> : null}
      {method.isPending ? <Skeleton height={40} /> : null}
      {data === null ? <Text c="dimmed">{t('payments.method.none')}</Text> : null}
      {data ? (
        <KeyValueList
          items={[
            {
              label: t('payments.method.status'),
              value: (
                <Badge variant="light" color={ok ? 'green' : 'red'} tt="none" data-testid="payment-method-status">
                  {ok ? t('payments.method.valid') : enumLabel(t, 'paymentMethodError', data.errorCode)}
                </Badge>
              ),
            },
            { label: t('payments.method.provider'), value: data.providerType },
            { label: t('payments.method.updated'), value: data.updateDate },
            ...(ok ? [] : [{ label: t('payments.method.message'), value: data.errorMessage }]),
          ]}
        />
      ) : null}
    </Section>
  );
}
