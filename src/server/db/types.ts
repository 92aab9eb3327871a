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
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type ProductTypeRow = Selectable<ProductTypesTable>;
export type NewProductType = Insertable<ProductTypesTable>;
export type ProductTypeUpdate = Updateable<ProductTypesTable>;
export type ForeignPartRow = Selectable<ForeignPartsTable>;
export type AnalogLinkRow = Selectable<AnalogLinksTable>;
