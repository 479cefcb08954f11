/**
 * Shipping addresses, for the console's address book and the sandbox alike: Japan's prefectures with the shipping
 * area each belongs to (the regions Yamato Transport prices by, the `shippingArea` of the description), and the
 * format rules of a Japanese and an international address (the sandbox's choices: server/sandbox/guesses.ts,
 * orders).
 */

export interface Prefecture {
  /** As written on a Japanese address: 東京都. */
  ja: string;
  /** In Latin letters: Tokyo. */
  en: string;
  area: string;
}

export const prefectures: readonly Prefecture[] = [
  { ja: '北海道', en: 'Hokkaido', area: 'hokkaido' },
  { ja: '青森県', en: 'Aomori', area: 'kita_tohoku' },
  { ja: '岩手県', en: 'Iwate', area: 'kita_tohoku' },
  { ja: '宮城県', en: 'Miyagi', area: 'minami_tohoku' },
  { ja: '秋田県', en: 'Akita', area: 'kita_tohoku' },
  { ja: '山形県', en: 'Yamagata', area: 'minami_tohoku' },
  { ja: '福島県', en: 'Fukushima', area: 'minami_tohoku' },
  { ja: '茨城県', en: 'Ibaraki', area: 'kanto' },
  { ja: '栃木県', en: 'Tochigi', area: 'kanto' },
  { ja: '群馬県', en: 'Gunma', area: 'kanto' },
  { ja: '埼玉県', en: 'Saitama', area: 'kanto' },
  { ja: '千葉県', en: 'Chiba', area: 'kanto' },
  { ja: '東京都', en: 'Tokyo', area: 'kanto' },
  { ja: '神奈川県', en: 'Kanagawa', area: 'kanto' },
  { ja: '新潟県', en: 'Niigata', area: 'shinetsu' },
  { ja: '富山県', en: 'Toyama', area: 'hokuriku' },
  { ja: '石川県', en: 'Ishikawa', area: 'hokuriku' },
  { ja: '福井県', en: 'Fukui', area: 'hokuriku' },
  { ja: '山梨県', en: 'Yamanashi', area: 'kanto' },
  { ja: '長野県', en: 'Nagano', area: 'shinetsu' },
  { ja: '岐阜県', en: 'Gifu', area: 'chubu' },
  { ja: '静岡県', en: 'Shizuoka', area: 'chubu' },
  { ja: '愛知県', en: 'Aichi', area: 'chubu' },
  { ja: '三重県', en: 'Mie', area: 'chubu' },
  { ja: '滋賀県', en: 'Shiga', area: 'kansai' },
  { ja: '京都府', en: 'Kyoto', area: 'kansai' },
  { ja: '大阪府', en: 'Osaka', area: 'kansai' },
  { ja: '兵庫県', en: 'Hyogo', area: 'kansai' },
  { ja: '奈良県', en: 'Nara', area: 'kansai' },
  { ja: '和歌山県', en: 'Wakayama', area: 'kansai' },
  { ja: '鳥取県', en: 'Tottori', area: 'chugoku' },
  { ja: '島根県', en: 'Shimane', area: 'chugoku' },
  { ja: '岡山県', en: 'Okayama', area: 'chugoku' },
  { ja: '広島県', en: 'Hiroshima', area: 'chugoku' },
  { ja: '山口県', en: 'Yamaguchi', area: 'chugoku' },
  { ja: '徳島県', en: 'Tokushima', area: 'shikoku' },
  { ja: '香川県', en: 'Kagawa', area: 'shikoku' },
  { ja: '愛媛県', en: 'Ehime', area: 'shikoku' },
  { ja: '高知県', en: 'Kochi', area: 'shikoku' },
  { ja: '福岡県', en: 'Fukuoka', area: 'kyushu' },
  { ja: '佐賀県', en: 'Saga', area: 'kyushu' },
  { ja: '長崎県', en: 'Nagasaki', area: 'kyushu' },
  { ja: '熊本県', en: 'Kumamoto', area: 'kyushu' },
  { ja: '大分県', en: 'Oita', area: 'kyushu' },
  { ja: '宮崎県', en: 'Miyazaki', area: 'kyushu' },
  { ja: '鹿児島県', en: 'Kagoshima', area: 'kyushu' },
  { ja: '沖縄県', en: 'Okinawa', area: 'okinawa' },
];

