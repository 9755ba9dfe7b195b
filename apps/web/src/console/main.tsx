import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { StatsPage } from '../features/stats/StatsPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CaseQueuePage } from '../features/cases/CaseQueuePage.tsx';
import { CaseRegisterPage } from '../features/cases/CaseRegisterPage.tsx';
import { InstitutionsPage } from '../features/institutions/InstitutionsPage.tsx';
import { OutboxPage } from '../features/outbox/OutboxPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppProviders } from '../shared/AppProviders.tsx';
import { AccountPage } from './AccountPage.tsx';
import { ConsoleHome } from './ConsoleHome.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { LoginPage } from './LoginPage.tsx';
import { NotFoundPage } from '../shared/NotFoundPage.tsx';

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <ConsoleHome /> },
        { path: 'cases', element: <CaseQueuePage /> },
        { path: 'cases/new', element: <CaseRegisterPage /> },
        { path: 'cases/:id', element: <CasePage /> },
        { path: 'stats', element: <StatsPage /> },
        { path: 'stats/returns', element: <StatsPage tab="returns" /> },
        { path: 'institutions', element: <InstitutionsPage /> },
        { path: 'institutions/:id', element: <InstitutionsPage /> },
        { path: 'users', element: <UsersPage /> },
        { path: 'users/:id', element: <UsersPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'outbox', element: <OutboxPage /> },
        { path: 'account', element: <AccountPage /> },
        { path: 'home', element: <Navigate to="/" replace /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/console' },
);

createRoot(document.getElementById('root')!).render(
  <AppProviders>
    <RouterProvider router={router} />
  </AppProviders>,
);
