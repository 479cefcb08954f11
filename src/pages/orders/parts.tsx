/** What the order screens share: the status badge, an address as lines, money, and the amounts of an order. */
import { Badge, Table, Text } from '@mantine/core';
import type { Order, Quotation, ShippingAddress } from '../../api/resources/orders';
import { enumLabel, useTranslation } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { formatMoney, parseEvaluatedTime } from '../../lib/money';

const statusColors: Record<string, string> = {
  orderProcessing: 'gray',
  ordered: 'blue',
  shipped: 'violet',
  received: 'green',
  cancelled: 'red',
  failed: 'red',
};

export function OrderStatusBadge({ status }: { status: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status ?? ''] ?? 'gray'} variant="dot" tt="none" miw="max-content">
      {enumLabel(t, 'orders.status', status ?? 'failed')}
    </Badge>
  );
}

/** `yyyyMMddHHmmss` (UTC) as a local date and time. */
export function orderTime(value: string | undefined, locale: string): string {
  return formatDateTime(parseEvaluatedTime(value), locale);
}

type AddressLike = Partial<ShippingAddress> & { countryCode?: string };

/** The address as it is written: a Japanese one from the postal code down, another from the name up. */
export function addressLines(a: AddressLike | undefined): string[] {
  if (!a) return [];
  const join = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim() !== '').join(' ');
  const lines =
    (a.countryCode ?? 'JP') === 'JP'
      ? [
          a.zipCode ? `〒${a.zipCode}` : '',
          join(a.state, a.city, a.addressLine1),
          join(a.addressLine2, a.building),
          join(a.companyName, a.department),
          a.fullName ? `${a.fullName}` : '',
          a.phoneNumber ?? '',
        ]
      : [
          a.fullName ?? '',
          join(a.companyName, a.department),
          join(a.addressLine1, a.addressLine2, a.building),
          join(a.city, a.state, a.zipCode),
          a.countryCode ?? '',
          a.phoneNumber ?? '',
        ];
  return lines.filter((line) => line.trim() !== '');
}

export function AddressBlock({ address }: { address: AddressLike | undefined }) {
  return (
    <address style={{ fontStyle: 'normal' }}>
      {addressLines(address).map((line) => (
        <Text size="sm" key={line}>
          {line}
        </Text>
      ))}
    </address>
  );
}

export const recipientOf = (a: AddressLike): string => a.fullName || a.companyName || a.city || '';

export function useMoney() {
  const { i18n } = useTranslation();
  return (amount: number | undefined, currency = 'JPY') => formatMoney(amount ?? 0, currency, i18n.language);
}

/** Items, shipping, tax and total of a quotation or an order. */
export function OrderAmounts({ order }: { order: Order | Quotation }) {
  const { t } = useTranslation();
  const money = useMoney();
  const currency = order.currency ?? 'JPY';
  const subtotal = (order.orderItemList ?? []).reduce((n, i) => n + (i.productAmount ?? 0), 0);
  return (
    <Table verticalSpacing="xs" aria-label={t('orders.amounts.summaryLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('orders.amounts.product')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('orders.amounts.unitPrice')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('orders.amounts.quantity')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('orders.amounts.amount')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(order.orderItemList ?? []).map((item) => (
          <Table.Tr key={item.product?.productCode}>
            <Table.Td>{item.product?.productName}</Table.Td>
            <Table.Td ta="right">{money(item.product?.price, currency)}</Table.Td>
            <Table.Td ta="right">{item.quantity}</Table.Td>
            <Table.Td ta="right">{money(item.productAmount, currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        {(
          [
            ['orders.amounts.subtotal', subtotal],
            ['orders.amounts.shipping', order.shippingCost],
            ['orders.amounts.tax', order.taxAmount],
          ] as const
        ).map(([key, amount]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" colSpan={3} ta="right" fw={400}>
              {t(key)}
            </Table.Th>
            <Table.Td ta="right">{money(amount, currency)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row" colSpan={3} ta="right">
            {t('orders.amounts.total')}
          </Table.Th>
          <Table.Td ta="right" fw={700} data-testid="order-total">
            {money(order.totalAmount, currency)}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
