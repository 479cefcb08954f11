import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Group as SimGroup } from '../../api/resources/groups';
import { groupName } from '../../api/resources/groups';
import { enumLabel, type TFunction } from '../../app/i18n';
import { pathInCoverage } from '../../lib/coveragePath';
import { formatDateTime, formatRelative, isKnownTime, isoTime as iso } from '../../lib/format';
import type { SimRow } from '../../lib/simRow';
import classes from './SimGrid.module.css';

export interface ColumnContext {
  groups: Map<string, SimGroup>;
  t: TFunction;
  locale: string;
  now: number;
}

export interface SimColumn {
  id: string;
  header: (t: TFunction) => string;
  /** Width in pixels. */
  width: number;
  /** Shown until the user chooses otherwise. */
  byDefault: boolean;
  /** What the column sorts by. */
  sortValue: (row: SimRow, ctx: ColumnContext) => string | number;
  /** What the CSV export writes. */
  text: (row: SimRow, ctx: ColumnContext) => string;
  cell: (row: SimRow, ctx: ColumnContext) => ReactNode;
}

// Cells are plain elements styled by class: the table creates thousands of them while scrolling.
const mono = (text: string) => <span className={classes.mono}>{text}</span>;
const plain = (text: string) => <span className={classes.text}>{text}</span>;
const dot = (kind: string) => <span className={classes.dot} data-kind={kind} aria-hidden="true" />;
const groupLabel = (row: SimRow, ctx: ColumnContext) =>
  row.groupId ? (groupName(ctx.groups.get(row.groupId)) ?? row.groupId) : '';
const tagText = (row: SimRow) =>
  Object.entries(row.tags)
    .filter(([name]) => name !== 'name')
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** A link from a row of the view of both coverages opens its page in the row's coverage (switching to it). */
const inRowCoverage = (row: SimRow, path: string) => (row.coverage ? pathInCoverage(path, row.coverage) : path);

/** The SIM's coverage: the first column of the view of both coverages (and of its export), in no other view. */
export const coverageColumn: SimColumn = {
  id: 'coverage',
  header: (t) => t('simTable.coverage.column'),
  width: 170,
  byDefault: false,
  sortValue: (row) => row.coverage ?? '',
  text: (row) => row.coverage ?? '',
  cell: (row, { t }) => (row.coverage ? plain(t(`coverage.names.${row.coverage}`)) : null),
};

