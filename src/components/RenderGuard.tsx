import { Alert, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from '../app/i18n';

interface Props {
  children: ReactNode;
  /** `card`: a panel of a page says it could not be shown; `cell`: a table cell shows only "—". */
  kind?: 'card' | 'cell';
}

/**
 * Keeps a render error in its card or cell: a value the console did not expect spoils that part, while the rest of
 * the page (and the route's error page) stays as it is. Formatters already show unknown values as "—"; this is the
 * net under whatever else an answer the description allows could still trip.
 */
export class RenderGuard extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept visible to whoever debugs: React reports caught errors too, this names the part.
    console.error('A part of the page could not be shown', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return this.props.kind === 'cell' ? <CellFallback error={error} /> : <CardFallback error={error} />;
  }
}

function CellFallback({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="dimmed" title={`${t('partError.cell')}: ${error.message}`}>
      —
    </Text>
  );
}

function CardFallback({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('partError.title')}>
      <Text size="sm">{t('partError.body', { message: error.message })}</Text>
    </Alert>
  );
}
