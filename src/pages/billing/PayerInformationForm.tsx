import { Button, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { paymentChanges, paymentQueries } from '../../api/resources/billing';
import { useChange } from '../../api/useChange';
import { useTranslation } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormError } from '../../components/FormError';
import { LeaveGuard } from '../../components/LeaveGuard';
import { errorMessage } from '../../lib/errorMessage';
import { fieldOfMessage, type PayerDraft, payerFields, payerMaxLength, toDraft, trimmed, validatePayer } from './payer';
import { Section } from './Section';

/** The name printed on payment statements: read, edit, save. A failed save keeps everything typed. */
export function PayerInformationForm() {
  const { t } = useTranslation();
  const payer = useQuery(paymentQueries.payer());
  const [draft, setDraft] = useState<PayerDraft | null>(null);
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);
  const loaded = payer.data === undefined ? undefined : toDraft(payer.data);

  // The form starts from what SORACOM has, once; later refetches never overwrite what is being typed.
  useEffect(() => {
    if (loaded && draft === null) setDraft(loaded);
  }, [loaded, draft]);

  const save = useChange(paymentChanges.savePayer());
  async function send(values: PayerDraft) {
    if (!(await save.submit(trimmed(values)))) return;
    setSaved(true);
    setChecked(false);
  }

  const current = draft ?? loaded;
  const dirty = !!draft && !!loaded && payerFields.some((f) => draft[f].trim() !== loaded[f]);
  const errors = current && checked ? validatePayer(current) : {};
  const refused = save.error ? errorMessage(save.error, t) : null;
  const refusedField = refused ? fieldOfMessage(refused.message) : undefined;
  const fieldError = (field: (typeof payerFields)[number]) => {
    const key = errors[field];
    if (key) return t(key, { max: payerMaxLength });
    if (refused && refusedField === field) return `${refused.message}${refused.code ? ` (${refused.code})` : ''}`;
    return undefined;
  };

  return (
    <Section title={t('payments.payer.title')}>
      <Text size="sm" c="dimmed">
        {t('payments.payer.description')}
      </Text>
      {payer.error ? <ErrorAlert error={payer.error} /> : null}
      {payer.isPending ? <Skeleton height={120} /> : null}
      {current ? (
        <form
          noValidate
          aria-label={t('payments.payer.title')}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setChecked(true);
            setSaved(false);
            if (Object.keys(validatePayer(current)).length === 0) void send(current);
          }}
        >
          <Stack gap="sm" maw={480}>
            {save.error && !refusedField ? <FormError error={save.error} retryIn={save.retryIn} /> : null}
            {payerFields.map((field) => (
              <TextInput
                key={field}
                label={t(`payments.payer.${field}`)}
                value={current[field]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setSaved(false);
                  setDraft((before) => ({ ...(before ?? current), [field]: value }));
                }}
                error={fieldError(field)}
                autoComplete={field === 'fullName' ? 'name' : field === 'companyName' ? 'organization' : 'off'}
              />
            ))}
            <Group>
              <Button type="submit" loading={save.pending} disabled={!dirty && payer.data !== null}>
                {t('payments.payer.save')}
              </Button>
              <div role="status">
                {saved ? (
                  <Text size="sm" c="green.9">
                    {t('payments.payer.saved')}
                  </Text>
                ) : null}
              </div>
            </Group>
          </Stack>
          <LeaveGuard when={dirty && !save.pending} />
        </form>
      ) : null}
    </Section>
  );
}
