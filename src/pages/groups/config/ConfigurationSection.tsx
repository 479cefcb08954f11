import { Paper, Tabs, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { namespaces } from '../../../../common/configuration';
import type { Group } from '../../../api/resources/groups';
import { useTranslation } from '../../../app/i18n';
import { LeaveGuard } from '../../../components/LeaveGuard';
import { ConfigurationTools } from './ConfigurationTools';
import { NamespaceEditor } from './NamespaceEditor';

/** Every namespace of the group in a tab, each with its own editor; unsaved edits survive switching tabs. */
export function ConfigurationSection({ group }: { group: Group }) {
  const { t } = useTranslation();
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const anyDirty = Object.values(dirty).some(Boolean);
  const markers = useCallback(
    (namespace: string) => (isDirty: boolean) =>
      setDirty((d) => (d[namespace] === isDirty ? d : { ...d, [namespace]: isDirty })),
    [],
  );
  const configured = new Set(Object.keys(group.configuration ?? {}));

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('groupConfig.title')}
      </Title>
      <ConfigurationTools group={group} disabled={anyDirty} />
      <Tabs defaultValue="SoracomAir" keepMounted mt="md">
        <Tabs.List>
          {namespaces.map((ns) => (
            <Tabs.Tab key={ns} value={ns} fw={configured.has(ns) ? 700 : undefined}>
              {ns}
              {dirty[ns] ? ' •' : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {namespaces.map((ns) => (
          <Tabs.Panel key={ns} value={ns} pt="md">
            <NamespaceEditor group={group} namespace={ns} onDirty={markers(ns)} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <LeaveGuard when={anyDirty} />
    </Paper>
  );
}
