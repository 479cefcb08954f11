import {
  Alert,
  Anchor,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { orderChanges, orderQueries, type Product } from '../../api/resources/orders';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { AddressDialog } from './AddressForm';
import { AddressBlock, addressLines, OrderAmounts, recipientOf, useMoney } from './parts';

/** A quantity as typed: a whole number from 0 to `max`, or null when it is not one ('' is 0). */
export function parseQuantity(text: string, max: number): number | null {
  const value = text.trim();
  if (value === '') return 0;
  if (!/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n <= max ? n : null;
}

function ProductTable({
  title,
  products,
  quantities,
  onChange,
  checked,
}: {
  title: string;
  products: Product[];
  quantities: Record<string, string>;
  onChange: (code: string, value: string) => void;
  checked: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  if (products.length === 0) return null;
  return (
    <TableScroll label={title}>
      <Table verticalSpacing="xs" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{title}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('orders.amounts.unitPrice')}
            </Table.Th>
            <Table.Th scope="col" w={140}>
              {t('orders.amounts.quantity')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((p) => {
            const code = p.productCode ?? '';
            const max = p.maxQuantity ?? 1;
            const bad = parseQuantity(quantities[code] ?? '', max) === null;
            return (
              <Table.Tr key={code}>
                <Table.Td>
                  <Text size="sm">{p.productName}</Text>
                  <Text size="xs" c="dimmed">
                    {p.description}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{money(p.price, p.currency)}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('orders.new.quantityFor', { product: p.productName ?? code })}
                    inputMode="numeric"
                    placeholder="0"
                    description={t('orders.new.quantityHint', { max })}
                    value={quantities[code] ?? ''}
                    onChange={(e) => onChange(code, e.currentTarget.value)}
                    error={
                      bad && (checked || (quantities[code] ?? '') !== '')
                        ? t('orders.new.quantityError', { max })
                        : undefined
                    }
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Products and quantities, an address, the quotation, then a deliberate confirmation sent once. */
export function NewOrderPage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const products = useQuery(orderQueries.products());
  const addresses = useQuery(orderQueries.addresses(operatorId));
  const access = useAccess();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [addressId, setAddressId] = useState('');
  const [checked, setChecked] = useState(false);
  const [adding, setAdding] = useState(false);
  const [reviewed, setReviewed] = useState(false);
  const [quotedFor, setQuotedFor] = useState('');
  const quote = useChange(orderChanges.quote());
  // A new quotation takes the focus (it appears below the form): keyboard and screen reader users go on from there.
  const quotationTitle = useRef<HTMLHeadingElement>(null);
  const quotedId = quote.data?.orderId;
  useEffect(() => {
    if (quotedId) quotationTitle.current?.focus();
  }, [quotedId]);
  const confirm = useChange(orderChanges.confirm());

  // With one address or a new one, it is the one to ship to: the newest is chosen when none is.
  const list = addresses.data ?? [];
  useEffect(() => {
    if (list.length > 0 && !list.some((a) => a.shippingAddressId === addressId)) {
      setAddressId(list.at(-1)?.shippingAddressId ?? '');
    }
  }, [list, addressId]);

  const all = products.data ?? [];
  const lines = all.flatMap((p) => {
    const n = parseQuantity(quantities[p.productCode ?? ''] ?? '', p.maxQuantity ?? 1);
    return n ? [{ productCode: p.productCode ?? '', quantity: n }] : [];
  });
  const anyBad = all.some((p) => parseQuantity(quantities[p.productCode ?? ''] ?? '', p.maxQuantity ?? 1) === null);
  const request = JSON.stringify({ lines, addressId });
  const quotation = quote.data && quotedFor === request ? quote.data : null;
  const stale = quote.data !== undefined && quotedFor !== request;

  if (confirm.data?.orderId) return <Navigate to={`/orders/${encodeURIComponent(confirm.data.orderId)}`} replace />;

  async function getQuotation(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (anyBad || lines.length === 0 || !addressId) return;
    setReviewed(false);
    if (await quote.submit({ items: lines, shippingAddressId: addressId })) setQuotedFor(request);
  }

  const chosen = list.find((a) => a.shippingAddressId === addressId);
  return (
    <>
      <Anchor component={Link} to="/orders" size="sm">
        {t('orders.back')}
      </Anchor>
      <PageHeader title={t('orders.new.title')} />
      {products.error ? <ErrorAlert error={products.error} /> : null}
      {addresses.error ? <ErrorAlert error={addresses.error} /> : null}
      <form noValidate onSubmit={(e) => void getQuotation(e)} aria-label={t('orders.new.title')}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="md">
            <Title order={3} size="h4" mb="sm">
              {t('orders.new.products')}
            </Title>
            {products.isPending ? <Skeleton height={60} /> : null}
            <Stack gap="md">
              <ProductTable
                title={t('orders.new.types.sim')}
                products={all.filter((p) => p.productType === 'sim')}
                quantities={quantities}
                onChange={(code, value) => setQuantities((q) => ({ ...q, [code]: value }))}
                checked={checked}
              />
              <ProductTable
                title={t('orders.new.types.device')}
                products={all.filter((p) => p.productType !== 'sim')}
                quantities={quantities}
                onChange={(code, value) => setQuantities((q) => ({ ...q, [code]: value }))}
                checked={checked}
              />
            </Stack>
            {checked && lines.length === 0 && !anyBad ? (
              <Text c="red" size="sm" role="alert" mt="xs">
                {t('orders.new.noneChosen')}
              </Text>
            ) : null}
          </Paper>

          <Paper withBorder radius="md" p="md">
            <Title order={3} size="h4" mb="sm">
              {t('orders.new.address')}
            </Title>
            <Stack gap="sm">
              {addresses.data && list.length === 0 ? <Text size="sm">{t('orders.new.noAddress')}</Text> : null}
              {list.length > 0 ? (
                <NativeSelect
                  label={t('orders.new.addressSelect')}
                  value={addressId}
                  onChange={(e) => setAddressId(e.currentTarget.value)}
                  error={checked && !addressId ? t('orders.new.addressRequired') : undefined}
                  data={list.map((a) => ({
                    value: a.shippingAddressId,
                    label: `${recipientOf(a)} — ${addressLines({ ...a, fullName: undefined, companyName: undefined, department: undefined, phoneNumber: undefined }).join(' ')}`,
                  }))}
                />
              ) : null}
              {chosen ? <AddressBlock address={chosen} /> : null}
              <Group>
                <GuardedButton
                  size="xs"
                  variant="default"
                  refusal={access.refusal('ShippingAddress:createShippingAddress')}
                  onClick={() => setAdding(true)}
                >
                  {t('orders.new.addAddress')}
                </GuardedButton>
              </Group>
            </Stack>
          </Paper>

          <FormError error={quote.error} retryIn={quote.retryIn} />
          <Group>
            <GuardedButton type="submit" refusal={access.refusal('Order:createQuotation')} loading={quote.pending}>
              {t('orders.new.quote')}
            </GuardedButton>
          </Group>
        </Stack>
      </form>

      {stale ? (
        <Alert color="yellow" mt="lg" role="status">
          {t('orders.new.changed')}
        </Alert>
      ) : null}
      {quotation ? (
        <Paper withBorder radius="md" p="md" mt="lg" component="section" aria-labelledby="quotation-title">
          <Title order={3} size="h4" mb="xs" id="quotation-title" ref={quotationTitle} tabIndex={-1}>
            {t('orders.new.quotation')}
          </Title>
          <Text size="sm" mb="sm">
            {t('orders.new.quotationIntro')}
          </Text>
          <OrderAmounts order={quotation} />
          <Stack gap="sm" mt="md">
            <AddressBlock address={quotation.shippingAddress} />
            <FormError error={confirm.error} retryIn={confirm.retryIn} />
            <Checkbox
              label={t('orders.new.confirmCheck')}
              checked={reviewed}
              onChange={(e) => setReviewed(e.currentTarget.checked)}
            />
            <Group>
              <GuardedButton
                refusal={access.refusal('Order:confirmOrder')}
                disabled={!reviewed}
                loading={confirm.pending}
                onClick={() => void confirm.submit(quotation.orderId ?? '')}
              >
                {t('orders.new.confirm')}
              </GuardedButton>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <AddressDialog opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
