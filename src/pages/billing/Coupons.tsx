import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { paymentChanges, paymentQueries } from '../../api/resources/billing';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { TableScroll } from '../../components/TableScroll';
import { errorMessage } from '../../lib/errorMessage';
import { enumLabel } from './labels';
import { QueryStatus } from './QueryStatus';
import { Section } from './Section';
import { useMoney } from './useMoney';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

function RegisterCoupon() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const register = useChange(paymentChanges.registerCoupon());
  async function send(couponCode: string) {
    if (!(await register.submit(couponCode))) return;
    setRegistered(couponCode);
    setCode('');
    setChecked(false);
  }
  const refused = register.error ? errorMessage(register.error, t) : null;
  const fieldError =
    checked && !code.trim()
      ? t('payments.coupons.required')
      : refused
        ? register.retryIn > 0
          ? t('errors.retryIn', { seconds: register.retryIn })
          : `${refused.message}${refused.code ? ` (${refused.code})` : ''}`
        : undefined;

  return (
    <form
      noValidate
      aria-label={t('payments.coupons.register')}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setChecked(true);
        setRegistered(null);
        if (code.trim()) void send(code.trim());
      }}
    >
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('payments.coupons.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fieldError}
          autoComplete="off"
          spellCheck={false}
          w={280}
        />
        <Button type="submit" loading={register.pending} mt={25}>
          {t('payments.coupons.register')}
        </Button>
      </Group>
      <div role="status">
        {registered ? (
          <Text size="sm" c="green.9" mt="xs">
            {t('payments.coupons.registered', { code: registered })}
          </Text>
        ) : null}
      </div>
    </form>
  );
}

/** The operator's coupons, and a form to register a coupon code. */
export function Coupons() {
  const { t } = useTranslation();
  const format = useMoney();
  const coupons = useQuery(paymentQueries.coupons());
  const list = coupons.data ?? [];

  return (
    <Section title={t('payments.coupons.title')}>
      <RegisterCoupon />
      <QueryStatus query={coupons} height={80} isEmpty={list.length === 0} empty={t('payments.coupons.empty')} />
      {list.length > 0 ? (
        <TableScroll label={t('payments.coupons.table')}>
          <Table striped verticalSpacing={4} aria-label={t('payments.coupons.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('payments.coupons.code')}</Table.Th>
                <Table.Th scope="col">{t('billing.columns.billItem')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('payments.coupons.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('payments.coupons.balance')}
                </Table.Th>
                <Table.Th scope="col">{t('payments.coupons.expiry')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((coupon) => (
                <Table.Tr key={coupon.couponCode}>
                  <Table.Th scope="row" fw={400} ff="monospace">
                    {coupon.couponCode}
                  </Table.Th>
                  <Table.Td>
                    {coupon.billItemName ? enumLabel(t, 'billItems', coupon.billItemName) : t('payments.coupons.any')}
                  </Table.Td>
                  <Table.Td ta="right" style={numeric}>
                    {format.money(coupon.amount, coupon.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={numeric}>
                    {format.money(coupon.balance, coupon.currency)}
                  </Table.Td>
                  <Table.Td>{format.month(coupon.expiryYearMonth)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Section>
  );
}
