import { Anchor, Group, Paper, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { orderChanges, orderQueries, type ShippingAddress } from '../../api/resources/orders';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { enumLabel, useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { TableScroll } from '../../components/TableScroll';
import { AddressDialog } from './AddressForm';
import { addressLines, recipientOf } from './parts';

/** The address book: every shipping address, added, edited and deleted here. */
export function AddressesPage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const addresses = useQuery(orderQueries.addresses(operatorId));
  const access = useAccess();
  const [editing, setEditing] = useState<ShippingAddress | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ShippingAddress | null>(null);
  const remove = useChange(orderChanges.deleteAddress(operatorId));
  const editRefusal = access.refusal('ShippingAddress:updateShippingAddress');
  const deleteRefusal = access.refusal('ShippingAddress:deleteShippingAddress');

  return (
    <>
      <Anchor component={Link} to="/orders" size="sm">
        {t('orders.back')}
      </Anchor>
      <PageHeader title={t('orders.addresses.title')}>
        <GuardedButton
          size="xs"
          refusal={access.refusal('ShippingAddress:createShippingAddress')}
          onClick={() => setEditing('new')}
        >
          {t('orders.addresses.add')}
        </GuardedButton>
      </PageHeader>
      {addresses.error ? <ErrorAlert error={addresses.error} /> : null}
      <RenderGuard>
        <Paper withBorder radius="md">
          <TableScroll label={t('orders.addresses.tableLabel')}>
            <Table striped verticalSpacing="xs" aria-label={t('orders.addresses.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('orders.addresses.columns.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('orders.addresses.columns.address')}</Table.Th>
                  <Table.Th scope="col">{t('orders.addresses.columns.phone')}</Table.Th>
                  <Table.Th scope="col">{t('orders.addresses.columns.area')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('orders.addresses.edit')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {addresses.isPending ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Skeleton height={14} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  (addresses.data ?? []).map((a) => {
                    const name = recipientOf(a);
                    return (
                      <Table.Tr key={a.shippingAddressId}>
                        <Table.Td>
                          <Text size="sm">{a.fullName}</Text>
                          <Text size="xs" c="dimmed">
                            {[a.companyName, a.department].filter(Boolean).join(' ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {addressLines({
                            ...a,
                            fullName: undefined,
                            companyName: undefined,
                            department: undefined,
                            phoneNumber: undefined,
                          }).map((line) => (
                            <Text size="sm" key={line}>
                              {line}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>{a.phoneNumber}</Table.Td>
                        <Table.Td>{enumLabel(t, 'orders.addresses.areas', a.shippingArea)}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <GuardedButton
                              size="compact-xs"
                              variant="default"
                              refusal={editRefusal}
                              aria-label={t('orders.addresses.editNamed', { name })}
                              onClick={() => setEditing(a)}
                            >
                              {t('orders.addresses.edit')}
                            </GuardedButton>
                            <GuardedButton
                              size="compact-xs"
                              variant="default"
                              color="red"
                              refusal={deleteRefusal}
                              aria-label={t('orders.addresses.deleteNamed', { name })}
                              onClick={() => setDeleting(a)}
                            >
                              {t('orders.addresses.delete')}
                            </GuardedButton>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {addresses.data?.length === 0 ? (
            <Text p="md" c="dimmed">
              {t('orders.addresses.empty')}
            </Text>
          ) : null}
        </Paper>
      </RenderGuard>
      <AddressDialog
        opened={editing !== null}
        address={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('orders.addresses.deleteTitle')}
        message={t('orders.addresses.deleteMessage', { name: deleting ? recipientOf(deleting) : '' })}
        confirmLabel={t('orders.addresses.delete')}
        onConfirm={() => remove.submit(deleting?.shippingAddressId ?? '')}
        onClose={() => setDeleting(null)}
        error={remove.error}
        retryIn={remove.retryIn}
      />
    </>
  );
}
