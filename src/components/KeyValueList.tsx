import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface KeyValue {
  label: string;
  value: ReactNode;
}

/** Labelled values as a description list, two columns on wide screens. */
export function KeyValueList({ items }: { items: KeyValue[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="xs" c="dimmed" fw={500}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.value === undefined || item.value === null || item.value === '' ? '—' : item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
