import { Anchor, Button, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Order, orderQueries } from '../../api/resources/orders';
import { useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { TableScroll } from '../../components/TableScroll';
import { OrderStatusBadge, orderTime, useMoney } from './parts';

function itemsSummary(order: Order, t: ReturnType<typeof useTranslation>['t']): string {
  const items = order.orderItemList ?? [];
  const first = items[0] ? `${items[0].product?.productName ?? ''} × ${items[0].quantity ?? 0}` : '';
  return items.length > 1 ? t('orders.itemsSummary', { first, more: items.length - 1 }) : first;
}

/** The confirmed orders, newest first, and the ways to a new order and the address book. */
export function OrdersPage() {
  const { t, i18n } = useTranslation();
  const orders = useQuery(orderQueries.list());
  const access = useAccess();
  const money = useMoney();
  const newRefusal = access.refusal('Order:createQuotation');

  return (
    <>
      <PageHeader title={t('orders.title')}>
        <Button size="xs" variant="default" component={Link} to="/orders/addresses">
          {t('orders.addressBook')}
        </Button>
        {newRefusal ? (
          <GuardedButton size="xs" refusal={newRefusal}>
            {t('orders.newOrder')}
          </GuardedButton>
        ) : (
          <Button size="xs" component={Link} to="/orders/new">
            {t('orders.newOrder')}
          </Button>
        )}
      </PageHeader>
      {orders.error ? <ErrorAlert error={orders.error} /> : null}
      <RenderGuard>
        <Paper withBorder radius="md">
          <TableScroll label={t('orders.tableLabel')}>
            <Table striped verticalSpacing="xs" aria-label={t('orders.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('orders.columns.orderId')}</Table.Th>
                  <Table.Th scope="col">{t('orders.columns.date')}</Table.Th>
                  <Table.Th scope="col">{t('orders.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('orders.columns.items')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('orders.columns.total')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.isPending ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Skeleton height={14} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  (orders.data ?? []).map((order) => (
                    <Table.Tr key={order.orderId}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/orders/${encodeURIComponent(order.orderId ?? '')}`}
                          size="sm"
                          ff="monospace"
                        >
                          {order.orderId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{orderTime(order.orderDateTime, i18n.language)}</Table.Td>
                      <Table.Td>
                        <OrderStatusBadge status={order.orderStatus} />
                      </Table.Td>
                      <Table.Td>{itemsSummary(order, t)}</Table.Td>
                      <Table.Td ta="right">{money(order.totalAmount, order.currency)}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {orders.data?.length === 0 ? (
            <Text p="md" c="dimmed">
              {t('orders.empty')}
            </Text>
          ) : null}
        </Paper>
      </RenderGuard>
    </>
  );
}
