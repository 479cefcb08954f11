/**
 * Creating a credential set, or replacing one (rotating its secret): one dialog for the credentials page and the
 * group configuration's picker. The secret fields are password boxes (or plain text areas for keys and JSON), sent
 * once; the API never answers them back.
 */
import { Button, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { credentialTypes } from '../../../common/credentialTypes';
import {
  type CredentialInput,
  type CredentialSet,
  type CredentialType,
  credentialChanges,
} from '../../api/resources/credentials';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { FormError } from '../../components/FormError';
import { PasswordField } from '../../components/PasswordField';

/** SORACOM's rule for credential IDs, as the sandbox checks it. */
export const credentialsIdPattern = /^[A-Za-z0-9_.@+-]{1,100}$/;
const types = Object.keys(credentialTypes).sort() as CredentialType[];
/** Values that span lines: keys, certificates, JSON. */
const multiline = (type: string, field: string) =>
  ['x509', 'google-service-account-json', 'private-key-pem'].includes(type) || field === 'privateKey';

export function CredentialDialog({
  replacing,
  initialType = 'aws-credentials',
  onClose,
  onDone,
}: {
  /** The set whose secret is replaced; none: a new set. */
  replacing?: CredentialSet;
  initialType?: CredentialType;
  onClose: () => void;
  onDone: (credentialsId: string) => void;
}) {
  const { t } = useTranslation();
  const [credentialsId, setCredentialsId] = useState(replacing?.credentialsId ?? '');
  const [type, setType] = useState<CredentialType>((replacing?.type as CredentialType) ?? initialType);
  const [description, setDescription] = useState(replacing?.description ?? '');
  const [values, setValues] = useState<Record<string, string>>(
    () => (replacing?.credentials as Record<string, string> | undefined) ?? {},
  );
  const [checked, setChecked] = useState(false);
  const change = useChange(replacing ? credentialChanges.replace() : credentialChanges.create());
  const fields = credentialTypes[type] ?? { public: [], secret: [] };
  const all = [...fields.public, ...fields.secret];
  const missing = (name: string) => !fields.optional?.includes(name) && !(values[name] ?? '').trim();
  const idValid = credentialsIdPattern.test(credentialsId);
  const title = replacing ? t('credentials.rotateTitle', { id: replacing.credentialsId }) : t('credentials.create');

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The dialog sits in a portal, but React passes a submit up to the form that opened it: keep it here.
    event.stopPropagation();
    setChecked(true);
    if (!idValid || all.some(missing)) return;
    const input: CredentialInput = {
      credentialsId,
      type,
      description: description.trim(),
      credentials: Object.fromEntries(all.flatMap((name) => (values[name]?.trim() ? [[name, values[name]]] : []))),
    };
    if (await change.submit(input)) onDone(credentialsId);
  }

  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form noValidate aria-label={title} onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          {replacing ? <Text size="sm">{t('credentials.rotateAbout')}</Text> : null}
          <FormError error={change.error} retryIn={change.retryIn} />
          {replacing ? null : (
            <>
              <TextInput
                label={t('credentials.id')}
                description={t('credentials.idRule')}
                value={credentialsId}
                onChange={(e) => setCredentialsId(e.currentTarget.value)}
                error={checked && !idValid ? t('credentials.idRule') : undefined}
                required
                data-autofocus
              />
              <NativeSelect
                label={t('credentials.type')}
                value={type}
                onChange={(e) => setType(e.currentTarget.value as CredentialType)}
                data={types}
              />
            </>
          )}
          <TextInput
            label={t('credentials.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          {all.map((name) => {
            const secret = fields.secret.includes(name);
            const props = {
              label: name,
              value: values[name] ?? '',
              required: !fields.optional?.includes(name),
              description: secret ? t('credentials.secretHelp') : undefined,
              error: checked && missing(name) ? t('credentials.required') : undefined,
              autoComplete: 'off',
              onChange: (e: { currentTarget: { value: string } }) => {
                const next = e.currentTarget.value;
                setValues((v) => ({ ...v, [name]: next }));
              },
            };
            if (multiline(type, name))
              return (
                <Textarea key={`${type}.${name}`} {...props} autosize minRows={3} maxRows={8} spellCheck={false} />
              );
            return secret ? (
              <PasswordField key={`${type}.${name}`} {...props} />
            ) : (
              <TextInput key={`${type}.${name}`} {...props} />
            );
          })}
          <Button type="submit" w="fit-content" loading={change.pending}>
            {replacing ? t('credentials.rotateSubmit') : t('credentials.createSubmit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
