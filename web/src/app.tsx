// Routes, the sign-in guard and the shell around every page.
import { lazy, Suspense, useEffect } from 'react';
import { AcceptInvitationPage } from './features/auth/accept-invitation.page.tsx';
import { SignInPage } from './features/auth/sign-in.page.tsx';
import { switchOrg } from './lib/api.ts';
import { SignUpPage } from './features/auth/sign-up.page.tsx';
import { DirectoryPage } from './features/directory/directory.page.tsx';
import { ProfilePage } from './features/profile/profile.page.tsx';
import { isDealPath } from './features/deals/deal-paths.ts';
import { useNeedsActionCount } from './features/deals/inbox/inbox-count.ts';
import { Link, matchPath, navigate, useLocation } from './lib/router.tsx';
import { useSession } from './lib/session.tsx';
import { Button } from './ui/button.tsx';
import { ErrorBoundary } from './ui/error-boundary.tsx';
import { AppShell, PageHead, usePageTitle } from './ui/layout.tsx';
import type { NavEntry, NavGroup, NavItem } from './ui/nav-link.tsx';
import { EmptyState, ErrorState, Loading } from './ui/states.tsx';

// Settings pages are not needed to search, so they load on first visit and keep the directory lean.
const MyOrgPage = lazy(() =>
  import('./features/my-org/my-org.page.tsx').then((m) => ({ default: m.MyOrgPage })),
);

const NAV: readonly NavItem[] = [
  { to: '/directory', label: 'Directory' },
  { to: '/match', label: 'Match' },
  { to: '/my-org', label: 'My organization' },
];

// Matchmaking (need builder, ranked partners, team, who complements us): its own lazy chunk.
const MatchPage = lazy(() =>
  import('./features/match/match.page.tsx').then((m) => ({ default: m.MatchPage })),
);

// Deal-flow pages (partners, agreements, opportunities, referrals, inbox): one lazy chunk.
const DealRoutes = lazy(() =>
  import('./features/deals/deals.routes.tsx').then((m) => ({ default: m.DealRoutes })),
);

// The deal pages share one menu so the header stays on one line.
const DEALS: NavGroup = {
  label: 'Deals',
  items: [
    { to: '/partners', label: 'Partners' },
    { to: '/circles', label: 'Circles' },
    { to: '/opportunities', label: 'Opportunities' },
    { to: '/fees', label: 'Fees' },
    { to: '/reports', label: 'Report' },
  ],
};

/** The nav with the deal pages; the inbox shows how many referrals wait for an answer. */
function navWithDeals(waiting: number): readonly NavEntry[] {
  return [
    NAV[0]!,
    NAV[1]!,
    { to: '/inbox', label: 'Inbox', badge: waiting },
    DEALS,
    ...NAV.slice(2),
  ];
}

const PUBLIC = new Set(['/sign-in', '/sign-up']);

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  usePageTitle('Not found');
  return (
    <EmptyState
      title="This page does not exist"
      action={<Link to="/directory">Go to the directory</Link>}
    >
      Check the address, or start from the directory.
    </EmptyState>
  );
}

function PrivateRoutes({ pathname }: { pathname: string }) {
  if (pathname === '/' || pathname === '') return <Redirect to="/directory" />;
  if (pathname === '/directory') return <DirectoryPage />;
  const org = matchPath('/orgs/:id', pathname);
  if (org?.id !== undefined) return <ProfilePage key={org.id} id={org.id} />;
  if (pathname === '/my-org' || pathname.startsWith('/my-org/')) {
    return (
      <Suspense fallback={<Loading />}>
        <MyOrgPage />
      </Suspense>
    );
  }
  if (pathname === '/match' || pathname.startsWith('/match/')) {
    return (
      <Suspense fallback={<Loading />}>
        <MatchPage />
      </Suspense>
    );
  }
  if (isDealPath(pathname)) {
    return (
      <Suspense fallback={<Loading />}>
        <DealRoutes pathname={pathname} notFound={<NotFound />} />
      </Suspense>
    );
  }
  return <NotFound />;
}

function UserMenu() {
  const { state, signOut, refresh } = useSession();
  if (state.status !== 'signed-in') return null;
  const { user, organization, memberships } = state.me;
  const onSwitch = (orgId: string): void => {
    void switchOrg(orgId)
      .then(() => refresh())
      .then(() => navigate('/directory'));
  };
  return (
    <div className="app-user">
      <span className="app-user__email">{user.name} · </span>
      {memberships.length > 1 ? (
        <select
          className="select"
          style={{ width: 'auto', height: 32, minHeight: 32, fontWeight: 600 }}
          aria-label="Organization you act for"
          value={organization.id}
          onChange={(e) => onSwitch(e.target.value)}
        >
          {memberships.map((m) => (
            <option key={m.orgId} value={m.orgId}>
              {m.orgName} ({m.role})
            </option>
          ))}
        </select>
      ) : (
        <strong>{organization.name}</strong>
      )}
      <Button
        small
        variant="secondary"
        onClick={() => void signOut().then(() => navigate('/sign-in'))}
      >
        Sign out
      </Button>
    </div>
  );
}

export function App() {
  const { state, refresh } = useSession();
  const { pathname, search } = useLocation();
  const isPublic = PUBLIC.has(pathname);
  const waiting = useNeedsActionCount(state.status === 'signed-in', pathname);
  const nav = navWithDeals(waiting);

  if (state.status === 'loading') {
    return (
      <AppShell nav={[]}>
        <Loading label="Opening Circles…" />
      </AppShell>
    );
  }
  if (state.status === 'error') {
    return (
      <AppShell nav={[]}>
        <PageHead title="Circles is not answering" />
        <ErrorState message={state.message} onRetry={() => void refresh()} />
      </AppShell>
    );
  }
  if (state.status === 'signed-out') {
    if (!isPublic) {
      const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
      return <Redirect to={`/sign-in${next}`} />;
    }
    return (
      <AppShell nav={[]}>
        {pathname === '/sign-up' ? <SignUpPage /> : <SignInPage expired={state.expired} />}
      </AppShell>
    );
  }
  if (isPublic) {
    const invitation = new URLSearchParams(search).get('invitation');
    if (invitation === null) return <Redirect to={safeNext(search)} />;
    return (
      <AppShell nav={nav} user={<UserMenu />}>
        <AcceptInvitationPage token={invitation} />
      </AppShell>
    );
  }
  return (
    <AppShell nav={nav} user={<UserMenu />}>
      <ErrorBoundary resetKey={pathname}>
        <PrivateRoutes pathname={pathname} />
      </ErrorBoundary>
    </AppShell>
  );
}

/** Where to go after sign-in: the page that asked for it, but only ever a path on this site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/directory';
}
