import { ExpertsPage } from '../features/experts/ExpertsPage.tsx';
import { EventsPage } from '../features/events/EventsPage.tsx';
import { EventPage } from '../features/events/EventPage.tsx';
import { AnalysisPage } from '../features/analysis/AnalysisPage.tsx';
import { MyInvitationsPage } from '../features/experts/MyInvitationsPage.tsx';
import { KeyEnterprisesPage } from '../features/key-enterprises/KeyEnterprisesPage.tsx';
import { OverseasPage } from '../features/overseas/OverseasPage.tsx';
import { PartnersPage } from '../features/partners/PartnersPage.tsx';
import { VolunteersPage } from '../features/volunteers/VolunteersPage.tsx';
import { TrainingsPage } from '../features/trainings/TrainingsPage.tsx';
import { TrainingDetailPage } from '../features/trainings/TrainingDetailPage.tsx';
import { OutreachPage } from '../features/trainings/OutreachPage.tsx';
import { AlertsPage } from '../features/alerts/AlertsPage.tsx';
import { ExpertCasePage } from '../features/expert-cases/ExpertCasePage.tsx';
import { ExpertCasesPage } from '../features/expert-cases/ExpertCasesPage.tsx';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ArticleEditPage } from '../features/articles/ArticleEditPage.tsx';
import { ArticlesPage } from '../features/articles/ArticlesPage.tsx';
import { VisitsPage } from '../features/articles/VisitsPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CaseQueuePage } from '../features/cases/CaseQueuePage.tsx';
import { CaseRegisterPage } from '../features/cases/CaseRegisterPage.tsx';
import { ConsultationDeskPage } from '../features/consultations/ConsultationDeskPage.tsx';
import { ConsultationPage } from '../features/consultations/ConsultationPage.tsx';
import { InstitutionsPage } from '../features/institutions/InstitutionsPage.tsx';
import { OutboxPage } from '../features/outbox/OutboxPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { AppProviders } from '../shared/AppProviders.tsx';
import { SearchResultsPage } from '../features/search/SearchResultsPage.tsx';
import { AccountPage } from './AccountPage.tsx';
import { ConsoleHome } from './ConsoleHome.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { LoginPage } from './LoginPage.tsx';
import { NotFoundPage } from '../shared/NotFoundPage.tsx';
import { FullPageSpin } from '../shared/FullPageSpin.tsx';

// The statistics pages carry ECharts: loaded when first opened, not with every console page.
const StatsPage = lazy(() => import('../features/stats/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));
const SheetEditorPage = lazy(() => import('../features/assessments/SheetEditorPage.tsx').then((m) => ({ default: m.SheetEditorPage })));
const RunPage = lazy(() => import('../features/assessments/RunPage.tsx').then((m) => ({ default: m.RunPage })));

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
        { path: 'experts', element: <ExpertsPage /> },
        { path: 'invitations', element: <MyInvitationsPage /> },
        { path: 'partners', element: <PartnersPage /> },
        { path: 'key-enterprises', element: <KeyEnterprisesPage /> },
        { path: 'volunteers', element: <VolunteersPage /> },
        { path: 'overseas', element: <OverseasPage /> },
        { path: 'my-cases', element: <ExpertCasesPage /> },
        { path: 'my-cases/:id', element: <ExpertCasePage /> },
        { path: 'consultations', element: <ConsultationDeskPage /> },
        { path: 'consultations/:id', element: <ConsultationPage /> },
        { path: 'stats', element: <Suspense fallback={<FullPageSpin />}><StatsPage /></Suspense> },
        { path: 'stats/returns', element: <Suspense fallback={<FullPageSpin />}><StatsPage tab="returns" /></Suspense> },
        { path: 'stats/assessments', element: <Suspense fallback={<FullPageSpin />}><StatsPage tab="assessments" /></Suspense> },
        { path: 'stats/assessments/sheets/:id', element: <Suspense fallback={<FullPageSpin />}><SheetEditorPage /></Suspense> },
        { path: 'stats/assessments/runs/:id', element: <Suspense fallback={<FullPageSpin />}><RunPage /></Suspense> },
        { path: 'stats/history', element: <Suspense fallback={<FullPageSpin />}><StatsPage tab="history" /></Suspense> },
        { path: 'institutions', element: <InstitutionsPage /> },
        { path: 'institutions/:id', element: <InstitutionsPage /> },
        { path: 'users', element: <UsersPage /> },
        { path: 'users/:id', element: <UsersPage /> },
        { path: 'articles', element: <ArticlesPage /> },
        { path: 'articles/:id', element: <ArticleEditPage /> },
        { path: 'visits', element: <VisitsPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'outbox', element: <OutboxPage /> },
        { path: 'account', element: <AccountPage /> },
        { path: 'search', element: <SearchResultsPage mode="console" /> },
        { path: 'trainings', element: <TrainingsPage /> },
        { path: 'trainings/:id', element: <TrainingDetailPage /> },
        { path: 'outreach', element: <OutreachPage /> },
        { path: 'alerts', element: <AlertsPage /> },
        { path: 'events', element: <EventsPage /> },
        { path: 'events/:id', element: <EventPage /> },
        { path: 'analysis', element: <AnalysisPage /> },
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
