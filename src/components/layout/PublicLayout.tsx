import { Box, Center, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages used before signing in: a centred card with a title. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Box w="100%" maw={440}>
        <Stack gap="md">
          <Title order={1} ta="center" size="h2">
            {title}
          </Title>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            {children}
          </Paper>
          <Center>
            <LanguageSwitch />
          </Center>
        </Stack>
      </Box>
    </Center>
  );
}
