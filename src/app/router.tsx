import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, type NavItem } from '../components/layout/app-layout.tsx';
import { RouteError } from '../components/layout/route-error.tsx';
import { useDataSource } from '../api/data-source-context.ts';
import { ApiStatusBanner } from './api-status.tsx';
import { paths } from './paths.ts';

export const navItems: readonly NavItem[] = [
  { to: paths.dashboard, label: 'Dashboard', icon: '▦', end: true },
  { to: '/deviations', label: 'Deviations', icon: '⚠' },
  { to: '/redflags', label: 'Red flags', icon: '⚑' },
  { to: paths.clusters, label: 'Clusters', icon: '⬡' },
  { to: paths.fingerprints, label: 'Fingerprints', icon: '⌘' },
  { to: paths.policies, label: 'Policies', icon: '◈' },
  { to: paths.rulesets, label: 'Rulesets', icon: '☰' },
  { to: paths.settings, label: 'Settings', icon: '⚙' },
];

function Layout() {
  const { source, label } = useDataSource();
  return (
    <>
      <AppLayout nav={navItems} dataSourceLabel={label} dataSourceKind={source.kind} />
      <ApiStatusBanner />
    </>
  );
}

/** Every page is a lazy chunk with its own error boundary. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('../features/dashboard/dashboard-page.tsx')).DashboardPage }) },
          { path: 'deviations', lazy: async () => ({ Component: (await import('../features/deviations/deviations-page.tsx')).DeviationsPage }) },
          { path: 'redflags', lazy: async () => ({ Component: (await import('../features/redflags/redflags-page.tsx')).RedFlagsPage }) },
          { path: 'clusters', lazy: async () => ({ Component: (await import('../features/clusters/clusters-page.tsx')).ClustersPage }) },
          { path: 'clusters/:uid', lazy: async () => ({ Component: (await import('../features/clusters/cluster-detail-page.tsx')).ClusterDetailPage }) },
          { path: 'fingerprints', lazy: async () => ({ Component: (await import('../features/fingerprints/fingerprints-page.tsx')).FingerprintsPage }) },
          { path: 'fingerprints/:id', lazy: async () => ({ Component: (await import('../features/fingerprints/fingerprint-detail-page.tsx')).FingerprintDetailPage }) },
          { path: 'policies', lazy: async () => ({ Component: (await import('../features/policies/policies-page.tsx')).PoliciesPage }) },
          { path: 'policies/:uid', lazy: async () => ({ Component: (await import('../features/policies/policy-detail-page.tsx')).PolicyDetailPage }) },
          { path: 'policies/:uid/edit', lazy: async () => ({ Component: (await import('../features/editor/policy-editor-page.tsx')).PolicyEditorPage }) },
          { path: 'policies/new', lazy: async () => ({ Component: (await import('../features/editor/policy-editor-page.tsx')).PolicyEditorPage }) },
          { path: 'rulesets', lazy: async () => ({ Component: (await import('../features/rulesets/rulesets-page.tsx')).RulesetsPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/settings-page.tsx')).SettingsPage }) },
          { path: '*', lazy: async () => ({ Component: (await import('../features/not-found/not-found-page.tsx')).NotFoundPage }) },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
