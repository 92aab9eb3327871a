import type { RouteObject } from 'react-router';
import { ContractListPage, ContractPage } from './ContractPages';
import { CooperationScopePage, OrganizationCooperationPage } from './CooperationPages';
import { DashboardPage } from './DashboardPage';
import { DemandFormPage } from './DemandFormPage';
import { DemandListPage } from './DemandListPage';
import { DemandPage } from './DemandPage';
import { InboxPage } from './InboxPage';
import { ProgrammesPage } from './ProgrammesPage';
import { RatesPage } from './RatesPage';
import { WebhookPage } from './WebhookPage';

/** The demand exchange's pages, mounted by the shell's route table. */
export const exchangeRoutes: RouteObject[] = [
  { path: 'exchange', element: <DemandListPage /> },
  { path: 'exchange/demands/new', element: <DemandFormPage /> },
  { path: 'exchange/demands/:id', element: <DemandPage /> },
  { path: 'exchange/demands/:id/edit', element: <DemandFormPage /> },
  { path: 'exchange/inbox', element: <InboxPage /> },
  { path: 'exchange/contracts', element: <ContractListPage /> },
  { path: 'exchange/contracts/:id', element: <ContractPage /> },
  { path: 'exchange/webhooks', element: <WebhookPage /> },
  { path: 'exchange/cooperation', element: <CooperationScopePage /> },
  { path: 'exchange/cooperation/:id', element: <OrganizationCooperationPage /> },
  { path: 'exchange/programmes', element: <ProgrammesPage /> },
  { path: 'exchange/dashboard', element: <DashboardPage /> },
  { path: 'exchange/rates', element: <RatesPage /> },
];
