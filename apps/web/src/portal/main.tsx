import { MyConsultationPage } from '../features/portal-consultations/MyConsultationPage.tsx';
import { MyConsultationsPage } from '../features/portal-consultations/MyConsultationsPage.tsx';
import { TrainingsListPage } from '../features/portal-trainings/TrainingsListPage.tsx';
import { TrainingPage } from '../features/portal-trainings/TrainingPage.tsx';
import { CheckinPage } from '../features/portal-trainings/CheckinPage.tsx';
import { AlertPage, AlertsListPage } from '../features/portal-alerts/AlertsListPage.tsx';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { DirectoryDetailPage } from '../features/directory/DirectoryDetailPage.tsx';
import { DirectoryPage } from '../features/directory/DirectoryPage.tsx';
import { ArticleListPage } from '../features/portal-content/ArticleListPage.tsx';
import { ArticlePage } from '../features/portal-content/ArticlePage.tsx';
import { GuidePage } from '../features/portal-content/GuidePage.tsx';
import { contentModules } from '../features/portal-content/kinds.ts';
import { ApplyPage } from '../features/portal-cases/ApplyPage.tsx';
import { MyCasePage } from '../features/portal-cases/MyCasePage.tsx';
import { MyCasesPage } from '../features/portal-cases/MyCasesPage.tsx';
import { RatePage } from '../features/portal-cases/RatePage.tsx';
import { TrackPage } from '../features/portal-cases/TrackPage.tsx';
import { AppProviders } from '../shared/AppProviders.tsx';
import { SearchResultsPage } from '../features/search/SearchResultsPage.tsx';
import { NotFoundPage } from '../shared/NotFoundPage.tsx';
import { HomePage } from './HomePage.tsx';
import { PortalAccountPage } from './PortalAccountPage.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import { PortalLoginPage } from './PortalLoginPage.tsx';
import { PublicOutboxPage } from './PublicOutboxPage.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { ResetPasswordPage } from './ResetPasswordPage.tsx';

const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'directory/:id', element: <DirectoryDetailPage /> },
      ...contentModules.map((m) => ({ path: m.path.slice(1), element: <ArticleListPage key={m.kind} kind={m.kind} /> })),
      { path: 'articles/:id', element: <ArticlePage /> },
      { path: 'search', element: <SearchResultsPage mode="portal" /> },
      { path: 'guide', element: <GuidePage /> },
      { path: 'login', element: <PortalLoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'account', element: <PortalAccountPage /> },
      { path: 'outbox', element: <PublicOutboxPage /> },
      { path: 'rate/:token', element: <RatePage /> },
      { path: 'my/cases', element: <MyCasesPage /> },
      { path: 'apply', element: <ApplyPage /> },
      { path: 'track', element: <TrackPage /> },
      { path: 'my/cases/:id', element: <MyCasePage /> },
      { path: 'my/consultations', element: <MyConsultationsPage /> },
      { path: 'my/consultations/:id', element: <MyConsultationPage /> },
      { path: 'trainings', element: <TrainingsListPage /> },
      { path: 'trainings/checkin/:token', element: <CheckinPage /> },
      { path: 'trainings/:id', element: <TrainingPage /> },
      { path: 'alerts', element: <AlertsListPage /> },
      { path: 'alerts/:id', element: <AlertPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <AppProviders>
    <RouterProvider router={router} />
  </AppProviders>,
);
