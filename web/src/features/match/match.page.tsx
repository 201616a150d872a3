// Matchmaking: describe a customer's need and get ranked, explained partners and a team; or see
// who fills the gaps in your own profile. Loaded lazily, on first visit.
import { useMemo } from 'react';
import { messageOf } from '../../lib/api.ts';
import { useLocation } from '../../lib/router.tsx';
import { useVocabularies } from '../../lib/vocabularies.ts';
import { PageHead, Tabs, usePageTitle } from '../../ui/layout.tsx';
import { ErrorState, Loading } from '../../ui/states.tsx';
import { ComplementsSection } from './complements.section.tsx';
import './match.css';
import { NeedMatcher } from './need-matcher.tsx';
import { parseMatchUrl } from './need-url.ts';

export const MATCH_TABS = [
  { to: '/match', label: 'Describe a need' },
  { to: '/match/complements', label: 'Who complements us' },
] as const;

export function MatchPage() {
  const { pathname, search } = useLocation();
  const complements = pathname.replace(/\/+$/, '') === '/match/complements';
  usePageTitle(complements ? 'Who complements us' : 'Find a team');
  const url = useMemo(() => parseMatchUrl(search), [search]);
  const vocab = useVocabularies();
  return (
    <div>
      <PageHead
        title="Find partners for a need"
        subtitle="Ranked partners with their reasons, and a team where no partner dominates"
      />
      <Tabs items={MATCH_TABS} />
      {vocab.status === 'error' && (
        <ErrorState title="Cannot load the vocabularies" message={messageOf(vocab.error)} />
      )}
      {vocab.status === 'loading' && <Loading />}
      {vocab.status === 'ready' &&
        (complements ? (
          <ComplementsSection vocab={vocab.vocab} />
        ) : (
          <NeedMatcher url={url} vocab={vocab.vocab} />
        ))}
    </div>
  );
}
