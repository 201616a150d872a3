// Multi-select for coded fields: type to filter, arrows to move, Enter to toggle, chips to remove.
// Follows the WAI-ARIA combobox + listbox pattern, so it works by keyboard and screen reader.
import { useId, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { fieldId } from '../lib/field-errors.ts';
import type { Option } from '../lib/vocabularies.ts';
import { Chip } from './chip.tsx';

interface Props {
  label: string;
  path: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
  /** Upper bound on options rendered at once (the filter narrows long lists such as countries). */
  maxShown?: number;
}

const matches = (o: Option, q: string): boolean =>
  q === '' || o.label.toLowerCase().includes(q) || o.code.toLowerCase() === q;

export function VocabularyPicker({
  label,
  path,
  options,
  value,
  onChange,
  hint,
  error,
  disabled = false,
  maxShown = 80,
}: Props) {
  const id = fieldId(path);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const selected = useMemo(() => new Set(value), [value]);
  const labelOf = useMemo(() => new Map(options.map((o) => [o.code, o.label])), [options]);
  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () => options.filter((o) => matches(o, q)).slice(0, maxShown),
    [options, q, maxShown],
  );

  const toggle = (code: string): void => {
    onChange(selected.has(code) ? value.filter((c) => c !== code) : [...value, code]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter': {
        const o = shown[active];
        if (open && o !== undefined) {
          e.preventDefault();
          toggle(o.code);
          setQuery('');
        }
        break;
      }
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        }
        break;
      case 'Backspace':
        if (query === '' && value.length > 0) onChange(value.slice(0, -1));
        break;
      default:
    }
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };

  const describedBy = [
    hint !== undefined ? `${id}-hint` : '',
    error !== undefined ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const activeOption = open ? shown[active] : undefined;

  return (
    <div className="field picker" data-invalid={error !== undefined} onBlur={onBlur}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <div className="picker__box">
        {value.map((code) =>
          disabled ? (
            <span key={code} className="badge">
              {labelOf.get(code) ?? code}
            </span>
          ) : (
            <Chip key={code} label={labelOf.get(code) ?? code} onRemove={() => toggle(code)} />
          ),
        )}
        {!disabled && (
          <input
            id={id}
            className="picker__input"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-invalid={error !== undefined}
            {...(describedBy === '' ? {} : { 'aria-describedby': describedBy })}
            {...(activeOption === undefined
              ? {}
              : { 'aria-activedescendant': `${listId}-${active}` })}
            placeholder={value.length === 0 ? 'Type to search, Enter to add' : 'Add more…'}
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onKeyDown={onKeyDown}
          />
        )}
      </div>
      {open && !disabled && (
        <ul
          className="picker__list"
          id={listId}
          role="listbox"
          aria-multiselectable="true"
          aria-label={label}
        >
          {shown.length === 0 && <li className="picker__option muted">No match for “{query}”</li>}
          {shown.map((o, i) => (
            <li
              key={o.code}
              id={`${listId}-${i}`}
              role="option"
              className="picker__option"
              aria-selected={selected.has(o.code)}
              data-active={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => toggle(o.code)}
            >
              {o.label}
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && (
        <span className="field__error" id={`${id}-error`} data-error-for={path}>
          {error}
        </span>
      )}
    </div>
  );
}
