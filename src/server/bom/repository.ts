/** SQL for BOM analyses and their lines. */
import type { Kysely } from 'kysely';
import type { BomAnalysesTable, BomLinesTable, Database } from '../db/types';
import { sqliteHandle } from '../db/client';
import { insertSql } from '../db/sql-helpers';

const INSERT_CHUNK = 200;

export class BomRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(analysis: BomAnalysesTable, lines: BomLinesTable[]) {
    const sqlite = sqliteHandle(this.db);
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('bom_analyses').values(analysis).execute();
      if (sqlite && lines.length) {
        // SQLite: one prepared statement run per line inside the same transaction, instead of compiling
        // and preparing a large multi-row statement per chunk
        const columns = Object.keys(lines[0]) as (keyof BomLinesTable)[];
        const statement = sqlite.prepare(insertSql('bom_lines', columns));
        for (const line of lines) statement.run(columns.map((c) => line[c]));
        return;
      }
      for (let i = 0; i < lines.length; i += INSERT_CHUNK)
        await tx
          .insertInto('bom_lines')
          .values(lines.slice(i, i + INSERT_CHUNK))
          .execute();
    });
  }

  /** Replaces the results of a re-run: statuses and candidates of every line plus the new summary. */
  async updateRun(
    id: string,
    analysis: Pick<BomAnalysesTable, 'summary' | 'changes' | 'revision' | 'run_at'>,
    lines: Pick<BomLinesTable, 'position' | 'status' | 'previous_status' | 'best_tier' | 'candidates'>[],
  ) {
    await this.db.transaction().execute(async (tx) => {
      await tx.updateTable('bom_analyses').set(analysis).where('id', '=', id).execute();
      for (const line of lines) {
        await tx
          .updateTable('bom_lines')
          .set({ status: line.status, previous_status: line.previous_status, best_tier: line.best_tier, candidates: line.candidates })
          .where('analysis_id', '=', id)
          .where('position', '=', line.position)
          .execute();
      }
    });
  }

  find(id: string) {
    return this.db.selectFrom('bom_analyses').selectAll().where('id', '=', id).executeTakeFirst();
  }

  lines(id: string) {
    return this.db.selectFrom('bom_lines').selectAll().where('analysis_id', '=', id).orderBy('position').execute();
  }

  listByOwner(ownerId: number, limit: number, offset: number) {
    return this.db
      .selectFrom('bom_analyses')
      .select(['id', 'name', 'source_kind', 'line_count', 'summary', 'revision', 'created_at', 'run_at'])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async countByOwner(ownerId: number): Promise<number> {
    const r = await this.db
      .selectFrom('bom_analyses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async delete(id: string) {
    await this.db.deleteFrom('bom_analyses').where('id', '=', id).execute();
  }
}
