/** A removable filter/selection chip; the button names what it removes for screen readers. */
export function Chip({
  label,
  onRemove,
  prefix,
}: {
  label: string;
  onRemove: () => void;
  prefix?: string;
}) {
  return (
    <span className="chip">
      {prefix !== undefined && <span className="visually-hidden">{prefix}: </span>}
      {label}
      <button
        type="button"
        className="chip__remove"
        onClick={onRemove}
        aria-label={`Remove ${label}`}
      >
        ×
      </button>
    </span>
  );
}
