import { Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { operatorQueries } from '../../api/resources/operator';
import { type Session, useSession } from '../../api/session';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeyValueList } from '../../components/KeyValueList';
import { PageHeader } from '../../components/PageHeader';
import { RenderGuard } from '../../components/RenderGuard';
import { formatDateTime, secondsToMs } from '../../lib/format';
import { AccountNav } from './AccountNav';
import { SecuritySection } from './security/SecuritySection';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <AccountNav />
      <RenderGuard>
        {session.userName ? <SamUserAccount session={session} /> : <RootAccount session={session} />}
      </RenderGuard>
      <div id="security" />
      <SecuritySection who={{ operatorId: session.operatorId, userName: session.userName }} />
    </>
  );
}

function RootAccount({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const operator = useQuery(operatorQueries.detail(session.operatorId));
  return (
    <Stack>
      {operator.error ? <ErrorAlert error={operator.error} /> : null}
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('account.operator')}
        </Title>
        <KeyValueList
          items={[
            { label: t('account.operatorId'), value: session.operatorId },
            { label: t('account.email'), value: operator.isPending ? <LoadingValue /> : operator.data?.email },
            {
              label: t('account.created'),
              value: operator.isPending ? (
                <LoadingValue />
              ) : (
                formatDateTime(Date.parse(operator.data?.createDate ?? ''), i18n.language)
              ),
            },
          ]}
        />
      </Paper>
    </Stack>
  );
}

/**
 * A value still on its way: a bar one line of text high, as the value will be, so that nothing below it moves when
 * the value comes (a taller block in place of the whole list shifted the security cards by 70 px).
 */
function LoadingValue() {
  return (
    <Skeleton component="span" display="block" maw="16em">
      {'\u00a0'}
    </Skeleton>
  );
}

function SamUserAccount({ session }: { session: Session & { userName?: string } }) {
  const { t, i18n } = useTranslation();
  const user = useQuery(operatorQueries.user(session.operatorId, session.userName ?? ''));
  return (
    <Stack>
      {user.error ? <ErrorAlert error={user.error} /> : null}
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('account.samUser')}
        </Title>
        <KeyValueList
          items={[
            { label: t('account.operatorId'), value: session.operatorId },
            { label: t('account.userName'), value: session.userName },
            { label: t('account.description'), value: user.data?.description },
            {
              label: t('account.created'),
              value: formatDateTime(secondsToMs(user.data?.createDateTime), i18n.language),
            },
          ]}
        />
      </Paper>
    </Stack>
  );
}
