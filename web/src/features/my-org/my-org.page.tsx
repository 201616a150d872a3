// My organization: profile, members, API tokens, audit log (one tab each; the URL names the tab).
import { useLocation } from '../../lib/router.tsx';
import { useMe } from '../../lib/session.tsx';
import { PageHead, Tabs, usePageTitle } from '../../ui/layout.tsx';
import { AuditSection } from './audit.section.tsx';
import { MembersSection } from './members.section.tsx';
import { ProfileForm } from './profile-form.tsx';
import { TokensSection } from './tokens.section.tsx';

const TABS = [
  { to: '/my-org', label: 'Profile', title: 'Profile' },
  { to: '/my-org/members', label: 'Members', title: 'Members' },
  { to: '/my-org/tokens', label: 'API tokens', title: 'API tokens' },
  { to: '/my-org/audit', label: 'Audit log', title: 'Audit log' },
] as const;

const ARTICLE = { owner: 'an', admin: 'an', member: 'a' } as const;

export function MyOrgPage() {
  const me = useMe();
  const { pathname } = useLocation();
  const tab = TABS.find((t) => t.to === pathname.replace(/\/+$/, '')) ?? TABS[0];
  usePageTitle(`${tab.title} · ${me.organization.name}`);
  return (
    <div>
      <PageHead
        title={me.organization.name}
        subtitle={`Your organization · you are ${ARTICLE[me.organization.role]} ${me.organization.role}`}
      />
      <Tabs items={TABS} />
      {tab.to === '/my-org' && <ProfileForm />}
      {tab.to === '/my-org/members' && <MembersSection />}
      {tab.to === '/my-org/tokens' && <TokensSection />}
      {tab.to === '/my-org/audit' && <AuditSection />}
    </div>
  );
}
