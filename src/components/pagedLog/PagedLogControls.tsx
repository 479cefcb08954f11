/** The parts of a paged log's screen that every log shares: its filter form, a time range, and "older entries". */
import { Button, Group, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/** The filters the API applies, asked for when the form is sent. */
export function LogFilterForm({
  label,
  submitLabel,
  onSearch,
  children,
}: {
  label: string;
  submitLabel: string;
  onSearch: () => void;
  children: ReactNode;
}) {
  return (
    <form
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      <Group align="flex-end" gap="sm">
        {children}
        <Button size="xs" type="submit">
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}

/** Two `datetime-local` boxes; how their values are read (UTC or the browser's zone) is the page's to say. */
export function TimeRangeFields({
  labels,
  from,
  to,
  onChange,
}: {
  labels: { from: string; to: string };
  from: string;
  to: string;
  onChange: (bound: 'from' | 'to', value: string) => void;
}) {
  return (
    <>
      <TextInput
        size="xs"
        type="datetime-local"
        label={labels.from}
        value={from}
        onChange={(e) => onChange('from', e.currentTarget.value)}
      />
      <TextInput
        size="xs"
        type="datetime-local"
        label={labels.to}
        value={to}
        onChange={(e) => onChange('to', e.currentTarget.value)}
      />
    </>
  );
}

export function MoreButton({ log, label }: { log: { canLoadMore: boolean; more: () => void }; label: string }) {
  return (
    <Button size="xs" variant="default" disabled={!log.canLoadMore} onClick={log.more}>
      {label}
    </Button>
  );
}
