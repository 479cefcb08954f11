import { Button, Group, Paper, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { apiPatternProblem, type PermissionStatement } from '../../../../common/permissions';
import { useTranslation } from '../../../app/i18n';
import { operationsOf, services } from './operationCatalog';

/**
 * Builds one statement from the catalogue: a service, some of its operations (or `*`, or a wildcard typed in such as
 * `list*`), allow or deny, and an optional condition. `onAdd` returns false when the text cannot take it.
 */
export function StatementForm({
  onAdd,
  disabledReason,
}: {
  onAdd: (statement: PermissionStatement) => void;
  disabledReason?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [service, setService] = useState<string | null>(null);
  const [operations, setOperations] = useState<string[]>([]);
  const [effect, setEffect] = useState<'allow' | 'deny'>('allow');
  const [condition, setCondition] = useState('');
  const apis = service ? operations.map((operation) => `${service}:${operation}`) : [];
  const bad = apis.find((api) => apiPatternProblem(api));

  function add() {
    if (!service || apis.length === 0 || bad) return;
    onAdd({ effect, api: apis, ...(condition.trim() ? { condition: condition.trim() } : {}) });
    setOperations([]);
    setCondition('');
  }

  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-labelledby={`${id}-legend`}>
      <Text id={`${id}-legend`} fw={600} size="sm" mb="xs">
        {t('team.editor.addTitle')}
      </Text>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label={t('team.editor.service')}
            data={services as string[]}
            value={service}
            onChange={(value) => {
              setService(value);
              setOperations([]);
            }}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <TagsInput
            label={t('team.editor.operations')}
            description={t('team.editor.operationsHelp')}
            data={service ? ['*', ...operationsOf(service).map((op) => op.operationId)] : []}
            value={operations}
            onChange={setOperations}
            disabled={!service}
            error={bad ? t('team.editor.badPattern', { api: bad }) : undefined}
            clearable
          />
        </Group>
        <Group align="flex-end" grow>
          <div>
            <Text size="sm" fw={500} id={`${id}-effect`}>
              {t('team.editor.effect')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${id}-effect`}
              value={effect}
              onChange={(value) => setEffect(value as 'allow' | 'deny')}
              data={[
                { value: 'allow', label: t('team.effect.allow') },
                { value: 'deny', label: t('team.effect.deny') },
              ]}
            />
          </div>
          <TextInput
            label={t('team.editor.condition')}
            description={t('team.editor.conditionHelp')}
            placeholder="ipAddress('192.0.2.0/24')"
            value={condition}
            onChange={(e) => setCondition(e.currentTarget.value)}
          />
        </Group>
        <Group gap="sm">
          <Button
            size="xs"
            variant="light"
            onClick={add}
            disabled={!service || apis.length === 0 || Boolean(bad) || Boolean(disabledReason)}
          >
            {t('team.editor.add')}
          </Button>
          {disabledReason ? (
            <Text size="xs" c="dimmed">
              {disabledReason}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
