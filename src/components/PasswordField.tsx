import { TextInput, type TextInputProps, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../app/i18n';

/** A password input with a show/hide toggle (a lighter stand-in for Mantine's PasswordInput). */
export function PasswordField(props: Omit<TextInputProps, 'type'>) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextInput
      {...props}
      type={visible ? 'text' : 'password'}
      rightSectionWidth={64}
      rightSection={
        <UnstyledButton
          type="button"
          fz="xs"
          c="dimmed"
          px={6}
          aria-pressed={visible}
          aria-label={t(visible ? 'fields.hidePassword' : 'fields.showPassword')}
          onClick={() => setVisible((v) => !v)}
        >
          {t(visible ? 'fields.hide' : 'fields.show')}
        </UnstyledButton>
      }
    />
  );
}
