import { enumLabel as i18nEnumLabel, type TFunction } from '../../app/i18n';

/** A SORACOM enum value in words, or as it is when the catalogue does not know it (new values stay visible). */
export const enumLabel = (t: TFunction, group: string, value: string | undefined): string =>
  value ? i18nEnumLabel(t, `billing.${group}`, value) : '';

/** Payment states that are a problem the operator should look at. */
export const failedPayment = new Set(['fail', 'refund_fail', 'cancel_failed']);
