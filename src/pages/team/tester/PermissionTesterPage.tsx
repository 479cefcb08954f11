import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { teamQueries } from '../../../api/resources/team';
import { type ScreenId, screenOperations } from '../../../api/screenOperations';
import { useSession } from '../../../api/session';
import { useTranslation } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { allOperations, type CatalogOperation, services } from '../permissions/operationCatalog';
import { validatePermissionText } from '../permissions/permissionText';
import { TesterTable } from './TesterTable';
import { filterOperations, parsePathVariables, testerRows } from './testerRows';
import { useTesterSources } from './useTesterSources';

const byApi = new Map(allOperations.map((op) => [`${op.service}:${op.operationId}`, op]));
const screenOps = (id: ScreenId): CatalogOperation[] =>
  (screenOperations.find((s) => s.id === id)?.calls ?? []).flatMap((api) => byApi.get(api) ?? []);

/** Local time for a datetime-local input. */
const localInput = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function PermissionTesterPage() {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  const operatorId = session?.operatorId ?? '';
  const [mode, setMode] = useState<'user' | 'paste'>(session?.userName ? 'paste' : 'user');
  const users = useQuery({ ...teamQueries.users(operatorId), enabled: mode === 'user' });
  const [userName, setUserName] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [view, setView] = useState<'operations' | 'screen'>('operations');
  const [service, setService] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [screen, setScreen] = useState<ScreenId>('sims');
  const [samUserName, setSamUserName] = useState('');
  const [sourceIp, setSourceIp] = useState('');
  const [time, setTime] = useState(() => localInput(Date.now()));
  const [vars, setVars] = useState('');
  const pasteCheck = validatePermissionText(pasted, true);
  const { sources, problems } = useTesterSources(
    operatorId,
    mode === 'user' ? userName : null,
    mode === 'paste' ? pasted : null,
  );

  const rows = useMemo(() => {
    const operations = view === 'screen' ? screenOps(screen) : filterOperations(allOperations, service, text);
    const now = Date.parse(time);
    return testerRows(sources, operations, {
      samUserName: mode === 'user' ? (userName ?? '') : samUserName,
      sourceIp: sourceIp.trim() || undefined,
      now: Number.isNaN(now) ? Date.now() : now,
      pathVariables: parsePathVariables(vars),
    });
  }, [sources, view, screen, service, text, time, mode, userName, samUserName, sourceIp, vars]);
  const chosen = mode === 'paste' || userName !== null;

  return (
    <>
      <PageHeader title={t('team.tester.title')} />
      <Text size="sm" mb="md">
        {t('team.tester.about')}
      </Text>
      <Stack>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Text id={`${id}-mode`} fw={600} size="sm">
              {t('team.tester.whose')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${id}-mode`}
              w="fit-content"
              value={mode}
              onChange={(value) => setMode(value as 'user' | 'paste')}
              data={[
                { value: 'user', label: t('team.tester.aUser') },
                { value: 'paste', label: t('team.tester.paste') },
              ]}
            />
            {mode === 'user' ? (
              <Select
                label={t('team.tester.user')}
                data={(users.data ?? []).map((u) => u.userName)}
                value={userName}
                onChange={setUserName}
                searchable
                error={users.error ? t('team.tester.usersUnreadable') : undefined}
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <>
                <Textarea
                  label={t('team.tester.permission')}
                  value={pasted}
                  onChange={(e) => setPasted(e.currentTarget.value)}
                  error={
                    pasteCheck.ok || pasteCheck.required
                      ? undefined
                      : t('team.editor.invalid', { message: pasteCheck.message })
                  }
                  autosize
                  minRows={4}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                />
                <TextInput
                  label={t('team.tester.samUserName')}
                  value={samUserName}
                  onChange={(e) => setSamUserName(e.currentTarget.value)}
                />
              </>
            )}
            {problems.map((p) => (
              <Alert key={p.label} color="red" role="status">
                {t('team.tester.problem', { source: p.label, message: p.message })}
              </Alert>
            ))}
            <Group grow align="flex-start">
              <TextInput
                label={t('team.tester.sourceIp')}
                value={sourceIp}
                onChange={(e) => setSourceIp(e.currentTarget.value)}
                placeholder="192.0.2.10"
              />
              <TextInput
                label={t('team.tester.time')}
                type="datetime-local"
                value={time}
                onChange={(e) => setTime(e.currentTarget.value)}
              />
              <TextInput
                label={t('team.tester.pathVariables')}
                description={t('team.tester.pathVariablesHelp')}
                value={vars}
                onChange={(e) => setVars(e.currentTarget.value)}
                placeholder="sim_id=8942…, user_name=alice"
              />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Text id={`${id}-view`} fw={600} size="sm">
              {t('team.tester.what')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${id}-view`}
              w="fit-content"
              value={view}
              onChange={(value) => setView(value as 'operations' | 'screen')}
              data={[
                { value: 'operations', label: t('team.tester.byOperation') },
                { value: 'screen', label: t('team.tester.byScreen') },
              ]}
            />
            {view === 'operations' ? (
              <Group grow>
                <Select
                  label={t('team.tester.service')}
                  data={services as string[]}
                  value={service}
                  onChange={setService}
                  clearable
                  searchable
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={t('team.tester.filter')}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                />
              </Group>
            ) : (
              <Select
                label={t('team.tester.screen')}
                data={screenOperations
                  .filter((s) => s.calls.length > 0)
                  .map((s) => ({ value: s.id, label: t(`team.screens.${s.id}`) }))}
                value={screen}
                onChange={(value) => value && setScreen(value as ScreenId)}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {chosen ? <TesterTable rows={rows} /> : <Text c="dimmed">{t('team.tester.choose')}</Text>}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
