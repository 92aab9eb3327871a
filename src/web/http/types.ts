/** Types of the public HTTP API (see the API contract). */

export type Paginated<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
};

export type SortOrder = 'asc' | 'desc';

export type ApiConfig = { demo: boolean; version: string };

export type Stats = {
  productTypes: number;
  foreignParts: number;
  analogLinks: number;
  organizations: number;
};

export type Role = 'admin' | 'operator' | 'user';

export type Membership = {
  organizationId: number;
  organizationName: string;
  role: 'member' | 'manager';
};

export type User = {
  id: number;
  email: string;
  name: string;
  role: Role;
  operatorCountry: string | null;
  memberships: Membership[];
};

export type Session = { user: User | null; csrfToken: string | null };

export type TokenScope = 'read' | 'write';

export type ApiToken = {
  id: number;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

export type CreatedToken = { token: string; item: ApiToken };

/** Anything that carries a name in the three interface languages. */
export type LocalizedNames = { nameRu: string; nameBe: string | null; nameEn: string | null };

export type Category = LocalizedNames & {
  id: number;
  code: string;
  parentId: number | null;
  productCount: number;
};

export type CategoryRef = LocalizedNames & { id: number; code: string };

export type MakerRef = { id: number; name: string; country: string | null };

export type ProductStatus = 'in_production' | 'development' | 'discontinued';
export type QualityLevel = 'commercial' | 'industrial' | 'otk' | 'military';
export type AnalogType = 'full' | 'functional' | 'partial';

export type ProductTypeSummary = {
  id: number;
  designation: string;
  designationLatin: string | null;
  category: CategoryRef | null;
  functionRu: string | null;
  functionEn: string | null;
  functionDerived: boolean;
  status: string | null;
  qualityLevel: string | null;
  maker: MakerRef | null;
  analogCount: number;
  updatedAt: string;
};

export type Parameter = {
  name: string;
  min: number | null;
  typ: number | null;
  max: number | null;
  unit: string | null;
  text: string | null;
};

type AnalogLinkBase = {
  id: number;
  type: AnalogType;
  verified: boolean;
  verifiedAt: string | null;
  source: string | null;
  note: string | null;
};

export type ForeignPartRef = { id: number; partNumber: string; manufacturer: string | null };

export type ProductAnalog = AnalogLinkBase & { foreignPart: ForeignPartRef };

export type ProductType = ProductTypeSummary & {
  designationKey: string;
  packages: string[];
  standards: string[];
  okpd2: string | null;
  tnved: string | null;
  description: string | null;
  source: string | null;
  parameters: Parameter[];
  analogs: ProductAnalog[];
  createdAt: string;
};

export type ForeignPartSummary = {
  id: number;
  partNumber: string;
  manufacturer: string | null;
  description: string | null;
  analogCount: number;
};

export type DomesticAnalog = AnalogLinkBase & {
  productType: {
    id: number;
    designation: string;
    designationLatin: string | null;
    category: CategoryRef | null;
    maker: MakerRef | null;
  };
};

export type ForeignPart = {
  id: number;
  partNumber: string;
  partNumberKey: string;
  manufacturer: string | null;
  description: string | null;
  analogs: DomesticAnalog[];
};

export type OrganizationSummary = {
  id: number;
  name: string;
  shortName: string | null;
  country: string | null;
  region: string | null;
  unp: string | null;
  inn: string | null;
  ogrn: string | null;
  website: string | null;
  productCount: number;
};

export type Organization = OrganizationSummary & { description: string | null };

/** Error body the server sends with every non-2xx answer. */
export type ApiErrorBody = { error: string; message: string };

/** How a search hit was found, strongest first. Anything but `exact` is a candidate to check. */
export type SearchTier = 'exact' | 'normalised' | 'base' | 'family' | 'prefix' | 'fuzzy' | 'fulltext' | 'parametric';

export type SearchNoteCode =
  'logic_family' | 'temperature_range' | 'suffix_stripped' | 'variant' | 'similar' | 'text_match' | 'parameter_match' | 'latin_form' | 'lookalike_letters';

/** Why a hit differs from the query; `params` fill the localized text. */
export type SearchNote = { code: SearchNoteCode; params: Record<string, string> };

export type SearchKind = 'all' | 'productTypes' | 'foreignParts' | 'organizations';

export type ParamOperator = '>=' | '<=' | '=' | '>' | '<';

export type ParsedParamCondition = { name: string; op: ParamOperator; value: number; unit: string };

type SearchHit = { tier: SearchTier; score: number; notes: SearchNote[] };

/** Registry status of a product type today (the best of its records) with the record's registry number. */
export type RegistryRef = {
  status: 'active' | 'suspended' | 'expired' | 'excluded' | 'not_in_registry';
  number: string | null;
  recordId: number | null;
  country: string | null;
  validTill: string | null;
};

export type ProductTypeHit = ProductTypeSummary & SearchHit & { packages: string[]; registry?: RegistryRef };

export type SearchAnalog = {
  id: number;
  type: AnalogType;
  verified: boolean;
  productType: {
    id: number;
    designation: string;
    designationLatin: string | null;
    maker: MakerRef | null;
    category: CategoryRef | null;
    registry?: RegistryRef;
  };
};

export type ForeignPartHit = SearchHit & {
  id: number;
  partNumber: string;
  manufacturer: string | null;
  description: string | null;
  /** How many analogs the part has; `analogs` holds the best few of them. */
  analogCount?: number;
  analogs: SearchAnalog[];
};

export type OrganizationHit = {
  id: number;
  name: string;
  shortName: string | null;
  country: string;
  region: string | null;
  tier: SearchTier;
  score: number;
  /** Not in the contract for organizations; tolerated if the server sends them. */
  notes?: SearchNote[];
};

type FacetCount<V> = { value: V; count: number };

export type SearchFacets = {
  category: (FacetCount<string> & LocalizedNames)[];
  country: FacetCount<string>[];
  maker: (FacetCount<number> & { label: string })[];
  package: FacetCount<string>[];
  qualityLevel: FacetCount<string>[];
  registryStatus?: FacetCount<string>[];
};

export type SearchResponse = {
  query: { text: string; params: ParsedParamCondition[] };
  productTypes: { total: number; items: ProductTypeHit[] };
  foreignParts: { total: number; items: ForeignPartHit[] };
  organizations: { total: number; items: OrganizationHit[] };
  facets: SearchFacets;
  tookMs: number;
};

export type SuggestionKind = 'productType' | 'foreignPart' | 'organization';

export type Suggestion = { kind: SuggestionKind; id: number; label: string; sublabel: string | null; tier: SearchTier };
