import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from '../../../app/i18n';

function download(codes: string[], operatorId: string) {
  const blob = new Blob([`SORACOM MFA backup codes for ${operatorId}\n\n${codes.join('\n')}\n`], {
    type: 'text/plain',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `soracom-backup-codes-${operatorId}.txt`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The backup codes, shown once, with copy and download. */
export function BackupCodes({
  codes,
  operatorId,
  onDone,
}: {
  codes: string[];
  operatorId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" title={t('security.mfa.backupTitle')}>
        {t('security.mfa.backupBody')}
      </Alert>
      <SimpleGrid
        cols={{ base: 2, sm: 5 }}
        spacing="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('security.mfa.backupTitle')}
      >
        {codes.map((code) => (
          <li key={code}>
            <Code fz="sm">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy}>
              {copied ? t('common.copied') : t('security.mfa.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" size="xs" onClick={() => download(codes, operatorId)}>
          {t('security.mfa.downloadCodes')}
        </Button>
        <Button size="xs" onClick={onDone}>
          {t('security.mfa.savedCodes')}
        </Button>
      </Group>
    </Stack>
  );
}
