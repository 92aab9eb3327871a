/**
 * Table types for Kysely. Both databases store the same shapes: ids are integers, timestamps are
 * ISO-8601 UTC text, booleans are 0/1 integers and lists are JSON text, so that one query runs on both.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
type Flag = number; // 0 | 1

export interface OrganizationsTable {
  id: Id;
  name: string;
  short_name: string | null;
  country: string; // ISO 3166-1 alpha-2 (BY, RU, …)
  region: string | null; // ISO 3166-2 (BY-MI, RU-MOW, …)
  unp: string | null;
  inn: string | null;
  ogrn: string | null;
  website: string | null;
  description: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'operator' | 'user';
  operator_country: string | null;
  disabled: Flag;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  user_id: number;
  organization_id: number;
  role: 'member' | 'manager';
  created_at: string;
}

export interface SessionsTable {
  id: Id;
  token_hash: string;
  csrf_token: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  scope: 'read' | 'write';
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface CategoriesTable {
  id: Id;
  code: string;
  parent_id: number | null;
  name_ru: string;
  name_be: string;
  name_en: string;
}

export interface ProductTypesTable {
  id: Id;
  organization_id: number | null;
  designation: string;
  designation_latin: string;
  designation_key: string;
  designation_latin_key: string;
  designation_base_key: string | null;
  designation_family_key: string | null;
  search_stems: string | null;
  category_id: number | null;
  function_ru: string | null;
  function_en: string | null;
  function_derived: Flag;
  packages: string; // JSON string[]
  quality_level: 'commercial' | 'industrial' | 'otk' | 'military' | null;
  standards: string; // JSON string[]
  okpd2: string | null;
  tnved: string | null;
  status: 'in_production' | 'development' | 'discontinued' | null;
  description: string | null;
  source: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProductParametersTable {
  id: Id;
  product_type_id: number;
  name: string;
  min: number | null;
  typ: number | null;
  max: number | null;
  unit: string | null;
  text: string | null;
}

export interface ForeignPartsTable {
  id: Id;
  part_number: string;
  part_number_key: string;
  manufacturer: string | null;
  manufacturer_key: string;
  base_key: string | null;
  family_key: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface AnalogLinksTable {
  id: Id;
  product_type_id: number;
  foreign_part_id: number;
  type: 'full' | 'functional' | 'partial';
  source: string | null;
  note: string | null;
  verified: Flag;
  verified_by: number | null;
  verified_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface BomAnalysesTable {
  id: string;
  owner_id: number | null;
  name: string;
  source_kind: 'csv' | 'xlsx' | 'text' | 'json';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  header_row: number;
  headers: string; // JSON string[]
  mapping: string; // JSON ColumnMapping['columns']
  summary: string; // JSON BomSummary
  changes: string | null; // JSON changes since the previous run
  skipped: string; // JSON rows skipped with reasons
  line_count: number;
  revision: number;
  created_at: string;
  run_at: string;
}

export interface BomLinesTable {
  analysis_id: string;
  position: number;
  source_line: number;
  cells: string; // JSON string[]
  part_number: string | null;
  value: string | null;
  manufacturer: string | null;
  designators: string; // JSON string[]
  quantity: number | null;
  dnp: Flag;
  generic: string | null; // JSON
  warnings: string; // JSON string[]
  status: string;
  previous_status: string | null;
  best_tier: string | null;
  candidates: string; // JSON
}

export interface SettingsTable {
  key: string;
  value: ColumnType<string, string, string>;
}

export interface RuleSetsTable {
  id: Id;
  code: string;
  version: number;
  title_ru: string;
  title_en: string;
  country: string; // RU | BY | UNION
  kind: string; // operation_levels | points | recognition | union_state
  status: 'in_force' | 'draft';
  effective_from: string; // YYYY-MM-DD
  effective_to: string | null;
  source: string;
  definition: string; // JSON RuleSetDefinition
  created_by: number | null;
  created_at: string;
}

export type RegistryState = 'draft' | 'submitted' | 'returned' | 'rejected' | 'included';

export interface RegistryRecordsTable {
  id: Id;
  origin: 'reestr' | 'gisp';
  country: string;
  number: string | null;
  number_key: string | null;
  primary_number: string | null;
  organization_id: number | null;
  maker_name: string;
  maker_inn: string | null;
  maker_ogrn: string | null;
  maker_address: string | null;
  production_address: string | null;
  product_name: string;
  product_name_key: string; // lower-cased product name, for substring lookups by designation
  okpd2: string | null;
  tnved: ColumnType<string, string | undefined, string>; // JSON string[]
  regulations: string | null;
  ektru: string | null;
  rule_set_id: number | null;
  level: number | null;
  points: number | null;
  percentage: number | null;
  score_desc: string | null;
  is_electronic: Flag | null;
  is_ai: Flag | null;
  evaluation: string | null; // JSON Evaluation
  maker_tax_resident_eaeu: Flag | null;
  design_rights_years: number | null;
  uses_foreign_solutions: Flag | null;
  doc_name: string | null;
  doc_date: string | null;
  doc_number: string | null;
  doc_valid_till: string | null;
  department: string | null;
  conclusion_number: string | null;
  state: RegistryState;
  valid_from: string | null;
  valid_till: string | null;
  end_date: string | null;
  suspended: ColumnType<Flag, Flag | undefined, Flag>;
  remarks: string | null;
  source_hash: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface RegistryRecordProductsTable {
  record_id: number;
  product_type_id: number;
}

export interface RegistryOperationsTable {
  id: Id;
  record_id: number;
  position: number;
  code: string;
  country: string;
  organization_id: number | null;
  organization_name: string | null;
  note: string | null;
}

export interface RegistryContentSharesTable {
  record_id: number;
  country: string;
  percent: number;
}

export interface RegistryDocumentsTable {
  id: Id;
  record_id: number;
  kind: string; // act | conclusion | st1 | certificate | other
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface RegistryPeriodsTable {
  id: Id;
  record_id: number;
  valid_from: string;
  valid_till: string | null;
  doc_date: string | null;
  details: string | null; // JSON
}

export interface RegistrySuspensionsTable {
  id: Id;
  record_id: number;
  from_date: string;
  till_date: string | null;
}

export interface RegistryEventsTable {
  id: Id;
  record_id: number;
  kind: string;
  actor_id: number | null;
  actor_name: string;
  at: string;
  effective_date: string | null;
  remarks: string | null;
  payload: string; // JSON
}

export interface RegistryLogTable {
  seq: number;
  event_id: number;
  record_id: number;
  entry: string; // canonical JSON
  leaf_hash: string; // hex
  at: string;
}

export interface RegistryLogCheckpointsTable {
  tree_size: number;
  root_hash: string;
  frontier: string; // JSON string[]
  signed_at: string;
  key_id: string;
  signature: string;
}

export interface RegistryImportsTable {
  id: Id;
  source: string;
  file_name: string;
  sha256: string;
  rows: number;
  summary: string; // JSON
  started_by: number | null;
  started_at: string;
  finished_at: string;
}

export interface DemandsTable {
  id: Id;
  buyer_organization_id: number;
  created_by: number | null;
  part_number: string | null;
  part_number_key: string | null;
  description: string | null;
  category_code: string | null;
  quantity_per_year: number;
  needed_by: string | null;
  region: string | null;
  visibility: 'public' | 'registered' | 'anonymous';
  status: 'open' | 'closed';
  bom_analysis_id: string | null;
  bom_position: number | null;
  matched_at: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface DemandMatchesTable {
  demand_id: number;
  product_type_id: number;
  organization_id: number;
  tier: string;
  analog_type: string; // full | functional | partial | self
  foreign_part_id: number | null;
  created_at: string;
}

export interface NotificationsTable {
  id: Id;
  organization_id: number;
  kind: string; // demand.matched | offer.received | offer.accepted | offer.declined | offer.withdrawn
  demand_id: number | null;
  offer_id: number | null;
  dedupe_key: string;
  payload: string; // JSON
  created_at: string;
  read_at: string | null;
  read_by: number | null;
}

export interface WebhooksTable {
  organization_id: number;
  url: string;
  secret: string;
  active: Flag;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: Id;
  organization_id: number;
  notification_id: number | null;
  event: string;
  url: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface OffersTable {
  id: Id;
  demand_id: number;
  organization_id: number;
  product_type_id: number;
  price: number;
  currency: string;
  lead_time_days: number;
  volume: number;
  note: string | null;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn' | 'lapsed';
  created_by: number | null;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ContractsTable {
  id: Id;
  demand_id: number;
  offer_id: number;
  buyer_organization_id: number;
  producer_organization_id: number;
  product_type_id: number;
  volume: number;
  price: number;
  sum: number;
  currency: string;
  contract_date: string;
  created_by: number | null;
  created_at: string;
}

export interface SubstitutionsTable {
  id: Id;
  contract_id: number;
  foreign_part_number: string | null;
  foreign_part_key: string | null;
  foreign_part_id: number | null;
  item_description: string | null;
  product_type_id: number;
  buyer_organization_id: number;
  producer_organization_id: number;
  created_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
}

export interface AuditEventsTable {
  id: Id;
  at: string;
  actor_user_id: number | null;
  actor_email: string | null;
  actor_role: string | null;
  actor_country: string | null;
  via: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  url: string | null;
  status_code: number | null;
  request: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface CooperationTiesTable {
  id: Id;
  /** supply: the supplier; co_development: the lower id of the two. */
  organization_id: number;
  /** supply: the customer; co_development: the higher id. */
  partner_organization_id: number;
  kind: 'supply' | 'co_development';
  source: 'contract' | 'manual';
  since: string; // YYYY-MM-DD
  contract_count: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CooperationTieProductsTable {
  tie_id: number;
  product_type_id: number;
}

