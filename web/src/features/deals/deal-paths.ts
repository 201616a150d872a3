// Which addresses belong to the deal pages (kept apart from the pages so the app shell can ask
// without loading them).
const DEAL_PATHS = [
  '/partners',
  '/circles',
  '/agreements',
  '/opportunities',
  '/referrals',
  '/inbox',
  '/fees',
  '/reports',
];

export function isDealPath(pathname: string): boolean {
  return DEAL_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
