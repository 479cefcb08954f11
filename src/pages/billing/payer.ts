import type { PayerInformation } from '../../api/resources/billing';
import type { MessageKey } from '../../app/i18n';

export const payerFields = ['companyName', 'department', 'fullName'] as const;
export type PayerField = (typeof payerFields)[number];
export type PayerDraft = Record<PayerField, string>;
/** What the statement can print on one line. SORACOM does not publish a limit; this one is the console's. */
export const payerMaxLength = 200;

export const toDraft = (payer: PayerInformation | null | undefined): PayerDraft => ({
  companyName: payer?.companyName ?? '',
  department: payer?.department ?? '',
  fullName: payer?.fullName ?? '',
});

/** Field → catalogue key of what is wrong with it. A statement needs a name: the person's or the company's. */
export function validatePayer(draft: PayerDraft): Partial<Record<PayerField, MessageKey>> {
  const errors: Partial<Record<PayerField, MessageKey>> = {};
  for (const field of payerFields) {
    if (draft[field].trim().length > payerMaxLength) errors[field] = 'payments.payer.tooLong';
  }
  if (!draft.fullName.trim() && !draft.companyName.trim() && !errors.fullName) {
    errors.fullName = 'payments.payer.nameRequired';
  }
  return errors;
}

/** The field a refusal from SORACOM is about, when its message names one. */
export function fieldOfMessage(message: string): PayerField | undefined {
  return payerFields.find((field) => message.toLowerCase().includes(field.toLowerCase()));
}

export const trimmed = (draft: PayerDraft): PayerInformation => ({
  companyName: draft.companyName.trim(),
  department: draft.department.trim(),
  fullName: draft.fullName.trim(),
});