export interface SupportProgrammesTable {
  id: Id;
  name: string;
  state: 'BY' | 'RU' | 'UNION';
  owner_body: string;
  year_from: number;
  year_to: number;
  description: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SupportProgrammeOrganizationsTable {
  programme_id: number;
  organization_id: number;
}

export interface SupportProgrammeProductsTable {
  programme_id: number;
  product_type_id: number;
}

export interface CurrencyRatesTable {
  id: Id;
  currency: string;
  to_currency: string;
  rate: number;
  rate_date: string; // YYYY-MM-DD
  source: string | null;
  created_by: number | null;
  created_at: string;
}

export interface ExchangeDemoRowsTable {
  table_name: string;
  row_id: number;
  created_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  categories: CategoriesTable;
  product_types: ProductTypesTable;
  product_parameters: ProductParametersTable;
  foreign_parts: ForeignPartsTable;
  analog_links: AnalogLinksTable;
  settings: SettingsTable;
  bom_analyses: BomAnalysesTable;
  bom_lines: BomLinesTable;
  rule_sets: RuleSetsTable;
  registry_records: RegistryRecordsTable;
  registry_record_products: RegistryRecordProductsTable;
  registry_operations: RegistryOperationsTable;
  registry_content_shares: RegistryContentSharesTable;
  registry_documents: RegistryDocumentsTable;
  registry_periods: RegistryPeriodsTable;
  registry_suspensions: RegistrySuspensionsTable;
  registry_events: RegistryEventsTable;
  registry_log: RegistryLogTable;
  registry_log_checkpoints: RegistryLogCheckpointsTable;
  registry_imports: RegistryImportsTable;
  demands: DemandsTable;
  demand_matches: DemandMatchesTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  offers: OffersTable;
  contracts: ContractsTable;
  substitutions: SubstitutionsTable;
  cooperation_ties: CooperationTiesTable;
  cooperation_tie_products: CooperationTieProductsTable;
  support_programmes: SupportProgrammesTable;
  support_programme_organizations: SupportProgrammeOrganizationsTable;
  support_programme_products: SupportProgrammeProductsTable;
  currency_rates: CurrencyRatesTable;
  exchange_demo_rows: ExchangeDemoRowsTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type ProductTypeRow = Selectable<ProductTypesTable>;
export type NewProductType = Insertable<ProductTypesTable>;
export type ProductTypeUpdate = Updateable<ProductTypesTable>;
export type ForeignPartRow = Selectable<ForeignPartsTable>;
export type AnalogLinkRow = Selectable<AnalogLinksTable>;
export type RuleSetRow = Selectable<RuleSetsTable>;
export type RegistryRecordRow = Selectable<RegistryRecordsTable>;
export type NewRegistryRecord = Insertable<RegistryRecordsTable>;
export type RegistryEventRow = Selectable<RegistryEventsTable>;
