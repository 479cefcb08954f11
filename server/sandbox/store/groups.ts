import type { components } from '../../../src/api/schema';
import type { Db } from '../db';

export type Group = components['schemas']['Group'];
/** A group's configuration as stored: namespace → its settings, any JSON values. */
export type GroupConfiguration = Record<string, Record<string, unknown>>;

interface GroupRow {
  group_id: string;
  operator_id: string;
  tags: string;
  configuration: string;
  created_time: number;
  last_modified_time: number;
}

const toGroup = (row: GroupRow): Group => ({
  groupId: row.group_id,
  operatorId: row.operator_id,
  tags: JSON.parse(row.tags) as Record<string, string>,
  configuration: JSON.parse(row.configuration) as Record<string, Record<string, never>>,
  createdTime: row.created_time,
  lastModifiedTime: row.last_modified_time,
});

export interface TagFilter {
  name: string;
  value: string;
  mode: 'exact' | 'prefix';
}

export function groupStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO groups (group_id, operator_id, tags, configuration, created_time, last_modified_time)
     VALUES (@groupId, @operatorId, @tags, @configuration, @now, @now)`,
  );
  const page = db.prepare<
    [
      {
        operatorId: string;
        after: string;
        name: string | null;
        value: string | null;
        mode: string | null;
        limit: number;
      },
    ],
    GroupRow
  >(
    `SELECT * FROM groups WHERE operator_id = @operatorId AND group_id > @after
       AND (@name IS NULL OR EXISTS (SELECT 1 FROM json_each(groups.tags) t WHERE t.key = @name
         AND (CASE WHEN @mode = 'prefix' THEN substr(t.value, 1, length(@value)) = @value ELSE t.value = @value END)))
     ORDER BY group_id LIMIT @limit`,
  );
  const get = db.prepare<[string, string], GroupRow>('SELECT * FROM groups WHERE operator_id = ? AND group_id = ?');
  const update = db.prepare(
    `UPDATE groups SET tags = @tags, configuration = @configuration, last_modified_time = @lastModifiedTime
     WHERE operator_id = @operatorId AND group_id = @groupId`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM groups WHERE operator_id = ? AND group_id = ?');

  return {
    create(group: { groupId: string; operatorId: string; tags: object; configuration: object }, now: number): Group {
      insert.run({
        groupId: group.groupId,
        operatorId: group.operatorId,
        tags: JSON.stringify(group.tags),
        configuration: JSON.stringify(group.configuration),
        now,
      });
      return toGroup(get.get(group.operatorId, group.groupId) as GroupRow);
    },
    get(operatorId: string, groupId: string): Group | undefined {
      const row = get.get(operatorId, groupId);
      return row ? toGroup(row) : undefined;
    },
    /**
     * Changes a group's tags and configuration in place and stamps `lastModifiedTime` with max(now, previous + 1)
     * (guesses.groupConfiguration); undefined when the operator has no such group. A `change` that
     * throws changes nothing.
     */
    modify(
      operatorId: string,
      groupId: string,
      change: (group: { tags: Record<string, string>; configuration: GroupConfiguration }) => void,
      now: number,
    ): Group | undefined {
      return db.transaction(() => {
        const row = get.get(operatorId, groupId);
        if (!row) return undefined;
        const group = toGroup(row);
        const editable = { tags: group.tags ?? {}, configuration: (group.configuration ?? {}) as GroupConfiguration };
        change(editable);
        const lastModifiedTime = Math.max(now, row.last_modified_time + 1);
        update.run({
          operatorId,
          groupId,
          tags: JSON.stringify(editable.tags),
          configuration: JSON.stringify(editable.configuration),
          lastModifiedTime,
        });
        return {
          ...group,
          tags: editable.tags,
          configuration: editable.configuration as Group['configuration'],
          lastModifiedTime,
        };
      })();
    },
    /** Deletes a group; false when the operator has no such group. (Its SIMs are the caller's business.) */
    remove(operatorId: string, groupId: string): boolean {
      return remove.run(operatorId, groupId).changes > 0;
    },
    page(operatorId: string, after: string, limit: number, tag?: TagFilter) {
      const rows = page.all({
        operatorId,
        after,
        name: tag?.name ?? null,
        value: tag?.value ?? null,
        mode: tag?.mode ?? null,
        limit: limit + 1,
      });
      return {
        items: rows.slice(0, limit).map(toGroup),
        nextKey: rows.length > limit ? (rows[limit - 1]?.group_id ?? null) : null,
      };
    },
  };
}
export type GroupStore = ReturnType<typeof groupStore>;
