import { Button, Group, Modal, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type AddressField,
  type AddressProblem,
  addressProblems,
  addressTextFields,
  prefectureOf,
  prefectures,
} from '../../../common/addresses';
import { type AddressInput, orderChanges, type ShippingAddress } from '../../api/resources/orders';
import { useSession } from '../../api/session';
import { useChange } from '../../api/useChange';
import { type MessageKey, useTranslation } from '../../app/i18n';
import { FormError } from '../../components/FormError';

type Values = Record<AddressField, string>;

const empty: Values = {
  countryCode: 'JP',
  zipCode: '',
  state: '',
  city: '',
  addressLine1: '',
  addressLine2: '',
  building: '',
  companyName: '',
  department: '',
  fullName: '',
  phoneNumber: '',
  email: '',
};

function valuesOf(address: ShippingAddress | undefined): Values {
  if (!address) return empty;
  const values = { ...empty };
  for (const field of Object.keys(empty) as AddressField[]) {
    const value = (address as Record<string, unknown>)[field];
    if (typeof value === 'string') values[field] = value;
  }
  if (values.countryCode === 'JP') values.state = prefectureOf(values.state)?.ja ?? values.state;
  return values;
}

/** The fields in the order each kind of address is written: Japanese from the postal code down, others upward. */
const japanOrder = addressTextFields;
const abroadOrder: readonly AddressField[] = [
  'fullName',
  'companyName',
  'department',
  'addressLine1',
  'addressLine2',
  'building',
  'city',
  'state',
  'zipCode',
  'countryCode',
  'phoneNumber',
  'email',
];
const required = new Set<AddressField>(['zipCode', 'state', 'city', 'addressLine1', 'phoneNumber']);

/** Adds an address, or edits `address`, checked field by field as the sandbox checks it (common/addresses.ts). */
export function AddressDialog({
  opened,
  address,
  onClose,
  onSaved,
}: {
  opened: boolean;
  address?: ShippingAddress;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={address ? t('orders.addresses.editTitle') : t('orders.addresses.add')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <AddressForm address={address} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function AddressForm({
  address,
  onClose,
  onSaved,
}: {
  address?: ShippingAddress;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const operatorId = useSession()?.operatorId ?? '';
  const [values, setValues] = useState<Values>(() => valuesOf(address));
  const [checked, setChecked] = useState(false);
  const create = useChange(orderChanges.createAddress(operatorId));
  const update = useChange(orderChanges.updateAddress(operatorId, address?.shippingAddressId ?? ''));
  const change = address ? update : create;
  const japan = values.countryCode === 'JP';
  // Outside Japan, a country code left empty is a problem of its own (not a Japanese address).
  const problems = addressProblems({ ...values, countryCode: japan ? 'JP' : values.countryCode.trim() || '?' });
  const set = (field: AddressField, value: string) => setValues((v) => ({ ...v, [field]: value }));

  const problemText = (problem: AddressProblem | undefined): string | undefined => {
    if (!checked || !problem) return undefined;
    const key = problem === 'zip' && !japan ? 'zipAbroad' : problem;
    return t(`orders.form.problems.${key}` as MessageKey);
  };
  const labelKey = (field: AddressField): MessageKey => {
    if (field === 'state') return japan ? 'orders.form.prefecture' : 'orders.form.state';
    if (field === 'city' && !japan) return 'orders.form.cityAbroad';
    return `orders.form.${field}` as MessageKey;
  };
  const hint = (field: AddressField): string | undefined => {
    if (field === 'zipCode') return t(japan ? 'orders.form.zipHint' : 'orders.form.zipAbroadHint');
    if (field === 'countryCode') return t('orders.form.countryHint');
    return undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0) {
      // Focus the first field to fix, as the order of the form has it.
      const first = (japan ? japanOrder : abroadOrder).find((field) => problems[field]);
      if (first) document.getElementById(`address-${first}`)?.focus();
      return;
    }
    const fields: Record<string, string> = {};
    for (const field of Object.keys(values) as AddressField[]) {
      const value = values[field].trim();
      if (value !== '' || address) fields[field] = value;
    }
    fields.countryCode = japan ? 'JP' : values.countryCode.trim().toUpperCase();
    const input = fields as AddressInput;
    if (await change.submit(input)) {
      onSaved?.();
      onClose();
    }
  }

  const field = (name: AddressField) => {
    const common = {
      id: `address-${name}`,
      key: name,
      label: t(labelKey(name)),
      description: hint(name),
      required: required.has(name),
      error: problemText(problems[name]),
      // The dialog opens on the first field to fill in, not on its close button.
      'data-autofocus': name === (japan ? 'zipCode' : 'fullName') ? true : undefined,
    };
    if (name === 'state' && japan) {
      return (
        <NativeSelect
          {...common}
          value={values.state}
          onChange={(e) => set('state', e.currentTarget.value)}
          data={[
            { value: '', label: t('orders.form.prefecturePlaceholder') },
            ...prefectures.map((p) => ({ value: p.ja, label: i18n.language === 'ja' ? p.ja : `${p.en} (${p.ja})` })),
          ]}
        />
      );
    }
    const autoComplete: Partial<Record<AddressField, string>> = {
      zipCode: 'postal-code',
      city: 'address-level2',
      addressLine1: 'address-line1',
      addressLine2: 'address-line2',
      companyName: 'organization',
      fullName: 'name',
      phoneNumber: 'tel',
      email: 'email',
      countryCode: 'country',
      state: 'address-level1',
    };
    return (
      <TextInput
        {...common}
        value={values[name]}
        onChange={(e) => set(name, e.currentTarget.value)}
        autoComplete={autoComplete[name]}
        inputMode={name === 'phoneNumber' ? 'tel' : name === 'zipCode' && japan ? 'numeric' : undefined}
        maxLength={name === 'countryCode' ? 2 : undefined}
      />
    );
  };

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={t(address ? 'orders.addresses.editTitle' : 'orders.addresses.add')}
    >
      <Stack gap="sm">
        <FormError error={change.error} retryIn={change.retryIn} />
        <Radio.Group
          label={t('orders.form.where')}
          value={japan ? 'jp' : 'abroad'}
          onChange={(where) => set('countryCode', where === 'jp' ? 'JP' : '')}
        >
          <Group gap="md" mt={4}>
            <Radio value="jp" label={t('orders.form.japan')} />
            <Radio value="abroad" label={t('orders.form.abroad')} />
          </Group>
        </Radio.Group>
        {(japan ? japanOrder : abroadOrder).map(field)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.pending}>
            {t(address ? 'orders.form.submitSave' : 'orders.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
