import { describe, expect, it } from 'vitest';
import { cleanContact, contactProblems } from './contactInformation';

const company = {
  companyName: 'Example K.K.',
  department: 'IoT',
  contactPersonName: 'Hanako',
  countryCode: 'JP',
  zipCode: '100-0001',
  phoneNumber: '03-0000-0000',
};

describe('contact information rules (the sandbox answers 400 with the first, the form shows each)', () => {
  it('accepts complete information and asks for each required field of its kind', () => {
    expect(contactProblems('company', company)).toEqual({});
    expect(contactProblems('company', { ...company, department: '  ', companyName: undefined })).toEqual({
      companyName: 'required',
      department: 'required',
    });
    // An individual has no department or company name to ask for.
    expect(
      contactProblems('individual', {
        fullName: 'Taro',
        countryCode: 'US',
        zipCode: '1',
        phoneNumber: '+1 415 000 0000',
      }),
    ).toEqual({});
    expect(Object.keys(contactProblems('individual', {}))).toEqual([
      'fullName',
      'countryCode',
      'zipCode',
      'phoneNumber',
    ]);
  });

  it('names a country code, phone number or length that does not fit, and VAT for a company in Japan', () => {
    expect(contactProblems('company', { ...company, countryCode: 'jp' }).countryCode).toBe('country');
    expect(contactProblems('company', { ...company, phoneNumber: '12345' }).phoneNumber).toBe('phone');
    expect(contactProblems('company', { ...company, city: 'x'.repeat(201) }).city).toBe('tooLong');
    expect(contactProblems('company', { ...company, vatIdentificationNumber: 'DE1' }).vatIdentificationNumber).toBe(
      'vatInJapan',
    );
    expect(contactProblems('company', { ...company, countryCode: 'DE', vatIdentificationNumber: 'DE1' })).toEqual({});
  });

  it('keeps only the kind’s fields, trimmed, without empty optional ones', () => {
    expect(cleanContact('individual', { ...company, fullName: ' Taro ', building: '' })).toEqual({
      fullName: 'Taro',
      countryCode: 'JP',
      zipCode: '100-0001',
      phoneNumber: '03-0000-0000',
    });
  });
});
