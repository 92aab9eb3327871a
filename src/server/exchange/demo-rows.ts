/**
 * The demo batch: rows the demo loader made are listed in exchange_demo_rows by table and id. Outside demo
 * mode they are left out of lists, graphs and dashboards; in demo mode they are shown marked as demo.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/types';

/** Tables whose rows the demo loader makes, in the order they are removed. */
export const DEMO_TABLES = [
  'cooperation_ties',
  'support_programmes',
  'currency_rates',
  'contracts',
  'offers',
  'demands',
  'product_types',
  'organizations',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

/** Condition: the row `idRef` of `table` belongs to the demo batch. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isDemoRow(eb: ExpressionBuilder<any, any>, table: DemoTable, idRef: string) {
  const e = eb as ExpressionBuilder<Database, never>;
  return e.exists(
    e
      .selectFrom('exchange_demo_rows as demo_row')
      .select('demo_row.row_id')
      .where('demo_row.table_name', '=', table)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .whereRef('demo_row.row_id', '=', idRef as any),
  );
}
