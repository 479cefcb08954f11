/** The event handler form's rule: its type, and the fields of that type. */
import { Paper, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { type RuleType, ruleFields, ruleTypes } from './handlerFields';
import { type HandlerDraft, withRuleType } from './handlerForm';
import { ruleLabel } from './labels';
import { PropertyFields } from './PropertyFields';

export function RuleSection({ draft, update }: { draft: HandlerDraft; update: (part: Partial<HandlerDraft>) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('events.rule')}
        </Title>
        <Select
          label={t('events.form.ruleType')}
          required
          allowDeselect={false}
          value={draft.ruleType}
          onChange={(value) => update(withRuleType((value ?? draft.ruleType) as RuleType))}
          data={ruleTypes.map((value) => ({ value, label: ruleLabel(t, value) }))}
        />
        <PropertyFields
          idPrefix="rule"
          fields={ruleFields[draft.ruleType]}
          values={draft.rule}
          onChange={(rule) => update({ rule })}
        />
      </Stack>
    </Paper>
  );
}
