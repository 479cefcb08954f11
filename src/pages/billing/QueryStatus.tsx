import { Skeleton, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';

/** What a section shows before or instead of its figures: the error, a placeholder while loading, or "nothing yet". */
export function QueryStatus(props: {
  query: { error: unknown; isPending: boolean; data?: unknown };
  height: number;
  isEmpty: boolean;
  empty: string;
}) {
  const { query } = props;
  return (
    <>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.isPending ? <Skeleton height={props.height} /> : null}
      {query.data && props.isEmpty ? <Text c="dimmed">{props.empty}</Text> : null}
    </>
  );
}
