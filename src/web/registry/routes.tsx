import type { RouteObject } from 'react-router';
import { ApplyPage } from './ApplyPage';
import { CalculatorPage } from './CalculatorPage';
import { ImportsPage } from './ImportsPage';
import { QueuePage } from './QueuePage';
import { RecordPage } from './RecordPage';
import { RegistryListPage } from './RegistryListPage';
import { RuleSetsPage } from './RuleSetsPage';
import { VerifyPage } from './VerifyPage';

/** The registry's pages, mounted by the shell's route table. */
export const registryRoutes: RouteObject[] = [
  { path: 'registry', element: <RegistryListPage /> },
  { path: 'registry/apply', element: <ApplyPage /> },
  { path: 'registry/queue', element: <QueuePage /> },
  { path: 'registry/verify', element: <VerifyPage /> },
  { path: 'registry/calculator', element: <CalculatorPage /> },
  { path: 'registry/rule-sets', element: <RuleSetsPage /> },
  { path: 'registry/imports', element: <ImportsPage /> },
  { path: 'registry/:id', element: <RecordPage /> },
  { path: 'registry/:id/edit', element: <ApplyPage /> },
];