/** Every column the SIM table can show, in order. */
export const simColumns: SimColumn[] = [
  {
    id: 'name',
    header: (t) => t('sims.columns.name'),
    width: 220,
    byDefault: true,
    sortValue: (row) => row.name.toLowerCase(),
    text: (row) => row.name,
    cell: (row, { t }) => (
      <Link className={classes.link} to={inRowCoverage(row, `/sims/${encodeURIComponent(row.simId)}`)}>
        {row.name || t('sims.unnamed')}
      </Link>
    ),
  },
  {
    id: 'simId',
    header: (t) => t('sims.columns.simId'),
    width: 190,
    byDefault: true,
    sortValue: (row) => row.simId,
    text: (row) => row.simId,
    cell: (row) => mono(row.simId),
  },
  {
    id: 'imsi',
    header: (t) => t('sims.columns.imsi'),
    width: 170,
    byDefault: true,
    sortValue: (row) => row.imsis[0] ?? '',
    text: (row) => row.imsis.join(' '),
    cell: (row) => mono(row.imsis.join(', ')),
  },
  {
    id: 'msisdn',
    header: (t) => t('sims.columns.msisdn'),
    width: 140,
    byDefault: true,
    sortValue: (row) => row.msisdn,
    text: (row) => row.msisdn,
    cell: (row) => mono(row.msisdn),
  },
  {
    id: 'iccid',
    header: (t) => t('sims.columns.iccid'),
    width: 190,
    byDefault: false,
    sortValue: (row) => row.iccid,
    text: (row) => row.iccid,
    cell: (row) => mono(row.iccid),
  },
  {
    id: 'status',
    header: (t) => t('sims.columns.status'),
    width: 120,
    byDefault: true,
    sortValue: (row) => row.status,
    text: (row) => row.status,
    cell: (row, { t }) =>
      row.status ? (
        <span className={classes.text}>
          {dot(row.status)}
          {enumLabel(t, 'sims.status', row.status)}
        </span>
      ) : null,
  },
  {
    id: 'session',
    header: (t) => t('sims.columns.session'),
    width: 190,
    byDefault: true,
    // Online first when ascending, then by how recently seen.
    sortValue: (row) => (row.online ? 0 : 1) * 1e15 - (row.lastSeen ?? 0),
    text: (row) => (row.online === null ? '' : row.online ? 'online' : 'offline'),
    cell: (row, { t, locale, now }) =>
      row.online === null ? null : (
        <span className={classes.text}>
          {dot(row.online ? 'online' : 'offline')}
          {row.online ? t('sims.online') : t('sims.offline')}
          {isKnownTime(row.lastSeen) ? (
            <span className={classes.dim} title={formatDateTime(row.lastSeen, locale)}>
              {formatRelative(row.lastSeen, locale, now)}
            </span>
          ) : null}
        </span>
      ),
  },
  {
    id: 'lastSeen',
    header: (t) => t('simTable.lastSeen'),
    width: 170,
    byDefault: false,
    sortValue: (row) => row.lastSeen ?? 0,
    text: (row) => iso(row.lastSeen),
    cell: (row, { locale }) => plain(formatDateTime(row.lastSeen, locale)),
  },
  {
    id: 'speedClass',
    header: (t) => t('sims.columns.speedClass'),
    width: 130,
    byDefault: true,
    sortValue: (row) => row.speedClass,
    text: (row) => row.speedClass,
    cell: (row) => plain(row.speedClass),
  },
  {
    id: 'subscription',
    header: (t) => t('sims.columns.subscription'),
    width: 120,
    byDefault: true,
    sortValue: (row) => row.subscription,
    text: (row) => row.subscription,
    cell: (row) => plain(row.subscription),
  },
  {
    id: 'group',
    header: (t) => t('sims.columns.group'),
    width: 170,
    byDefault: true,
    sortValue: (row, ctx) => groupLabel(row, ctx).toLowerCase(),
    text: (row, ctx) => groupLabel(row, ctx),
    cell: (row, ctx) =>
      row.groupId ? (
        <Link className={classes.link} to={inRowCoverage(row, `/groups/${encodeURIComponent(row.groupId)}`)}>
          {groupLabel(row, ctx)}
        </Link>
      ) : null,
  },
  {
    id: 'tags',
    header: (t) => t('sims.tags'),
    width: 220,
    byDefault: true,
    sortValue: (row) => tagText(row),
    text: (row) => tagText(row),
    cell: (row) => (
      <span className={classes.text} title={tagText(row)}>
        {tagText(row)}
      </span>
    ),
  },
  {
    id: 'imeiLock',
    header: (t) => t('sims.columns.imeiLock'),
    width: 170,
    byDefault: false,
    sortValue: (row) => row.imeiLock,
    text: (row) => row.imeiLock,
    cell: (row) => mono(row.imeiLock),
  },
  {
    id: 'expiry',
    header: (t) => t('sims.columns.expiry'),
    width: 190,
    byDefault: false,
    sortValue: (row) => row.expiryTime ?? Number.MAX_SAFE_INTEGER,
    text: (row) => (row.expiryTime === null ? '' : `${iso(row.expiryTime)} ${row.expiryAction}`.trim()),
    cell: (row, { locale }) => plain(row.expiryTime === null ? '' : formatDateTime(row.expiryTime, locale)),
  },
  {
    id: 'terminationProtection',
    header: (t) => t('sims.columns.terminationProtection'),
    width: 150,
    byDefault: false,
    sortValue: (row) => (row.terminationEnabled ? 1 : 0),
    text: (row) => (row.terminationEnabled ? 'off' : 'on'),
    cell: (row, { t }) => plain(row.terminationEnabled ? t('sims.terminationAllowed') : t('sims.protected')),
  },
  {
    id: 'moduleType',
    header: (t) => t('sims.columns.moduleType'),
    width: 120,
    byDefault: false,
    sortValue: (row) => row.moduleType,
    text: (row) => row.moduleType,
    cell: (row) => plain(row.moduleType),
  },
  {
    id: 'created',
    header: (t) => t('sims.columns.created'),
    width: 170,
    byDefault: false,
    sortValue: (row) => row.created ?? 0,
    text: (row) => iso(row.created),
    cell: (row, { locale }) => plain(formatDateTime(row.created, locale)),
  },
];

export const defaultColumnIds = simColumns.filter((c) => c.byDefault).map((c) => c.id);
export const columnById = (id: string) =>
  id === coverageColumn.id ? coverageColumn : simColumns.find((c) => c.id === id);

/** Sorts rows by a column; stable, so equal rows keep the server's order. */
export function sortRows(rows: SimRow[], columnId: string, direction: 'asc' | 'desc', ctx: ColumnContext): SimRow[] {
  const column = columnById(columnId);
  if (!column) return rows;
  const keyed = rows.map((row, index) => ({ row, index, key: column.sortValue(row, ctx) }));
  const sign = direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.key < b.key) return -sign;
    if (a.key > b.key) return sign;
    return a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
