import { Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type ContactField,
  type ContactInput,
  type ContactKind,
  contactFields,
  contactProblems,
} from '../../../../common/contactInformation';
import { accountChanges, type Contact } from '../../../api/resources/account';
import { useSession } from '../../../api/session';
import { useChange } from '../../../api/useChange';
import { type MessageKey, useTranslation } from '../../../app/i18n';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../lib/notify';

const autoComplete: Partial<Record<ContactField, string>> = {
  companyName: 'organization',
  contactPersonName: 'name',
  fullName: 'name',
  countryCode: 'country',
  zipCode: 'postal-code',
  state: 'address-level1',
  city: 'address-level2',
  addressLine1: 'address-line1',
  addressLine2: 'address-line2',
  phoneNumber: 'tel',
};

/**
 * The contact information, company or individual, checked field by field as the sandbox checks it
 * (common/contactInformation.ts). Choosing the other kind replaces what is kept when saved.
 */
export function ContactForm({ contact }: { contact: Contact | null }) {
  const { t } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const [kind, setKind] = useState<ContactKind>(contact?.kind ?? 'company');
  const [values, setValues] = useState<ContactInput>(contact?.fields ?? { countryCode: 'JP' });
  const [checked, setChecked] = useState(false);
  const save = useChange(accountChanges.saveContact(operatorId));
  const problems = contactProblems(kind, values);
  const { fields, required } = contactFields[kind];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const first = fields.find((field) => problems[field]);
    if (first) {
      document.getElementById(`contact-${first}`)?.focus();
      return;
    }
    const clean: ContactInput = {};
    for (const field of fields) {
      const value = (values[field] ?? '').trim();
      if (value !== '') clean[field] = field === 'countryCode' ? value.toUpperCase() : value;
    }
    if (await save.submit({ kind, fields: clean, exists: contact?.kind === kind })) {
      notifySuccess(t('accountArea.profile.saved'));
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <Stack>
        <Radio.Group
          label={t('accountArea.profile.kind')}
          description={contact ? t('accountArea.profile.kindSwitch') : undefined}
          value={kind}
          onChange={(value) => setKind(value as ContactKind)}
        >
          <Group mt="xs">
            <Radio value="company" label={t('accountArea.profile.company')} />
            <Radio value="individual" label={t('accountArea.profile.individual')} />
          </Group>
        </Radio.Group>
        {fields.map((field) => {
          const problem = checked ? problems[field] : undefined;
          return (
            <TextInput
              key={`${kind}-${field}`}
              id={`contact-${field}`}
              label={t(`accountArea.profile.fields.${field}` as MessageKey)}
              description={field === 'vatIdentificationNumber' ? t('accountArea.profile.vatHint') : undefined}
              required={required.includes(field)}
              value={values[field] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [field]: value }));
              }}
              error={problem ? t(`accountArea.profile.problems.${problem}` as MessageKey) : undefined}
              autoComplete={autoComplete[field]}
              maxLength={field === 'countryCode' ? 2 : undefined}
              inputMode={field === 'phoneNumber' ? 'tel' : undefined}
            />
          );
        })}
        <FormError error={save.error} retryIn={save.retryIn} />
        <Group>
          <Button type="submit" loading={save.pending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
