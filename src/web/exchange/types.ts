/** Types of the demand exchange API (`/api/demands`, `/api/offers`, `/api/contracts`, `/api/inbox`, webhooks). */
import type { DemandFields as DemandItem, DemandStatus, Visibility } from '../../domain/exchange/demand';
import type { TieGraph as DomainTieGraph, TieRole } from '../../domain/exchange/ties';
import type { ProgrammeInput as ProgrammeFields, ProgrammeState } from '../../domain/exchange/programmes';

export type { DemandStatus, ProgrammeState, TieRole, Visibility };
export type OfferStatus = 'open' | 'accepted' | 'declined' | 'withdrawn' | 'lapsed';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export type OrganizationRef = { id: number; name: string; country: string };

export type Demand = DemandItem & {
  id: number;
  /** null when the buyer's name is hidden from this viewer */
  buyer: (OrganizationRef & { region: string | null }) | null;
  buyerHidden: boolean;
  /** the viewer is a member of the buyer */
  mine: boolean;
  status: DemandStatus;
  offerCount: number;
  bomSource: { analysisId: string; position: number } | null;
  matchedAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** part of the synthetic demo batch (demo mode only) */
  demo?: boolean;
};

export type DemandMatch = {
  organization: OrganizationRef;
  productType: { id: number; designation: string };
  tier: string;
  analogType: string | null;
};

export type DemandDetail = Demand & { matches: DemandMatch[] };

export type DemandFields = {
  partNumber?: string | null;
  description?: string | null;
  categoryCode?: string | null;
  quantityPerYear: number;
  neededBy?: string | null;
  region?: string | null;
  visibility?: Visibility;
};

export type NewDemand = DemandFields & { buyerOrganizationId: number };

export type BomDemands = {
  buyerOrganizationId: number;
  boardsPerYear?: number;
  neededBy?: string | null;
  region?: string | null;
  visibility?: Visibility;
};

export type BomDemandsResult = { created: number; existing: number; demandIds: number[] };

export type Offer = {
  id: number;
  demandId: number;
  producer: OrganizationRef;
  productType: { id: number; designation: string; designationLatin: string | null };
  price: number;
  currency: string;
  leadTimeDays: number;
  volume: number;
  note: string | null;
  status: OfferStatus;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
};

export type NewOffer = {
  productTypeId: number;
  price: number;
  currency: string;
  leadTimeDays: number;
  volume: number;
  note?: string | null;
};

export type Contract = {
  id: number;
  demandId: number;
  offerId: number;
  buyer: OrganizationRef;
  producer: OrganizationRef;
  productType: { id: number; designation: string; designationLatin: string | null };
  volume: number;
  price: number;
  /** in the currency, rounded to its minor unit */
  sum: number;
  currency: string;
  contractDate: string;
  substitution: {
    id: number;
    foreignPartNumber: string | null;
    foreignPartId: number | null;
    itemDescription: string | null;
    productTypeId: number;
  } | null;
  createdAt: string;
};

export type NotificationKind = 'demand.matched' | 'offer.received' | 'offer.accepted' | 'offer.declined' | 'offer.withdrawn' | 'offer.lapsed';

export type DemandSummary = {
  id: number;
  partNumber: string | null;
  description: string | null;
  categoryCode: string | null;
  quantityPerYear: number;
  neededBy: string | null;
  region: string | null;
  visibility: Visibility;
  buyer: { id: number; name: string; country: string } | null;
};

export type InboxNotification = {
  id: number;
  organization: { id: number; name: string };
  kind: NotificationKind | string;
  demandId: number | null;
  offerId: number | null;
  payload: {
    demand?: DemandSummary;
    productTypes?: { id: number; designation: string; tier: string; analogType: string | null }[];
    offer?: Offer;
    contractId?: number;
    reason?: string | null;
  };
  createdAt: string;
  readAt: string | null;
};

export type Inbox = { items: InboxNotification[]; total: number; unread: number; page: number; pageSize: number };

export type Webhook = {
  organizationId: number;
  configured: boolean;
  url: string | null;
  active: boolean;
  secretHint: string | null;
  updatedAt: string | null;
  /** only in the answer that generated it */
  secret?: string;
};

export type WebhookDelivery = {
  id: number;
  event: string;
  notificationId: number;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  body: unknown;
};

// cooperation ties (GET /api/organizations/:id/ties[/graph], GET /api/ties/graph, POST /api/ties, DELETE /api/ties/:id)

export type Tie = {
  id: number;
  organizationId: number;
  partner: OrganizationRef & { region: string | null };
  /** the partner's role for the organization */
  kind: TieRole;
  since: string;
  source: 'contract' | 'manual';
  contractCount: number;
  products: { id: number; designation: string }[];
  note: string | null;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
};

export type NewTie = {
  organizationId: number;
  partnerOrganizationId: number;
  kind: TieRole;
  since?: string;
  productTypeIds?: number[];
  note?: string | null;
};

export type TieGraph = DomainTieGraph & { scope?: { region?: string; country?: string } };

// state-support programmes (GET /api/programmes, /api/programmes/:id, /api/programmes/export)

export type Programme = {
  id: number;
  name: string;
  state: ProgrammeState;
  ownerBody: string;
  yearFrom: number;
  yearTo: number;
  description: string | null;
  organizations: { id: number; name: string; country: string }[];
  products: { id: number; designation: string; makerName: string | null }[];
  demo: boolean;
  createdAt: string;
  updatedAt: string;
};

// currency rates and the public dashboard (GET /api/rates, POST /api/rates, GET /api/dashboard/exchange[/export])

export type Rate = {
  id: number;
  currency: string;
  toCurrency: string;
  /** units of toCurrency for one unit of currency */
  rate: number;
  date: string;
  source: string | null;
  demo: boolean;
  createdAt: string;
};

export type NewRate = { currency: string; toCurrency: string; rate: number; date: string; source?: string | null };

export type DashboardFigures = {
  substitutedTypes: number;
  contracts: number;
  sums: { currency: string; sum: number }[];
  converted: { currency: string; sum: number; contracts: number; notConverted: { currency: string; sum: number; contracts: number }[] };
  cooperatingOrganizations: number;
  demand: { entries: number; quantityPerYear: number };
  demo: { contracts: number; demands: number };
};

export type DashboardGroup = DashboardFigures & { key: string | null };

export type Dashboard = {
  filters: { year: number | null; country: string | null };
  currency: string;
  demoMode: boolean;
  totals: DashboardFigures;
  groups: { country: DashboardGroup[]; region: DashboardGroup[]; category: DashboardGroup[]; year: DashboardGroup[] };
  ratesUsed: { currency: string; toCurrency: string; rate: number; date: string; contracts: number }[];
};

export type ProgrammeInput = ProgrammeFields & { organizationIds?: number[]; productTypeIds?: number[] };
