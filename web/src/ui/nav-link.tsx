// Entries of the main navigation: a link (with an optional count) or a named group of links.
import { Link } from '../lib/router.tsx';

export interface NavItem {
  to: string;
  label: string;
  /** A count shown next to the label (e.g. referrals waiting for an answer); hidden when 0. */
  badge?: number | undefined;
}

/** Links shown together under one menu button (the deal pages under "Deals"). */
export interface NavGroup {
  label: string;
  items: readonly NavItem[];
}

export type NavEntry = NavItem | NavGroup;

export const isNavGroup = (e: NavEntry): e is NavGroup => 'items' in e;

/** A page and everything below it ("/opportunities/abc") count as that link's page. */
export const isCurrentPath = (pathname: string, to: string): boolean =>
  pathname === to || pathname.startsWith(`${to}/`);

export function NavLink({
  item,
  pathname,
  onClick,
}: {
  item: NavItem;
  pathname: string;
  onClick?: () => void;
}) {
  return (
    <Link
      to={item.to}
      aria-current={isCurrentPath(pathname, item.to) ? 'page' : undefined}
      {...(onClick === undefined ? {} : { onClick })}
    >
      {item.label}
      {item.badge !== undefined && item.badge > 0 && (
        <span className="nav-badge">
          {item.badge}
          <span className="visually-hidden"> waiting for your answer</span>
        </span>
      )}
    </Link>
  );
}
