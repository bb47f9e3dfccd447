import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  SHEET_ROLES,
  type Field as DataField,
  type MappingOverrides,
  type SheetRole,
  type WorkbookData,
  type WorkbookMapping,
} from '../../core/kernel/model';
import type { Problem } from '../../core/kernel/problems';
import type { CellValue, SheetTable } from '../../core/kernel/sheetTable';
import { isNamed, sourcesOf } from '../../core/read/sources';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { MAPPING_FIELDS, ROLE_LABEL, fieldLabel, overridesFromMapping } from '../state/mappingFields';
import { MergedHeaderQuestion } from './MergedHeaderQuestion';
import { SheetChoice } from './SheetChoice';

const PREVIEW_ROWS = 3;

const useStyles = makeStyles({
  surface: { maxWidth: '95vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingVerticalS,
  },
  preview: { overflowX: 'auto', maxHeight: '160px' },
});

interface SheetPreview {
  headers: string[];
  rows: CellValue[][];
}

export interface ColumnMappingDialogProps {
  session: PaneSession;
  recognised: WorkbookMapping;
  stored: MappingOverrides | undefined;
  /** Roles several sheets fit equally well, with those sheets: the dialog asks. */
  ambiguous?: WorkbookData['ambiguous'];
  /** The recognition's problems: a merged header the data does not explain is asked too. */
  problems?: Problem[];
  onSave(mapping: MappingOverrides): void;
  onCancel(): void;
}

/** The header row and the data below it, as the core reads the chosen sheet (or Excel table) for the role. */
const previewOf = (table: SheetTable, role: SheetRole, name: string): SheetPreview => {
  const sources = sourcesOf(table, role) ?? [];
  const source = sources.find((s) => isNamed(s, name)) ?? sources[0];
  if (!source) return { headers: [], rows: table.rows.slice(1, 1 + PREVIEW_ROWS) };
  const first = source.headerIndex + 1;
  return {
    headers: source.headers,
    rows: table.rows.slice(first, Math.min(first + PREVIEW_ROWS, source.endIndex)),
  };
};

/** The role to show first: one the dialog has a question about, else the customers. */
const firstRole = (
  ambiguous: WorkbookData['ambiguous'],
  unclear: Problem[],
  recognised: WorkbookMapping,
): SheetRole =>
  SHEET_ROLES.find((role) => ambiguous?.[role]) ??
  SHEET_ROLES.find((role) => unclear.some((p) => p.sheet === recognised[role]?.sheet)) ??
  'customers';

const cellText = (cell: CellValue): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');

export function ColumnMappingDialog({
  session,
  recognised,
  stored,
  ambiguous,
  problems = [],
  onSave,
  onCancel,
}: ColumnMappingDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const unclear = problems.filter((p) => p.code === 'mergedHeaderUnclear');
  const [role, setRole] = useState<SheetRole>(() => firstRole(ambiguous, unclear, recognised));
  const [draft, setDraft] = useState<MappingOverrides>(() => overridesFromMapping(recognised, stored));
  const [sheets, setSheets] = useState<string[]>([]);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const sheet = draft.sheets?.[role] ?? '';
  const candidates = ambiguous?.[role] ?? [];
  const sheetOptions = [...sheets, ...candidates.map((c) => c.name).filter((name) => !sheets.includes(name))];
  const questions = unclear.filter((p) => p.sheet === sheet);

  useEffect(() => {
    void session.sheetNames().then(setSheets);
  }, [session]);

  useEffect(() => {
    let current = true;
    setPreview(null);
    if (sheet === '') return;
    const sheetName = candidates.find((c) => c.name === sheet)?.sheet ?? sheet;
    void session.readSheet(sheetName).then((table) => {
      if (current) setPreview(previewOf(table, role, sheet));
    });
    return () => {
      current = false;
    };
  }, [session, sheet, role]);

  const setSheet = (name: string) =>
    setDraft((d) => ({
      sheets: { ...d.sheets, [role]: name || undefined },
      columns: { ...d.columns, [role]: {} },
    }));
  const setColumn = (field: DataField, header: string) =>
    setDraft((d) => ({
      ...d,
      columns: { ...d.columns, [role]: { ...d.columns?.[role], [field]: header || undefined } },
    }));

  return (
    <Dialog open onOpenChange={(_, { open }) => !open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('mappingTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('mappingIntro')}</Text>
            <TabList
              selectedValue={role}
              onTabSelect={(_, { value }) => setRole(value as SheetRole)}
              size="small"
            >
              {SHEET_ROLES.map((r) => (
                <Tab key={r} value={r}>
                  {t(ROLE_LABEL[r])}
                </Tab>
              ))}
            </TabList>
            {candidates.length > 0 && (
              <SheetChoice
                role={t(ROLE_LABEL[role])}
                candidates={candidates}
                value={sheet}
                onChange={setSheet}
              />
            )}
            <Field label={t('mappingSheet')}>
              <Select value={sheet} onChange={(_, { value }) => setSheet(value)}>
                <option value="">{t('mappingNoSheet')}</option>
                {sheetOptions.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            {questions.map((p) => (
              <MergedHeaderQuestion key={p.value} header={p.value ?? ''} span={Number(p.detail)} />
            ))}
            {preview && (
              <>
                <div className={styles.fields}>
                  {MAPPING_FIELDS[role].map((field) => (
                    <Field key={field} label={t(fieldLabel(field))}>
                      <Select
                        value={draft.columns?.[role]?.[field] ?? ''}
                        onChange={(_, { value }) => setColumn(field, value)}
                      >
                        <option value="">{t('mappingNoColumn')}</option>
                        {preview.headers.filter(Boolean).map((header) => (
                          <option key={header} value={header}>
                            {header}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  ))}
                </div>
                <div className={styles.preview}>
                  <Table size="extra-small" aria-label={t('mappingPreview')}>
                    <TableHeader>
                      <TableRow>
                        {preview.headers.map((header, i) => (
                          <TableHeaderCell key={i}>{header}</TableHeaderCell>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {preview.rows.map((row, r) => (
                        <TableRow key={r}>
                          {preview.headers.map((_, c) => (
                            <TableCell key={c}>{cellText(row[c] ?? null)}</TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onSave(compact(draft))}>
              {t('mappingSave')}
            </Button>
            <Button onClick={onCancel}>{t('cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Drops the "not present" choices so the stored mapping holds only what the user chose. */
const compact = (mapping: MappingOverrides): MappingOverrides => ({
  sheets: Object.fromEntries(Object.entries(mapping.sheets ?? {}).filter(([, sheet]) => sheet)),
  columns: Object.fromEntries(
    Object.entries(mapping.columns ?? {})
      .map(([role, fields]) => [
        role,
        Object.fromEntries(Object.entries(fields ?? {}).filter(([, header]) => header)),
      ])
      .filter(([, fields]) => Object.keys(fields).length > 0),
  ),
});
