// The deal-flow pages behind one lazy chunk: partners, circles, agreements, opportunities,
// referrals, inbox, fees and the association report.
// The directory does not need them, so they load on first visit.
import type { ReactNode } from 'react';
import { matchPath } from '../../lib/router.tsx';
import { AgreementPage } from './agreements/agreement.page.tsx';
import { PartnershipPage } from './agreements/partnership.page.tsx';
import './deals.css';
import { CirclePage } from './circles/circle.page.tsx';
import { CirclesPage } from './circles/circles.page.tsx';
import { FeeLedgerPage } from './fees/fee-ledger.page.tsx';
import { InboxPage } from './inbox/inbox.page.tsx';
import { OpportunitiesPage } from './opportunities/opportunities.page.tsx';
import { OpportunityFormPage } from './opportunities/opportunity-form.tsx';
import { OpportunityPage } from './opportunities/opportunity.page.tsx';
import { PartnershipsPage } from './partnerships/partnerships.page.tsx';
import { ReferralPage } from './referrals/referral.page.tsx';
import { ReportPage } from './reports/report.page.tsx';

export function DealRoutes({ pathname, notFound }: { pathname: string; notFound: ReactNode }) {
  const path = pathname.replace(/\/+$/, '');
  const param = (pattern: string): string | undefined => matchPath(pattern, path)?.id;
  if (path === '/partners') return <PartnershipsPage />;
  if (path === '/inbox') return <InboxPage />;
  if (path === '/opportunities') return <OpportunitiesPage />;
  if (path === '/opportunities/new') return <OpportunityFormPage />;
  if (path === '/circles') return <CirclesPage />;
  if (path === '/fees') return <FeeLedgerPage />;
  if (path === '/reports') return <ReportPage />;
  const circle = param('/circles/:id');
  if (circle !== undefined) return <CirclePage key={circle} id={circle} />;
  const partnership = param('/partners/:id');
  if (partnership !== undefined) return <PartnershipPage key={partnership} id={partnership} />;
  const agreement = param('/agreements/:id');
  if (agreement !== undefined) return <AgreementPage key={agreement} id={agreement} />;
  const opportunity = param('/opportunities/:id');
  if (opportunity !== undefined) return <OpportunityPage key={opportunity} id={opportunity} />;
  const referral = param('/referrals/:id');
  if (referral !== undefined) return <ReferralPage key={referral} id={referral} />;
  return <>{notFound}</>;
}
