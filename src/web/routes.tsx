import type { RouteObject } from 'react-router';
import { AuditPage } from './audit/AuditPage';
import { AccountPage } from './auth/AccountPage';
import { LoginPage } from './auth/LoginPage';
import { BomAnalysisPage } from './bom/BomAnalysisPage';
import { BomUploadPage } from './bom/BomUploadPage';
import { ForeignPartListPage } from './catalogue/ForeignPartListPage';
import { ForeignPartPage } from './catalogue/ForeignPartPage';
import { ProductListPage } from './catalogue/ProductListPage';
import { ProductPage } from './catalogue/ProductPage';
import { HomePage } from './home/HomePage';
import { OrganizationListPage } from './organizations/OrganizationListPage';
import { OrganizationPage } from './organizations/OrganizationPage';
import { exchangeRoutes } from './exchange/routes';
import { registryRoutes } from './registry/routes';
import { SearchPage } from './search/SearchPage';
import { Layout } from './shell/Layout';
import { NotFoundPage } from './shell/NotFoundPage';
import { RouteError } from './shell/RouteError';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'products', element: <ProductListPage /> },
          { path: 'products/:id', element: <ProductPage /> },
          { path: 'foreign-parts', element: <ForeignPartListPage /> },
          { path: 'foreign-parts/:id', element: <ForeignPartPage /> },
          { path: 'organizations', element: <OrganizationListPage /> },
          { path: 'organizations/:id', element: <OrganizationPage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'bom', element: <BomUploadPage /> },
          { path: 'bom/:id', element: <BomAnalysisPage /> },
          ...registryRoutes,
          ...exchangeRoutes,
          { path: 'login', element: <LoginPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'admin/audit', element: <AuditPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
