// The partner section's tabs: partnerships, circles and the fee ledger.
import { Tabs } from '../../../ui/layout.tsx';

const TABS = [
  { to: '/partners', label: 'Partnerships' },
  { to: '/circles', label: 'Circles' },
  { to: '/fees', label: 'Fee ledger' },
] as const;

export const PartnerTabs = () => <Tabs items={TABS} />;
