import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { contentModules } from '../features/portal-content/kinds.ts';
import { AppProviders } from '../shared/AppProviders.tsx';
import { HomePage } from './HomePage.tsx';
import { PortalLayout } from './PortalLayout.tsx';

/**
 * The portal. Only the home page is in the first load; every other page is fetched when it is first opened
 * (issue 8: the portal's first-load JavaScript under 300 KB gzipped).
 */
const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'directory', lazy: () => import('../features/directory/DirectoryPage.tsx').then((m) => ({ Component: m.DirectoryPage })) },
      { path: 'directory/:id', lazy: () => import('../features/directory/DirectoryDetailPage.tsx').then((m) => ({ Component: m.DirectoryDetailPage })) },
      ...contentModules.map((c) => ({ path: c.path.slice(1), lazy: () => import('../features/portal-content/ArticleListPage.tsx').then((m) => ({ element: <m.ArticleListPage key={c.kind} kind={c.kind} /> })) })),
      { path: 'articles/:id', lazy: () => import('../features/portal-content/ArticlePage.tsx').then((m) => ({ Component: m.ArticlePage })) },
      { path: 'search', lazy: () => import('../features/search/SearchResultsPage.tsx').then((m) => ({ element: <m.SearchResultsPage mode="portal" /> })) },
      { path: 'guide', lazy: () => import('../features/portal-content/GuidePage.tsx').then((m) => ({ Component: m.GuidePage })) },
      { path: 'login', lazy: () => import('./PortalLoginPage.tsx').then((m) => ({ Component: m.PortalLoginPage })) },
      { path: 'register', lazy: () => import('./RegisterPage.tsx').then((m) => ({ Component: m.RegisterPage })) },
      { path: 'reset-password', lazy: () => import('./ResetPasswordPage.tsx').then((m) => ({ Component: m.ResetPasswordPage })) },
      { path: 'account', lazy: () => import('./PortalAccountPage.tsx').then((m) => ({ Component: m.PortalAccountPage })) },
      { path: 'outbox', lazy: () => import('./PublicOutboxPage.tsx').then((m) => ({ Component: m.PublicOutboxPage })) },
      { path: 'rate/:token', lazy: () => import('../features/portal-cases/RatePage.tsx').then((m) => ({ Component: m.RatePage })) },
      { path: 'my/cases', lazy: () => import('../features/portal-cases/MyCasesPage.tsx').then((m) => ({ Component: m.MyCasesPage })) },
      { path: 'apply', lazy: () => import('../features/portal-cases/ApplyPage.tsx').then((m) => ({ Component: m.ApplyPage })) },
      { path: 'track', lazy: () => import('../features/portal-cases/TrackPage.tsx').then((m) => ({ Component: m.TrackPage })) },
      { path: 'my/cases/:id', lazy: () => import('../features/portal-cases/MyCasePage.tsx').then((m) => ({ Component: m.MyCasePage })) },
      { path: 'my/consultations', lazy: () => import('../features/portal-consultations/MyConsultationsPage.tsx').then((m) => ({ Component: m.MyConsultationsPage })) },
      { path: 'my/consultations/:id', lazy: () => import('../features/portal-consultations/MyConsultationPage.tsx').then((m) => ({ Component: m.MyConsultationPage })) },
      { path: 'trainings', lazy: () => import('../features/portal-trainings/TrainingsListPage.tsx').then((m) => ({ Component: m.TrainingsListPage })) },
      { path: 'trainings/checkin/:token', lazy: () => import('../features/portal-trainings/CheckinPage.tsx').then((m) => ({ Component: m.CheckinPage })) },
      { path: 'trainings/:id', lazy: () => import('../features/portal-trainings/TrainingPage.tsx').then((m) => ({ Component: m.TrainingPage })) },
      { path: 'alerts', lazy: () => import('../features/portal-alerts/AlertsListPage.tsx').then((m) => ({ Component: m.AlertsListPage })) },
      { path: 'alerts/:id', lazy: () => import('../features/portal-alerts/AlertsListPage.tsx').then((m) => ({ Component: m.AlertPage })) },
      { path: '*', lazy: () => import('../shared/NotFoundPage.tsx').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <AppProviders>
    <RouterProvider router={router} />
  </AppProviders>,
);
