import { describe, expect, it } from 'vitest';
import { addressProblems, normaliseJpZip, prefectureOf, prefectures, shippingAreaOf } from './addresses';

const tokyo = {
  zipCode: '100-0001',
  state: '東京都',
  city: '千代田区',
  addressLine1: '1-2-3',
  fullName: '見本太郎',
  phoneNumber: '03-0000-0000',
};

describe('addresses', () => {
  it('knows the 47 prefectures, by Japanese or Latin name, each in a shipping area', () => {
    expect(prefectures).toHaveLength(47);
    expect(new Set(prefectures.map((p) => p.ja)).size).toBe(47);
    expect(prefectureOf('東京都')?.area).toBe('kanto');
    expect(prefectureOf('tokyo-to')?.ja).toBe('東京都');
    expect(prefectureOf('Osaka Prefecture')?.ja).toBe('大阪府');
    expect(prefectureOf(' Hokkaido ')?.area).toBe('hokkaido');
    expect(prefectureOf('Kyoto-fu')?.area).toBe('kansai');
    expect(prefectureOf('Atlantis')).toBeUndefined();
  });

  it('finds nothing wrong with a complete Japanese or international address', () => {
    expect(addressProblems(tokyo)).toEqual({});
    expect(shippingAreaOf(tokyo)).toBe('kanto');
    const abroad = { ...tokyo, countryCode: 'US', state: 'CA', zipCode: '94105', phoneNumber: '+1 415 000 0000' };
    expect(addressProblems(abroad)).toEqual({});
    expect(shippingAreaOf(abroad)).toBe('overseas');
  });

  it('names the first problem of each field', () => {
    expect(addressProblems({})).toEqual({
      zipCode: 'required',
      state: 'required',
      city: 'required',
      addressLine1: 'required',
      phoneNumber: 'required',
      fullName: 'recipient',
    });
    expect(
      addressProblems({
        ...tokyo,
        zipCode: '1000-001',
        state: 'Nowhere',
        phoneNumber: '12345',
        city: 'x'.repeat(101),
        email: 'a@b',
        countryCode: 'jp',
      }),
    ).toEqual({ countryCode: 'country', city: 'tooLong', email: 'email', phoneNumber: 'phone' });
    expect(addressProblems({ ...tokyo, zipCode: '1000-001' })).toEqual({ zipCode: 'zip' });
    expect(addressProblems({ ...tokyo, state: 'Nowhere' })).toEqual({ state: 'prefecture' });
    expect(addressProblems({ ...tokyo, fullName: '', companyName: 'ACME' })).toEqual({});
    expect(normaliseJpZip('1000001')).toBe('100-0001');
  });
});
