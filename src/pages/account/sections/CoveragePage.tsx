import { Alert, Badge, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { accountChanges, type CoverageType, type OperatorContracts } from '../../../api/resources/account';
import { operatorQueries } from '../../../api/resources/operator';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { type MessageKey, useTranslation } from '../../../app/i18n';
import { GuardedButton } from '../../../components/access/GuardedButton';
import { useAccess } from '../../../components/access/useAccess';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableScroll } from '../../../components/TableScroll';
import { notifySuccess } from '../../../lib/notify';
import { AccountNav } from '../AccountNav';

const coverageTypes: readonly CoverageType[] = ['jp', 'g'];

/** Account › Coverage: the coverage types of the account, and adding the one it does not have (confirmed). */
export function CoveragePage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const refusal = useAccess().refusal('Operator:addCoverageType');
  const operator = useQuery(operatorQueries.detail(operatorId));
  const add = useChange(accountChanges.addCoverage(operatorId));
  const [asking, setAsking] = useState<CoverageType | null>(null);
  const has = new Set((operator.data as OperatorContracts | undefined)?.coverageTypes ?? ['jp']);
  const name = (type: CoverageType) => t(`accountArea.coverage.names.${type}` as MessageKey);

  async function confirm() {
    if (!asking) return false;
    const done = await add.submit(asking);
    if (done) notifySuccess(t('accountArea.coverage.added'));
    return done;
  }

  return (
    <>
      <PageHeader title={t('account.title')} />
      <AccountNav />
      <Stack maw={720}>
        <Text size="sm" c="dimmed">
          {t('accountArea.coverage.intro')}
        </Text>
        {operator.error ? <ErrorAlert error={operator.error} /> : null}
        {operator.isPending ? (
          <Skeleton height={100} />
        ) : (
          <Paper withBorder radius="md">
            <TableScroll label={t('accountArea.coverage.tableLabel')}>
              <Table verticalSpacing="sm" aria-label={t('accountArea.coverage.tableLabel')}>
                <Table.Tbody>
                  {coverageTypes.map((type) => (
                    <Table.Tr key={type}>
                      <Table.Td>{name(type)}</Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={has.has(type) ? 'green' : 'gray'} tt="none">
                          {t(has.has(type) ? 'accountArea.coverage.has' : 'accountArea.coverage.hasNot')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {has.has(type) ? null : (
                          <Group justify="flex-end">
                            <GuardedButton refusal={refusal} size="compact-sm" onClick={() => setAsking(type)}>
                              {t('accountArea.coverage.add', { name: name(type) })}
                            </GuardedButton>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Paper>
        )}
        <Alert color="gray" role="note">
          {t('accountArea.coverage.switch')}
        </Alert>
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t('accountArea.coverage.confirmTitle', { name: asking ? name(asking) : '' })}
        message={t('accountArea.coverage.confirmMessage', { name: asking ? name(asking) : '' })}
        confirmLabel={t('accountArea.coverage.addShort')}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
        error={add.error}
        retryIn={add.retryIn}
      />
    </>
  );
}
