// The app shell: skip link, header with navigation and the signed-in user, and the main landmark.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from '../lib/router.tsx';
import { isNavGroup, NavLink, type NavEntry, type NavItem } from './nav-link.tsx';
import { NavMenu } from './nav-menu.tsx';

export function Logo() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="12" cy="16" r="9" fill="none" stroke="#1d4ed8" strokeWidth="3" />
      <circle cx="20" cy="16" r="9" fill="none" stroke="#0f6b4f" strokeWidth="3" />
    </svg>
  );
}

export function AppShell({
  nav,
  user,
  children,
}: {
  nav: readonly NavEntry[];
  user?: ReactNode;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After an in-app navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/directory" className="brand">
            <Logo />
            Circles
          </Link>
          <nav className="app-nav" aria-label="Main">
            {nav.map((entry) =>
              isNavGroup(entry) ? (
                <NavMenu key={entry.label} group={entry} pathname={pathname} />
              ) : (
                <NavLink key={entry.to} item={entry} pathname={pathname} />
              ),
            )}
          </nav>
          {user}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function PageHead({
  title,
  subtitle,
  actions,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div className="stack" style={{ gap: 4 }}>
        <h1>{title}</h1>
        {subtitle !== undefined && <div className="muted">{subtitle}</div>}
      </div>
      {actions !== undefined && <div className="row">{actions}</div>}
    </div>
  );
}

/** Sets the document title for the current page ("Directory · Circles"). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'Circles' : `${title} · Circles`;
  }, [title]);
}

export function Tabs({ items }: { items: readonly NavItem[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="tabs" aria-label="Sections">
      {items.map((t) => (
        <Link key={t.to} to={t.to} aria-current={pathname === t.to ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
