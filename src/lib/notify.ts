import { notifications } from '@mantine/notifications';
import { t } from '../app/i18n';

/** A short confirmation in the corner, with a labelled close button. */
export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': t('common.close') } });
}
