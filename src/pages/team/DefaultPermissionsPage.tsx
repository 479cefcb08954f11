import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { teamQueries } from '../../api/resources/team';
import { teamChanges } from '../../api/resources/teamChanges';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { useAccess } from '../../components/access/useAccess';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { PermissionEditor } from './permissions/PermissionEditor';
import { TeamNav } from './TeamNav';

/** What every SAM user of the operator may do, on top of their own permission and roles. */
export function DefaultPermissionsPage() {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const defaults = useQuery(teamQueries.defaultPermissions(operatorId));
  const save = useChange(teamChanges.saveDefaultPermissions(operatorId));
  const refusal = useAccess().refusal('User:updateDefaultPermissions');
  return (
    <>
      <PageHeader title={t('team.title')} />
      <TeamNav current="defaults" />
      <Text mb="md" size="sm">
        {t('team.defaults.about')}
      </Text>
      {defaults.error ? <ErrorAlert error={defaults.error} /> : null}
      {defaults.isPending ? <Skeleton height={120} /> : null}
      {defaults.data !== undefined ? (
        <PermissionEditor
          title={t('team.defaults.title')}
          saved={defaults.data}
          allowEmpty
          readOnlyReason={refusal}
          save={{
            submit: async (text) => {
              const ok = await save.submit(text);
              if (ok) notifySuccess(t('team.editor.saved'));
              return ok;
            },
            pending: save.pending,
            error: save.error,
            retryIn: save.retryIn,
          }}
        />
      ) : null}
    </>
  );
}
