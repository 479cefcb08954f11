import { Paper, Stack, Text, Title } from '@mantine/core';
import { accountChanges } from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { useTranslation } from '../../../app/i18n';
import { GuardedButton } from '../../../components/access/GuardedButton';
import { useAccess } from '../../../components/access/useAccess';
import { CopyField } from '../../../components/CopyField';
import { FormError } from '../../../components/FormError';
import { PageHeader } from '../../../components/PageHeader';

/** Support: a short-lived token that lets SORACOM's support console act for this account, and what it is for. */
export function SupportPage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const refusal = useAccess().refusal('Operator:generateSupportToken');
  const token = useChange(accountChanges.supportToken(operatorId));
  return (
    <>
      <PageHeader title={t('accountArea.support.title')} />
      <Paper withBorder p="md" radius="md" maw={720}>
        <Stack>
          <Title order={3} size="h4">
            {t('accountArea.support.tokenTitle')}
          </Title>
          <Text size="sm">{t('accountArea.support.what')}</Text>
          <Text size="sm">{t('accountArea.support.how')}</Text>
          <Text size="sm" c="dimmed">
            {t('accountArea.support.care')}
          </Text>
          <div>
            <GuardedButton refusal={refusal} loading={token.pending} onClick={() => void token.submit()}>
              {t('accountArea.support.get')}
            </GuardedButton>
          </div>
          <FormError error={token.error} retryIn={token.retryIn} />
          {token.data ? <CopyField label={t('accountArea.support.token')} value={token.data} /> : null}
        </Stack>
      </Paper>
    </>
  );
}
