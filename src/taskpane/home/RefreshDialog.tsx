import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusSource,
} from '@fluentui/react-components';
import {
  REFRESH_CATEGORIES,
  isOptional,
  type RefreshCategory,
  type RefreshChange,
} from '../../core/run/refresh';
import { useI18n } from '../../i18n/useI18n';
import type { RefreshPreview } from '../services/paneSession';
import { useNarrowStyles } from '../shell/narrowStyles';

/** Rows shown per category: a refresh of thousands lists the first ones and counts the rest (they go with "alle"). */
export const REFRESH_ROWS_SHOWN = 100;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', minWidth: 0 },
  row: { minWidth: 0, padding: `${tokens.spacingVerticalXXS} 0` },
  // the tick and a label that shortens with an ellipsis instead of running past the dialog
  pick: { display: 'flex', minWidth: 0, maxWidth: '100%' },
  pickLabel: { display: 'flex', flexGrow: 1, minWidth: 0, overflow: 'hidden' },
  // three buttons side by side need the dialog's whole width (Fluent gives the actions only its last columns)
  actions: { flexWrap: 'wrap', justifyContent: 'flex-end' },
});

export interface RefreshDialogProps {
  name: string;
  preview: RefreshPreview;
  /** `declined`: the keys of the new matches the user unticked. */
  onAccept(declined: ReadonlySet<string>): void;
  onCancel(): void;
}

/**
 * "Aktualisieren": what changed since the campaign was last used, by category. Only new matches carry a tick (all on);
 * who leaves is listed with why, because leaving is not optional (core/run/refresh.ts isOptional).
 */
export function RefreshDialog({ name, preview, onAccept, onCancel }: RefreshDialogProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const { t, reason: reasonText, formatFigure } = useI18n();
  const restoreFocusSource = useRestoreFocusSource();
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const { diff } = preview;
  const toggle = (key: string, on: boolean) =>
    setDeclined((before) => {
      const next = new Set(before);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  const why = (change: RefreshChange): string => {
    const where = change.where ? t('excludedWhere', change.where) : '';
    if (change.category === 'added') return where;
    if (!change.reason) return t('refreshGone');
    const about = change.contact && {
      campaign: change.contact.campaign,
      date: formatFigure({ kind: 'day', value: change.contact.day }),
    };
    const contact = about
      ? ` · ${t(change.reason === 'controlGroupProtected' ? 'excludedProtectedBy' : 'excludedLastContact', about)}`
      : '';
    return `${reasonText(change.reason)}${contact} · ${where}`;
  };

  const row = (change: RefreshChange) => {
    const second = why(change);
    if (isOptional(change))
      return (
        <li key={`${change.category}|${change.key}`} className={styles.row}>
          <Checkbox
            className={styles.pick}
            checked={!declined.has(change.key)}
            onChange={(_, data) => toggle(change.key, data.checked === true)}
            label={{
              className: styles.pickLabel,
              children: (
                <span className={narrow.twoLines} title={`${change.name}\n${second}`}>
                  <span className={narrow.oneLine}>{change.name}</span>
                  <span className={mergeClasses(narrow.oneLine, narrow.secondary)}>{second}</span>
                </span>
              ),
            }}
          />
        </li>
      );
    return (
      <li key={`${change.category}|${change.key}`} className={mergeClasses(styles.row, narrow.twoLines)}>
        <span className={narrow.oneLine} title={change.name}>
          {change.name}
        </span>
        <span className={mergeClasses(narrow.oneLine, narrow.secondary)} title={second}>
          {second}
        </span>
      </li>
    );
  };

  const section = (category: RefreshCategory) => {
    const changes = diff.changes.filter((change) => change.category === category);
    if (changes.length === 0) return null;
    const headingId = `refresh-${category}`;
    const rest = changes.length - REFRESH_ROWS_SHOWN;
    return (
      <section key={category} className={styles.section} aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.heading}>
          {t(`refresh_${category}`, { count: changes.length })}
        </h3>
        {category !== 'added' && <Text className={narrow.secondary}>{t('refreshLeaving')}</Text>}
        <ul className={styles.list} aria-labelledby={headingId} data-testid={`refresh-${category}`}>
          {changes.slice(0, REFRESH_ROWS_SHOWN).map(row)}
        </ul>
        {rest > 0 && <Text className={narrow.secondary}>{t('summaryMoreExcluded', { count: rest })}</Text>}
      </section>
    );
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, { open }) => !open && onCancel()}>
      <DialogSurface {...restoreFocusSource} data-testid="refresh-dialog">
        <DialogBody>
          <DialogTitle>{t('refreshTitle', { name })}</DialogTitle>
          {/* a long list scrolls: the keyboard must be able to reach and scroll it (axe scrollable-region-focusable) */}
          <DialogContent className={styles.content} tabIndex={0} aria-label={t('refreshTitle', { name })}>
            <Text weight="semibold">
              {t('refreshHeadline', { before: diff.before, after: diff.after, unchanged: diff.unchanged })}
            </Text>
            {diff.changes.length === 0 ? (
              <Text>{t('refreshNothing')}</Text>
            ) : (
              <>
                <Text className={narrow.secondary}>{t('refreshIntro')}</Text>
                {REFRESH_CATEGORIES.map(section)}
              </>
            )}
          </DialogContent>
          <DialogActions fluid className={styles.actions}>
            {diff.changes.length === 0 ? (
              // nothing to take over: the group as used is the group of today
              <Button className={narrow.noShrink} onClick={onCancel}>
                {t('close')}
              </Button>
            ) : (
              <>
                <Button appearance="primary" className={narrow.noShrink} onClick={() => onAccept(new Set())}>
                  {t('refreshAcceptAll')}
                </Button>
                <Button className={narrow.noShrink} onClick={() => onAccept(declined)}>
                  {t('refreshAcceptPicked')}
                </Button>
                <Button className={narrow.noShrink} onClick={onCancel}>
                  {t('cancel')}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
