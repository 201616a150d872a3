// A disclosure menu of the main navigation: a button (aria-expanded) that shows a list of links.
// It closes on Escape (focus back on the button), on navigation, and when focus or a click
// goes elsewhere. The button says when the current page is one of its links.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { isCurrentPath, NavLink, type NavGroup } from './nav-link.tsx';
import './nav-menu.css';

export function NavMenu({ group, pathname }: { group: NavGroup; pathname: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const holdsCurrent = group.items.some((i) => isCurrentPath(pathname, i.to));
  const isInside = (target: EventTarget | null): boolean =>
    target instanceof Node && root.current?.contains(target) === true;

  useEffect(() => {
    setOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent): void => {
      if (!isInside(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  // Tabbing past the last link closes the menu rather than leaving it open over the page.
  const onBlur = (e: FocusEvent): void => {
    if (!isInside(e.relatedTarget)) setOpen(false);
  };

  return (
    <div className="nav-menu" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="nav-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        aria-current={holdsCurrent ? 'true' : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {group.label}
        <span className="nav-menu__caret" aria-hidden="true" />
      </button>
      <ul id={listId} className="nav-menu__list" hidden={!open}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink item={item} pathname={pathname} onClick={() => setOpen(false)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
