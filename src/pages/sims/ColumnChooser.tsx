import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from '../../app/i18n';
import { defaultColumnIds, simColumns } from './simColumns';

/** Which columns the table shows; the choice is remembered per browser. */
export function ColumnChooser({ visible, onChange }: { visible: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default">
          {t('simTable.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('simTable.columnsLabel')}
          value={visible}
          // Keep the table's column order whatever order they were ticked in; at least one column stays.
          onChange={(ids) => ids.length > 0 && onChange(simColumns.map((c) => c.id).filter((id) => ids.includes(id)))}
        >
          <Stack gap={6} mt="xs">
            {simColumns.map((column) => (
              <Checkbox key={column.id} size="xs" value={column.id} label={column.header(t)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button size="compact-xs" variant="subtle" mt="sm" onClick={() => onChange(defaultColumnIds)}>
          {t('simTable.defaultColumns')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
