import { Paper, Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { RenderGuard } from '../../components/RenderGuard';

/** A titled panel of a billing screen, named by its title for screen readers. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <RenderGuard>{children}</RenderGuard>
      </Stack>
    </Paper>
  );
}
