// Who sees the opportunity: nobody else, chosen partners, or the whole network; competitors never.
import { useState } from 'react';
import { errorFor, type FieldIssue } from '../../../lib/field-errors.ts';
import { Chip } from '../../../ui/chip.tsx';
import { SelectField } from '../../../ui/field.tsx';
import { OrgPicker } from '../shared/org-picker.tsx';
import type { OpportunityDraft, Visibility } from './opportunity-draft.ts';

const VISIBILITY: readonly { code: Visibility; label: string; hint: string }[] = [
  { code: 'private', label: 'Private', hint: 'Only your organization' },
  { code: 'selected', label: 'Selected partners', hint: 'The active partners you tick below' },
  { code: 'circle', label: 'A circle', hint: 'Every member of one of your circles' },
  { code: 'network', label: 'Network', hint: 'Every organization on Circles' },
];

export function VisibilityFields({
  draft,
  set,
  partners,
  names,
  circles,
  issues,
}: {
  draft: OpportunityDraft;
  set: <K extends keyof OpportunityDraft>(key: K, value: OpportunityDraft[K]) => void;
  partners: readonly string[];
  names: ReadonlyMap<string, string>;
  circles: readonly { id: string; name: string }[];
  issues: readonly FieldIssue[];
}) {
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const selectedError = errorFor(issues, 'selectedOrgIds');
  const toggle = (id: string, on: boolean): void =>
    set(
      'selectedOrgIds',
      on ? [...draft.selectedOrgIds, id] : draft.selectedOrgIds.filter((x) => x !== id),
    );
  return (
    <div className="stack">
      <fieldset className="stack" style={{ gap: 6 }}>
        <legend className="field__label">Visibility</legend>
        {VISIBILITY.map((v) => (
          <label key={v.code} className="check">
            <input
              type="radio"
              name="visibility"
              value={v.code}
              checked={draft.visibility === v.code}
              onChange={() => set('visibility', v.code)}
            />
            <span>
              {v.label} <span className="muted small">— {v.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.visibility === 'selected' && (
        <fieldset className="stack" style={{ gap: 6 }} id="f-selectedOrgIds" tabIndex={-1}>
          <legend className="field__label">Partners who see it</legend>
          {partners.length === 0 && (
            <p className="small muted">You have no active partners yet; partner up first.</p>
          )}
          {partners.map((id) => (
            <label key={id} className="check">
              <input
                type="checkbox"
                checked={draft.selectedOrgIds.includes(id)}
                onChange={(e) => toggle(id, e.target.checked)}
              />
              <span>{names.get(id) ?? id}</span>
            </label>
          ))}
          {selectedError !== undefined && (
            <span className="field__error" data-error-for="selectedOrgIds">
              {selectedError}
            </span>
          )}
        </fieldset>
      )}
      {draft.visibility === 'circle' && (
        <SelectField
          label="Circle that sees it"
          path="circleId"
          emptyLabel={circles.length === 0 ? 'You are in no circle yet' : 'Choose a circle…'}
          options={circles.map((c) => ({ code: c.id, label: c.name }))}
          value={draft.circleId}
          error={errorFor(issues, 'circleId')}
          onChange={(e) => set('circleId', e.target.value)}
        />
      )}
      <div className="stack" style={{ gap: 6 }}>
        <span className="field__label">Competitors (never see it)</span>
        {draft.competitorOrgIds.length > 0 && (
          <div className="row" aria-label="Competitors">
            {draft.competitorOrgIds.map((id) => (
              <Chip
                key={id}
                label={picked.get(id) ?? names.get(id) ?? id}
                prefix="Competitor"
                onRemove={() =>
                  set(
                    'competitorOrgIds',
                    draft.competitorOrgIds.filter((x) => x !== id),
                  )
                }
              />
            ))}
          </div>
        )}
        <OrgPicker
          label="Add a competitor"
          exclude={new Set(draft.competitorOrgIds)}
          id="competitor-picker"
          onPick={(o) => {
            setPicked(new Map([...picked, [o.id, o.name]]));
            set('competitorOrgIds', [...draft.competitorOrgIds, o.id]);
          }}
        />
      </div>
    </div>
  );
}