/** The area of everything shipped outside Japan. */
export const overseasArea = 'overseas';

/** The prefecture a `state` names, in Japanese (東京都) or Latin letters (Tokyo, tokyo-to, Tokyo-fu), or undefined. */
export function prefectureOf(state: string): Prefecture | undefined {
  const s = state.trim();
  const latin = s
    .toLowerCase()
    .replace(/[-\s](to|fu|ken|do)$/, '')
    .replace(/\s+prefecture$/, '');
  return prefectures.find((p) => p.ja === s || p.en.toLowerCase() === latin);
}

export const addressRules = {
  /** A Japanese postal code, with or without its hyphen. */
  jpZip: /^\d{3}-?\d{4}$/,
  /** Elsewhere: 2 to 12 letters, digits, spaces or hyphens. */
  zip: /^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$/,
  /** 6 to 20 of digits, spaces and + - ( ), with at least 6 digits. */
  phone: /^(?=(?:\D*\d){6})[0-9+\-() ]{6,20}$/,
  countryCode: /^[A-Z]{2}$/,
  fieldLength: 100,
} as const;

/** `1000001` → `100-0001`. */
export const normaliseJpZip = (zip: string) => {
  const digits = zip.replace('-', '');
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
};

export type AddressField =
  | 'countryCode'
  | 'zipCode'
  | 'state'
  | 'city'
  | 'addressLine1'
  | 'addressLine2'
  | 'building'
  | 'companyName'
  | 'department'
  | 'fullName'
  | 'phoneNumber'
  | 'email';

export type AddressProblem =
  | 'required'
  | 'tooLong'
  | 'zip'
  | 'prefecture'
  | 'phone'
  | 'country'
  | 'recipient'
  | 'email';

export type AddressInput = Partial<Record<AddressField, string | undefined>>;

/** An address's text fields, in the order a Japanese address is written (postal code first). */
export const addressTextFields: readonly AddressField[] = [
  'zipCode',
  'state',
  'city',
  'addressLine1',
  'addressLine2',
  'building',
  'companyName',
  'department',
  'fullName',
  'phoneNumber',
  'email',
];

/**
 * What is wrong with an address, field by field (the first problem of each); empty when it is fine. The console shows
 * these next to the fields; the sandbox answers the first with 400.
 */
export function addressProblems(input: AddressInput): Partial<Record<AddressField, AddressProblem>> {
  const problems: Partial<Record<AddressField, AddressProblem>> = {};
  const value = (field: AddressField) => (input[field] ?? '').trim();
  const country = value('countryCode') || 'JP';
  if (!addressRules.countryCode.test(country)) problems.countryCode = 'country';
  for (const field of addressTextFields) {
    if (value(field).length > addressRules.fieldLength) problems[field] = 'tooLong';
  }
  const need = (field: AddressField) => {
    if (!problems[field] && value(field) === '') problems[field] = 'required';
  };
  need('zipCode');
  need('state');
  need('city');
  need('addressLine1');
  need('phoneNumber');
  if (!problems.zipCode) {
    const ok = country === 'JP' ? addressRules.jpZip.test(value('zipCode')) : addressRules.zip.test(value('zipCode'));
    if (!ok) problems.zipCode = 'zip';
  }
  if (!problems.state && country === 'JP' && !prefectureOf(value('state'))) problems.state = 'prefecture';
  if (!problems.phoneNumber && !addressRules.phone.test(value('phoneNumber'))) problems.phoneNumber = 'phone';
  if (!problems.fullName && !problems.companyName && value('fullName') === '' && value('companyName') === '') {
    problems.fullName = 'recipient';
  }
  if (!problems.email && value('email') !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('email'))) {
    problems.email = 'email';
  }
  return problems;
}

/** The shipping area of a valid address. */
export const shippingAreaOf = (input: AddressInput): string =>
  (input.countryCode?.trim() || 'JP') === 'JP' ? (prefectureOf(input.state ?? '')?.area ?? overseasArea) : overseasArea;
