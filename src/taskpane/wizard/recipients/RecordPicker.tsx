import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  SearchBox,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RecordSelection } from '../../../core/campaign/campaign';
import { useI18n } from '../../../i18n/useI18n';
import type { WorkbookData } from '../../../core/kernel/model';
import {
  displayName,
  emptyRecordFilter,
  filterRows,
  knownPickerRows,
  narrows,
  pickerRowCount,
  pickerRows,
  pickerRowsSteps,
  type PickerRow,
  type RecordFilter,
} from './recordFilter';
import { VirtualCheckList } from './VirtualCheckList';
import { RowSet } from './rowSet';
import { useNarrowStyles } from '../../shell/narrowStyles';
import { runStepsPausing } from '../../../core/kernel/steps';
import { nextTask, slicedPause } from '../../services/pauses';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  count: { flexGrow: 1 },
});

export interface RecordPickerProps {
  from: RecordSelection['from'];
  data: WorkbookData;
  onChange(selection: RecordSelection | null): void;
}

const joined = (parts: string[]): string =>
  parts.filter((part, i) => part && parts.indexOf(part) === i).join(' · ');

/** Who (name · company) on the first line, where and how to reach them (postal code town · e-mail) on the second. */
const rowLines = ({ person }: PickerRow): [string, string] => [
  joined([displayName(person), person.company]),
  joined([[person.postalCode, person.city].filter(Boolean).join(' '), person.email]),
];

/** The rows passing the filter; a filter that narrows the last one looks only at the rows that passed it. */
function useNarrowingFilter(records: readonly PickerRow[], filter: RecordFilter): number[] {
  const last = useRef<{ records: readonly PickerRow[]; filter: RecordFilter; visible: number[] } | null>(
    null,
  );
  return useMemo(() => {
    const before = last.current;
    const within = before?.records === records && narrows(before.filter, filter) ? before.visible : undefined;
    const visible = filterRows(records, filter, within);
    last.current = { records, filter, visible };
    return visible;
  }, [records, filter]);
}

/** Rows up to this many are built at once (about 60 ms); more in steps while the picker says so. */
const BUILT_AT_ONCE = 20_000;

/** The picker's rows, or null while a large list is built in steps (the pane stays responsive meanwhile). */
function usePickerRows(data: WorkbookData, from: RecordSelection['from']): PickerRow[] | null {
  const atOnce = useMemo(
    () =>
      knownPickerRows(data, from) ??
      (pickerRowCount(data, from) <= BUILT_AT_ONCE ? pickerRows(data, from) : null),
    [data, from],
  );
  const [later, setLater] = useState<{ data: WorkbookData; from: string; rows: PickerRow[] } | null>(null);
  useEffect(() => {
    if (atOnce) return;
    let current = true;
    // from a task of its own: this one already rendered step 2
    void nextTask()
      .then(() => runStepsPausing(pickerRowsSteps(data, from), slicedPause()))
      .then((rows) => current && setLater({ data, from, rows }));
    return () => {
      current = false;
    };
  }, [atOnce, data, from]);
  return atOnce ?? (later?.data === data && later.from === from ? later.rows : null);
}

export function RecordPicker(props: RecordPickerProps) {
  const { t } = useI18n();
  const records = usePickerRows(props.data, props.from);
  if (!records) return <Spinner size="tiny" labelPosition="after" label={t('pickerBuilding')} />;
  return <PickerList {...props} records={records} />;
}

function PickerList({ from, records, onChange }: RecordPickerProps & { records: PickerRow[] }) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const { t } = useI18n();
  const [filter, setFilter] = useState<RecordFilter>(emptyRecordFilter);
  const [selected, setSelected] = useState(() => RowSet.empty(records.length));
  // Typing stays responsive: the list follows the filter as soon as React has time.
  const deferredFilter = useDeferredValue(filter);
  const visible = useNarrowingFilter(records, deferredFilter);

  useEffect(() => {
    let current = true;
    // a task of its own: the click's task shows the ticks, this one lists up to 300,000 ids for the preview
    void nextTask().then(() => {
      if (!current) return;
      const ids = selected.pick((row) => records[row].id || undefined);
      onChange(ids.length > 0 ? { from, ids } : null);
    });
    return () => {
      current = false;
    };
  }, [from, onChange, records, selected]);

  const change = (key: keyof RecordFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  const toggle = (row: number, checked: boolean) =>
    setSelected((current) => (checked ? current.with([visible[row]]) : current.without(visible[row])));

  const selectAllFiltered = () => setSelected((current) => current.with(visible));

  return (
    <div className={styles.root}>
      <SearchBox
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        value={filter.search}
        onChange={(_, { value }) => change('search')(value)}
      />
      <div className={narrow.fieldGrid}>
        <Field label={t('filterCity')}>
          <Input size="small" value={filter.city} onChange={(_, { value }) => change('city')(value)} />
        </Field>
        <Field label={t('filterCountry')}>
          <Input size="small" value={filter.country} onChange={(_, { value }) => change('country')(value)} />
        </Field>
        <Field label={t('filterPostalFrom')}>
          <Input
            size="small"
            value={filter.postalFrom}
            onChange={(_, { value }) => change('postalFrom')(value)}
          />
        </Field>
        <Field label={t('filterPostalTo')}>
          <Input
            size="small"
            value={filter.postalTo}
            onChange={(_, { value }) => change('postalTo')(value)}
          />
        </Field>
      </div>
      <div className={styles.bar}>
        <Text className={styles.count} aria-live="polite" data-testid="selected-count">
          {t('selectedCount', { selected: selected.size, total: records.length })} ·{' '}
          {t('shownCount', { shown: visible.length })}
        </Text>
        <Button size="small" onClick={selectAllFiltered} disabled={visible.length === 0}>
          {t('selectAllFiltered', { count: visible.length })}
        </Button>
        <Button
          size="small"
          onClick={() => setSelected(RowSet.empty(records.length))}
          disabled={selected.size === 0}
        >
          {t('clearSelection')}
        </Button>
      </div>
      {visible.length === 0 ? (
        <Text>{t('noRows')}</Text>
      ) : (
        <VirtualCheckList
          count={visible.length}
          label={t('recordList')}
          rowLines={(row) => rowLines(records[visible[row]])}
          isChecked={(row) => selected.has(visible[row])}
          onToggle={toggle}
          onSelectAll={selectAllFiltered}
        />
      )}
    </div>
  );
}
