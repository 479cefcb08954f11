import { Badge, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { paymentQueries } from '../../api/resources/billing';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { formatZonedDateTime, parseEvaluatedTime } from '../../lib/money';
import { enumLabel } from './labels';
import { Section } from './Section';

/** The card described by the method's `properties` (a JSON string), when it is one this console can read. */
export function cardOf(properties: string | undefined): { brand?: string; last4?: string; expiry?: string } | null {
  try {
    const card = JSON.parse(properties ?? '') as Record<string, unknown>;
    if (!card || typeof card !== 'object') return null;
    const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    const month = text(card.expiryMonth);
    const year = text(card.expiryYear);
    return {
      brand: text(card.brand),
      last4: text(card.last4),
      expiry: month && year ? `${month.padStart(2, '0')}/${year}` : undefined,
    };
  } catch {
    return null;
  }
}

/** Whether the registered payment method works, and SORACOM's reason when it does not. */
export function PaymentMethodStatus() {
  const { t, i18n } = useTranslation();
  const method = useQuery(paymentQueries.method());
  const data = method.data;
  const ok = data?.errorCode === undefined || data.errorCode === 'success';
  const card = cardOf(data?.properties);

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
                <Badge variant="filled" color={ok ? 'teal.9' : 'red.9'} tt="none" data-testid="payment-method-status">
                  {ok ? t('payments.method.valid') : enumLabel(t, 'paymentMethodError', data.errorCode)}
                </Badge>
              ),
            },
            { label: t('payments.method.provider'), value: data.providerType },
            {
              label: t('payments.method.card'),
              value: card?.last4
                ? t('payments.method.cardEnding', { brand: card.brand ?? '', last4: card.last4 })
                : undefined,
            },
            { label: t('payments.method.expiry'), value: card?.expiry },
            {
              label: t('payments.method.updated'),
              // Not a time the console can read: shown as the API wrote it.
              value:
                parseEvaluatedTime(data.updateDate) === null
                  ? data.updateDate
                  : formatZonedDateTime(parseEvaluatedTime(data.updateDate), i18n.language),
            },
            ...(ok ? [] : [{ label: t('payments.method.message'), value: data.errorMessage }]),
          ]}
        />
      ) : null}
    </Section>
  );
}
