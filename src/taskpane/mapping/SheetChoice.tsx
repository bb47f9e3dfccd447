import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { SourceCandidate } from '../../core/kernel/model';
import { useI18n } from '../../i18n/useI18n';

export interface SheetChoiceProps {
  /** The role's name as the user reads it ("Kontakte"). */
  role: string;
  candidates: SourceCandidate[];
  value: string;
  onChange(name: string): void;
}

/** Several sheets fit a role equally well: the user chooses, seeing how many rows each has and how current it is. */
export function SheetChoice({ role, candidates, value, onChange }: SheetChoiceProps) {
  const { t, formatFigure } = useI18n();
  const label = (candidate: SourceCandidate): string =>
    candidate.newest === null
      ? t('mappingCandidate', { name: candidate.name, rows: candidate.rows })
      : t('mappingCandidateDated', {
          name: candidate.name,
          rows: candidate.rows,
          newest: formatFigure({ kind: 'day', value: candidate.newest }),
        });
  return (
    <Field label={t('mappingChooseSheet', { role })} validationState={value ? 'none' : 'warning'}>
      <RadioGroup value={value} onChange={(_, data) => onChange(data.value)} data-testid="sheet-choice">
        {candidates.map((candidate) => (
          <Radio key={candidate.name} value={candidate.name} label={label(candidate)} />
        ))}
      </RadioGroup>
    </Field>
  );
}
