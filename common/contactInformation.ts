/**
 * An operator's contact information, company or individual: its fields and what is wrong with them, one definition
 * for the sandbox (400 with the first problem) and the console (a message next to each field). The field names are
 * the description's (`CompanyInformationModel`, `IndividualInformationModel`); the limits are the sandbox's guesses.
 */
import { addressRules } from './addresses';

export type ContactKind = 'company' | 'individual';

export type ContactField =
  | 'companyName'
  | 'department'
  | 'contactPersonName'
  | 'fullName'
  | 'countryCode'
  | 'zipCode'
  | 'state'
  | 'city'
  | 'addressLine1'
  | 'addressLine2'
  | 'building'
  | 'phoneNumber'
  | 'vatIdentificationNumber';

export type ContactProblem = 'required' | 'tooLong' | 'country' | 'phone' | 'vatInJapan';

export type ContactInput = Partial<Record<ContactField, string>>;

/** The fields of each kind in the order a form shows them, and the ones the description requires. */
export const contactFields: Record<
  ContactKind,
  { fields: readonly ContactField[]; required: readonly ContactField[] }
> = {
  company: {
    fields: [
      'companyName',
      'department',
      'contactPersonName',
      'countryCode',
      'zipCode',
      'state',
      'city',
      'addressLine1',
      'addressLine2',
      'building',
      'phoneNumber',
      'vatIdentificationNumber',
    ],
    required: ['companyName', 'countryCode', 'zipCode', 'department', 'contactPersonName', 'phoneNumber'],
  },
  individual: {
    fields: [
      'fullName',
      'countryCode',
      'zipCode',
      'state',
      'city',
      'addressLine1',
      'addressLine2',
      'building',
      'phoneNumber',
    ],
    required: ['fullName', 'countryCode', 'zipCode', 'phoneNumber'],
  },
};

export const contactRules = { fieldLength: 200 } as const;

/** What is wrong, field by field (the first problem of each); empty when the information is fine. */
export function contactProblems(kind: ContactKind, input: ContactInput): Partial<Record<ContactField, ContactProblem>> {
  const problems: Partial<Record<ContactField, ContactProblem>> = {};
  const { fields, required } = contactFields[kind];
  for (const field of fields) {
    const value = (input[field] ?? '').trim();
    if (value === '') {
      if (required.includes(field)) problems[field] = 'required';
    } else if (value.length > contactRules.fieldLength) problems[field] = 'tooLong';
    else if (field === 'countryCode' && !addressRules.countryCode.test(value)) problems[field] = 'country';
    else if (field === 'phoneNumber' && !addressRules.phone.test(value)) problems[field] = 'phone';
  }
  const vat = (input.vatIdentificationNumber ?? '').trim();
  if (vat !== '' && (input.countryCode ?? '').trim() === 'JP' && !problems.vatIdentificationNumber) {
    problems.vatIdentificationNumber = 'vatInJapan';
  }
  return problems;
}

/** The information as kept: the kind's fields only, trimmed, empty optional ones left out. */
export function cleanContact(kind: ContactKind, input: ContactInput): ContactInput {
  const clean: ContactInput = {};
  for (const field of contactFields[kind].fields) {
    const value = (input[field] ?? '').trim();
    if (value !== '') clean[field] = value;
  }
  return clean;
}
