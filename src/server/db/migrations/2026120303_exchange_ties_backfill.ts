/**
 * Supply ties for the contracts concluded before cooperation ties existed: one per (producer, buyer) pair that has
 * no contract tie yet, since its earliest contract, weighted by its contracts, with their product types. Frozen.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const now = new Date().toISOString();
  await sql`
    INSERT INTO cooperation_ties (organization_id, partner_organization_id, kind, source, since, contract_count, note, created_by, created_at, updated_at)
    SELECT c.producer_organization_id, c.buyer_organization_id, 'supply', 'contract', MIN(c.contract_date), COUNT(*), NULL, NULL, ${now}, ${now}
    FROM contracts c
    WHERE NOT EXISTS (
      SELECT 1 FROM cooperation_ties t
      WHERE t.organization_id = c.producer_organization_id AND t.partner_organization_id = c.buyer_organization_id
        AND t.kind = 'supply' AND t.source = 'contract'
    )
    GROUP BY c.producer_organization_id, c.buyer_organization_id`.execute(db);
  await sql`
    INSERT INTO cooperation_tie_products (tie_id, product_type_id)
    SELECT DISTINCT t.id, c.product_type_id
    FROM contracts c
    JOIN cooperation_ties t ON t.organization_id = c.producer_organization_id AND t.partner_organization_id = c.buyer_organization_id
      AND t.kind = 'supply' AND t.source = 'contract'
    WHERE NOT EXISTS (SELECT 1 FROM cooperation_tie_products p WHERE p.tie_id = t.id AND p.product_type_id = c.product_type_id)`.execute(db);
}

export async function down(): Promise<void> {
  // the ties stay: they are indistinguishable from those made by contracts since
}
