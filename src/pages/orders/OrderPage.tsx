import {
  Alert,
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { groupName, groupQueries } from '../../api/resources/groups';
import { type Order, orderChanges, orderQueries } from '../../api/resources/orders';
import { useChange } from '../../api/useChange';
import { type MessageKey, useTranslation } from '../../app/i18n';
import { GuardedButton } from '../../components/access/GuardedButton';
import { useAccess } from '../../components/access/useAccess';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { TableScroll } from '../../components/TableScroll';
import { parseTagLines } from '../groups/CreateGroupDialog';
import { AddressBlock, OrderAmounts, OrderStatusBadge, orderTime } from './parts';

type StepState = 'done' | 'current' | 'pending';

/** The steps of an order and where it stands: ordered → shipped → received, or ordered → cancelled. */
export function orderSteps(status: Order['orderStatus']): { step: string; state: StepState }[] {
  if (status === 'cancelled' || status === 'cancelling') {
    return [
      { step: 'ordered', state: 'done' },
      { step: 'cancelled', state: 'current' },
    ];
  }
  const steps = ['ordered', 'shipped', 'received'];
  const at = status === 'orderProcessing' ? -1 : steps.indexOf(status === 'receiving' ? 'shipped' : (status ?? ''));
  const reached = at < 0 && status !== 'orderProcessing' ? 0 : at;
  return steps.map((step, i) => ({
    step,
    state: i < reached ? 'done' : i === reached ? (i === steps.length - 1 ? 'done' : 'current') : 'pending',
  }));
}

const stepColors: Record<StepState, string> = { done: 'green', current: 'blue', pending: 'gray' };

function Timeline({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const when: Record<string, string | undefined> = {
    ordered: order.orderDateTime
      ? t('orders.order.orderedAt', { time: orderTime(order.orderDateTime, i18n.language) })
      : undefined,
    shipped: order.shippingDateTime
      ? t('orders.order.shippedAt', { time: orderTime(order.shippingDateTime, i18n.language) })
      : undefined,
  };
  return (
    <ol
      aria-label={t('orders.order.timeline')}
      style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 16 }}
    >
      {orderSteps(order.orderStatus).map(({ step, state }) => {
        const label = t(`orders.status.${step}` as MessageKey);
        const stateText = t(`orders.order.step${state[0]?.toUpperCase()}${state.slice(1)}` as MessageKey);
        return (
          <li key={step} aria-current={state === 'current' ? 'step' : undefined}>
            <Badge color={stepColors[state]} variant={state === 'pending' ? 'outline' : 'dot'} tt="none" size="lg">
              {state === 'done' ? <span aria-hidden="true">✓ </span> : null}
              {label}
            </Badge>
            <Text size="xs" c="dimmed" mt={4}>
              <VisuallyHidden>{t('orders.order.step', { step: label, state: stateText })}</VisuallyHidden>
              {when[step] ?? ''}
            </Text>
          </li>
        );
      })}
    </ol>
  );
}

function RegisterPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const orderId = order.orderId ?? '';
  const access = useAccess();
  const sims = useQuery(orderQueries.subscribers(orderId));
  const groups = useQuery({ ...groupQueries.list(), enabled: !access.refusal('Group:listGroups') });
  const register = useChange(orderChanges.register(orderId));
  const [groupId, setGroupId] = useState('');
  const [tagText, setTagText] = useState('');
  const { tags, bad } = parseTagLines(tagText);
  const count = sims.data?.length ?? 0;
  const subscriptions = [
    ...new Set(
      (order.orderItemList ?? []).flatMap((i) =>
        i.product?.productType === 'sim' && i.product.properties?.simSubscription
          ? [i.product.properties.simSubscription]
          : [],
      ),
    ),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (bad.length > 0) return;
    const setting = { ...(groupId ? { groupId } : {}), tags: { ...tags, order: orderId } };
    void register.submit(Object.fromEntries(subscriptions.map((s) => [s, setting])));
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="register-title">
      <Title order={3} size="h4" mb="xs" id="register-title">
        {t('orders.order.register')}
      </Title>
      <form noValidate onSubmit={submit} aria-label={t('orders.order.register')}>
        <Stack gap="sm">
          <Text size="sm">{t('orders.order.registerIntro')}</Text>
          <FormError error={register.error} retryIn={register.retryIn} />
          <NativeSelect
            label={t('orders.order.group')}
            value={groupId}
            onChange={(e) => setGroupId(e.currentTarget.value)}
            data={[
              { value: '', label: t('orders.order.noGroup') },
              ...(groups.data ?? []).map((g) => ({ value: g.groupId ?? '', label: groupName(g) ?? g.groupId ?? '' })),
            ]}
          />
          <Textarea
            label={t('orders.order.tags')}
            description={t('orders.order.tagLines')}
            value={tagText}
            onChange={(e) => setTagText(e.currentTarget.value)}
            error={bad.length ? t('orders.order.badTagLine', { line: bad[0] ?? '' }) : undefined}
            autosize
            minRows={2}
          />
          <Group>
            <GuardedButton
              type="submit"
              refusal={access.refusal('Order:registerOrderedSim')}
              loading={register.pending}
              disabled={!sims.data}
            >
              {t('orders.order.registerSubmit', { count })}
            </GuardedButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function OrderedSims({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const sims = useQuery(orderQueries.subscribers(orderId));
  if (sims.error) return <ErrorAlert error={sims.error} />;
  if (!sims.data) return <Skeleton height={40} />;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="sims-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="sims-title">
          {t('orders.order.sims')}
        </Title>
        <Text size="sm">{t('orders.order.simsCount', { count: sims.data.length })}</Text>
      </Group>
      <TableScroll label={t('orders.order.simsLabel')} maxHeight={260}>
        <Table verticalSpacing={4} aria-label={t('orders.order.simsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">SIM ID</Table.Th>
              <Table.Th scope="col">IMSI</Table.Th>
              <Table.Th scope="col">ICCID</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sims.data.map((sim) => (
              <Table.Tr key={sim.simId}>
                <Table.Td ff="monospace">{sim.simId}</Table.Td>
                <Table.Td ff="monospace">{sim.imsi}</Table.Td>
                <Table.Td ff="monospace">{sim.iccid}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Paper>
  );
}

/** One order: where it stands, what it holds, where it goes, what it costs; cancel it, register its SIMs. */
export function OrderPage() {
  const { t } = useTranslation();
  const orderId = useParams().orderId ?? '';
  const order = useQuery(orderQueries.detail(orderId));
  const access = useAccess();
  const cancel = useChange(orderChanges.cancel(orderId));
  const [cancelling, setCancelling] = useState(false);
  const o = order.data;
  const status = o?.orderStatus;
  const cancellable = status === 'orderProcessing' || status === 'ordered';

  return (
    <>
      <Anchor component={Link} to="/orders" size="sm">
        {t('orders.back')}
      </Anchor>
      <PageHeader title={t('orders.order.title', { orderId })}>
        {o ? <OrderStatusBadge status={status} /> : null}
        {cancellable ? (
          <GuardedButton
            size="xs"
            color="red"
            variant="light"
            refusal={access.refusal('Order:cancelOrder')}
            onClick={() => setCancelling(true)}
          >
            {t('orders.order.cancel')}
          </GuardedButton>
        ) : null}
      </PageHeader>
      {order.error ? <ErrorAlert error={order.error} /> : null}
      {order.isPending ? <Skeleton height={200} /> : null}
      {o ? (
        <RenderGuard>
          <Stack gap="lg">
            {status === 'orderProcessing' ? <Alert color="gray">{t('orders.order.quotationNote')}</Alert> : null}
            {status === 'cancelled' ? <Alert color="red">{t('orders.order.cancelledNote')}</Alert> : null}
            {status !== 'orderProcessing' ? (
              <Paper withBorder radius="md" p="md" component="section" aria-label={t('orders.order.timeline')}>
                <Timeline order={o} />
                {o.shippingLabelDetails?.[0] ? (
                  <Text size="sm" mt="sm">
                    {t('orders.order.tracking', {
                      number: o.shippingLabelDetails[0].trackingNumber,
                      company: o.shippingLabelDetails[0].shipmentCompany,
                    })}
                  </Text>
                ) : null}
              </Paper>
            ) : null}
            {status === 'ordered' ? <Text size="sm">{t('orders.order.waitingNote')}</Text> : null}
            {status === 'shipped' ? <RegisterPanel order={o} /> : null}
            {status === 'received' ? (
              <Alert color="green" role="status">
                <Stack gap={4}>
                  <Text size="sm">{t('orders.order.registered')}</Text>
                  <Anchor component={Link} to={`/sims?tag=${encodeURIComponent(orderId)}`} size="sm">
                    {t('orders.order.showSims')}
                  </Anchor>
                </Stack>
              </Alert>
            ) : null}
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <Paper
                withBorder
                radius="md"
                p="md"
                component="section"
                aria-labelledby="items-title"
                style={{ gridColumn: 'span 2' }}
              >
                <Title order={3} size="h4" mb="xs" id="items-title">
                  {t('orders.order.items')}
                </Title>
                <OrderAmounts order={o} />
              </Paper>
              <Paper withBorder radius="md" p="md" component="section" aria-labelledby="address-title">
                <Title order={3} size="h4" mb="xs" id="address-title">
                  {t('orders.order.address')}
                </Title>
                <AddressBlock address={o.shippingAddress} />
              </Paper>
            </SimpleGrid>
            {status === 'shipped' || status === 'received' ? <OrderedSims orderId={orderId} /> : null}
          </Stack>
        </RenderGuard>
      ) : null}
      <ConfirmDialog
        opened={cancelling}
        title={t('orders.order.cancelTitle', { orderId })}
        message={t('orders.order.cancelMessage')}
        confirmLabel={t('orders.order.cancel')}
        onConfirm={() => cancel.submit()}
        onClose={() => setCancelling(false)}
        error={cancel.error}
        retryIn={cancel.retryIn}
      />
    </>
  );
}
