/** Fields of the actions that take one value: speed class, group, name, tag to delete, IMEI. */
import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { groupName, groupQueries } from '../../../api/resources/groups';
import { useTranslation } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { DeleteTagInput, GroupInput, ImeiInput, RenameInput, SpeedClassInput } from './inputs';
import { speedClassesFor } from './inputs';
import type { FieldsProps } from './types';

/** The speed classes every selected SIM's subscription offers. */
export function SpeedClassFields({ value, onChange, errors, sims }: FieldsProps<SpeedClassInput>) {
  const { t } = useTranslation();
  const current = sims.length === 1 ? sims[0]?.speedClass : undefined;
  const options = speedClassesFor(sims).map((c) => ({
    value: c,
    label: c === current ? t('simActions.fields.currentOption', { value: c }) : c,
  }));
  return (
    <NativeSelect
      label={t('simActions.fields.speedClass')}
      description={t('simActions.fields.speedClassHint')}
      data={[{ value: '', label: t('simActions.fields.choose') }, ...options]}
      value={value.speedClass}
      onChange={(e) => onChange({ speedClass: e.currentTarget.value })}
      error={errors?.speedClass}
      data-autofocus
    />
  );
}

export function GroupFields({ value, onChange, errors }: FieldsProps<GroupInput>) {
  const { t } = useTranslation();
  const groups = useQuery(groupQueries.list());
  const options = (groups.data ?? []).map((g) => ({
    value: g.groupId ?? '',
    label: groupName(g) ?? g.groupId ?? '',
  }));
  return (
    <Stack gap="xs">
      {groups.error ? <ErrorAlert error={groups.error} /> : null}
      <NativeSelect
        label={t('simActions.fields.group')}
        data={[
          { value: '', label: groups.isPending ? t('simActions.fields.loading') : t('simActions.fields.choose') },
          ...options,
        ]}
        value={value.groupId}
        onChange={(e) => onChange({ groupId: e.currentTarget.value })}
        error={errors?.groupId ?? (groups.data?.length === 0 ? t('simActions.fields.noGroups') : undefined)}
        data-autofocus
      />
    </Stack>
  );
}

export function RenameFields({ value, onChange, errors, sims }: FieldsProps<RenameInput>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('simActions.fields.name')}
      placeholder={sims.length === 1 ? sims[0]?.tags?.name : undefined}
      value={value.name}
      onChange={(e) => onChange({ name: e.currentTarget.value })}
      error={errors?.name}
      autoComplete="off"
      data-autofocus
    />
  );
}

/** The tag names the selected SIMs have, to choose the one to delete. */
export function DeleteTagFields({ value, onChange, errors, sims }: FieldsProps<DeleteTagInput>) {
  const { t } = useTranslation();
  const names = [...new Set(sims.flatMap((sim) => Object.keys(sim.tags ?? {})))].sort();
  return (
    <NativeSelect
      label={t('simActions.fields.tagToDelete')}
      data={[{ value: '', label: t('simActions.fields.choose') }, ...names]}
      value={value.tagName}
      onChange={(e) => onChange({ tagName: e.currentTarget.value })}
      error={errors?.tagName}
      data-autofocus
    />
  );
}

/** The IMEI the SIM is locked to; for one SIM in a session, its current IMEI is offered. */
export function ImeiFields({ value, onChange, errors, sims }: FieldsProps<ImeiInput>) {
  const { t } = useTranslation();
  const sessionImei = sims.length === 1 ? sims[0]?.sessionStatus?.imei : undefined;
  return (
    <Stack gap="xs" align="flex-start">
      <TextInput
        w="100%"
        label={t('simActions.fields.imei')}
        description={t('simActions.fields.imeiHint')}
        value={value.imei}
        onChange={(e) => onChange({ imei: e.currentTarget.value })}
        error={errors?.imei}
        inputMode="numeric"
        autoComplete="off"
        ff="monospace"
        data-autofocus
      />
      {sessionImei ? (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange({ imei: sessionImei })}>
          {t('simActions.fields.useSessionImei', { imei: sessionImei })}
        </Button>
      ) : null}
    </Stack>
  );
}
