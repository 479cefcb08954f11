import { Alert, Badge, Checkbox, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { accountChanges, type ContractName, type OperatorContracts } from '../../../api/resources/account';
import { operatorQueries } from '../../../api/resources/operator';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { type MessageKey, useTranslation } from '../../../app/i18n';
import { GuardedButton } from '../../../components/access/GuardedButton';
import { useAccess } from '../../../components/access/useAccess';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { AccountNav } from '../AccountNav';

/** The contracts an operator turns on and off here, in the description's order. */
const contractNames: readonly ContractName[] = ['api_audit_log', 'harvest', 'napter', 'support'];
/** The only Harvest detail the description allows: the extended plan, keeping data 731 days. */
const extendedHarvest = { plan: 'extended', ttl: 731 } as const;

/** Account › Contracts: each optional contract, what it does, on or off (confirmed either way). */
export function ContractsPage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const access = useAccess();
  const operator = useQuery(operatorQueries.detail(operatorId));
  const add = useChange(accountChanges.addContract(operatorId));
  const remove = useChange(accountChanges.deleteContract(operatorId));
  const [asking, setAsking] = useState<{ name: ContractName; on: boolean } | null>(null);
  const [extended, setExtended] = useState(true);
  const data = operator.data as (typeof operator.data & OperatorContracts) | undefined;
  const active = new Set(data?.contracts ?? []);
  const addRefusal = access.refusal('Operator:addOperatorContract');
  const deleteRefusal = access.refusal('Operator:deleteOperatorContract');
  const label = (name: ContractName) => t(`accountArea.contracts.names.${name}` as MessageKey);

  function confirm() {
    if (!asking) return Promise.resolve(false);
    if (!asking.on) return remove.submit(asking.name);
    const detail =
      asking.name === 'harvest' && extended
        ? { contractDetail: extendedHarvest }
        : asking.name === 'support'
          ? { contractDetail: { tier: 'priority' as const } }
          : {};
    return add.submit({ contractName: asking.name, ...detail });
  }

  return (
    <>
      <PageHeader title={t('account.title')} />
      <AccountNav />
      <Stack maw={900}>
        <Text size="sm" c="dimmed">
          {t('accountArea.contracts.intro')}
        </Text>
        {operator.error ? <ErrorAlert error={operator.error} /> : null}
        {operator.isPending ? (
          <Skeleton height={200} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {contractNames.map((name) => {
              const on = active.has(name);
              const detail = data?.contractDetail?.[name];
              return (
                <Paper key={name} withBorder p="md" radius="md" aria-label={label(name)} component="section">
                  <Stack gap="xs">
                    <Group justify="space-between">
                      <Title order={3} size="h5">
                        {label(name)}
                      </Title>
                      <Badge color={on ? 'green' : 'gray'} variant="dot" tt="none">
                        {t(on ? 'accountArea.contracts.on' : 'accountArea.contracts.off')}
                      </Badge>
                    </Group>
                    <Text size="sm">{t(`accountArea.contracts.what.${name}` as MessageKey)}</Text>
                    {name === 'harvest' && on ? (
                      <Text size="sm" c="dimmed">
                        {detail?.plan
                          ? t('accountArea.contracts.harvestExtended', { ttl: detail.ttl ?? extendedHarvest.ttl })
                          : t('accountArea.contracts.harvestStandard')}
                      </Text>
                    ) : null}
                    {name === 'support' && on ? (
                      <Text size="sm" c="dimmed">
                        {t('accountArea.contracts.supportTier', { tier: detail?.tier ?? 'priority' })}
                      </Text>
                    ) : null}
                    <Group>
                      <GuardedButton
                        refusal={on ? deleteRefusal : addRefusal}
                        size="compact-sm"
                        variant={on ? 'default' : 'filled'}
                        onClick={() => setAsking({ name, on: !on })}
                      >
                        {t(on ? 'accountArea.contracts.turnOff' : 'accountArea.contracts.turnOn', {
                          name: label(name),
                        })}
                      </GuardedButton>
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
        )}
        <Alert color="gray" role="note">
          {t('accountArea.contracts.fees')}
        </Alert>
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t(asking?.on ? 'accountArea.contracts.confirmOn' : 'accountArea.contracts.confirmOff', {
          name: asking ? label(asking.name) : '',
        })}
        message={
          asking
            ? t(asking.on ? 'accountArea.contracts.confirmOnMessage' : 'accountArea.contracts.confirmOffMessage', {
                name: label(asking.name),
              })
            : ''
        }
        confirmLabel={t(asking?.on ? 'accountArea.contracts.turnOnShort' : 'accountArea.contracts.turnOffShort')}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
        error={asking?.on ? add.error : remove.error}
        retryIn={asking?.on ? add.retryIn : remove.retryIn}
      >
        {asking?.on && asking.name === 'harvest' ? (
          <Checkbox
            label={t('accountArea.contracts.harvestExtendedChoice', { ttl: extendedHarvest.ttl })}
            checked={extended}
            onChange={(e) => setExtended(e.currentTarget.checked)}
          />
        ) : null}
        {asking?.on && asking.name === 'support' ? (
          <Text size="sm">{t('accountArea.contracts.supportTier', { tier: 'priority' })}</Text>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
