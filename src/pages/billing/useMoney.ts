import { useEffect, useMemo } from 'react';
import { useTranslation } from '../../app/i18n';
import { formatDay, formatMoney, formatYearMonth, formatZonedDateTime, prepareFormats } from '../../lib/money';

/** The money, month and day formatters of the billing screens, in the UI language. */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  // After the first paint, while the figures are on their way.
  useEffect(() => prepareFormats(locale), [locale]);
  return useMemo(
    () => ({
      locale,
      money: (amount: number | undefined, currency: string | undefined) => formatMoney(amount, currency, locale),
      month: (yyyyMM: string | undefined) => formatYearMonth(yyyyMM, locale),
      shortMonth: (yyyyMM: string | undefined) => formatYearMonth(yyyyMM, locale, 'short'),
      day: (yyyyMMdd: string | undefined) => formatDay(yyyyMMdd, locale),
      dayWithWeekday: (yyyyMMdd: string | undefined) => formatDay(yyyyMMdd, locale, true),
      moment: (ms: number | null | undefined) => formatZonedDateTime(ms, locale),
    }),
    [locale],
  );
}
