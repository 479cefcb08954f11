import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from '../../../app/i18n';
import { type SmsEncoding, type SmsInput, smsLength } from './inputs';
import type { FieldsProps } from './types';

/** The message and its encoding, with the length counted as the encoding counts it, against its limit. */
export function SmsFields({ value, onChange, errors }: FieldsProps<SmsInput>) {
  const { t } = useTranslation();
  const countId = useId();
  const length = smsLength(value.payload, value.encodingType);
  const over = length.count > length.limit || length.unsupported.length > 0;
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('simActions.fields.encoding')}
        value={String(value.encodingType)}
        onChange={(next) => onChange({ ...value, encodingType: Number(next) as SmsEncoding })}
      >
        <Stack gap={4} mt={4}>
          <Radio value="2" label={t('simActions.fields.ucs2')} />
          <Radio value="1" label={t('simActions.fields.gsm7')} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('simActions.fields.payload')}
        value={value.payload}
        onChange={(e) => onChange({ ...value, payload: e.currentTarget.value })}
        error={errors?.payload}
        aria-describedby={countId}
        rows={3}
        data-autofocus
      />
      <Text id={countId} size="sm" c={over ? 'red.8' : 'dimmed'} aria-live="polite">
        {t('simActions.fields.smsCount', { count: length.count, limit: length.limit })}
      </Text>
    </Stack>
  );
}
