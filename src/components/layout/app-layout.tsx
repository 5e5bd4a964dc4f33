import { NavLink, Outlet } from 'react-router';
import { ThemeToggle } from '../theme/theme-toggle.tsx';
import { useGlobalShortcuts } from './use-go-shortcuts.ts';

export interface NavItem {
  to: string;
  label: string;
  icon: string;
  end?: boolean;
}

export interface AppLayoutProps {
  nav: readonly NavItem[];
  /** e.g. "Demo data" or "API · https://api.example.com". */
  dataSourceLabel: string;
  dataSourceKind: 'demo' | 'api';
}

/** The console frame: left navigation, top bar with data source and theme, routed content. */
export function AppLayout({ nav, dataSourceLabel, dataSourceKind }: AppLayoutProps) {
  useGlobalShortcuts();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar" aria-label="Primary">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span>Palisade</span>
        </div>
        <nav>
          <ul className="nav-list">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end ?? false} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  <span className="nav-icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <span className={`source-pill source-${dataSourceKind}`} data-testid="data-source" title="Data source (change it in Settings)">
            <span className="dot" aria-hidden="true" />
            {dataSourceLabel}
          </span>
          <div className="topbar-actions">
            <ThemeToggle />
          </div>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
