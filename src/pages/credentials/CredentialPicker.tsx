/**
 * The `credentialsId` of a group's Funnel or Funk configuration, or of an event handler's Lambda action: a set from
 * /credentials, or a new one made in place (the dialog opens over the form, whose unsaved edits stay as they are). A
 * value the list does not have stays selectable, so opening the form changes nothing. Without the right to list
 * credentials, a text box as before.
 */
import { NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { credentialQueries } from '../../api/resources/credentials';
import { useTranslation } from '../../app/i18n';
import { useAccess } from '../../components/access/useAccess';
import { notifySuccess } from '../../lib/notify';
import { CredentialDialog } from './CredentialDialog';

const createNew = '\u0000new';

export function CredentialPicker({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: string;
  onChange: (credentialsId: string) => void;
  /** Marks the field as one the form needs (the asterisk); the form itself checks it is filled in. */
  required?: boolean;
}) {
  const { t } = useTranslation();
  const access = useAccess();
  const listRefusal = access.refusal('Credential:listCredentials');
  const createRefusal = access.refusal('Credential:createCredential');
  const list = useQuery({ ...credentialQueries.list(), enabled: !listRefusal });
  const [creating, setCreating] = useState(false);

  if (listRefusal || list.error) {
    return (
      <TextInput
        label={label}
        required={required}
        value={value}
        description={listRefusal ?? undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  const sets = list.data ?? [];
  const known = sets.some((set) => set.credentialsId === value);
  const options = [
    { value: '', label: t('credentials.picker.none') },
    ...sets.map((set) => ({ value: set.credentialsId, label: `${set.credentialsId} (${set.type})` })),
    ...(value && !known && !list.isPending ? [{ value, label: t('credentials.picker.missing', { id: value }) }] : []),
    ...(value && !known && list.isPending ? [{ value, label: value }] : []),
    ...(createRefusal ? [] : [{ value: createNew, label: t('credentials.picker.createNew') }]),
  ];
  return (
    <>
      <NativeSelect
        label={label}
        required={required}
        description={t('credentials.picker.help')}
        value={value}
        data={options}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (next === createNew) setCreating(true);
          else onChange(next);
        }}
      />
      {creating ? (
        <CredentialDialog
          onClose={() => setCreating(false)}
          onDone={(credentialsId) => {
            setCreating(false);
            onChange(credentialsId);
            notifySuccess(t('credentials.created', { id: credentialsId }));
          }}
        />
      ) : null}
    </>
  );
}
