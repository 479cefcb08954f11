import { NativeSelect } from '@mantine/core';
import { isLanguage, languages, useTranslation } from '../../app/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('languages.label')}
      value={i18n.language}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void i18n.changeLanguage(next);
      }}
      data={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
    />
  );
}
