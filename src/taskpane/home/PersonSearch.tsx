import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonFound, PersonQuery } from '../../core/run/personRun';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { failureText, problemsText } from '../services/problemText';
import { ActionFeedback } from '../shell/ActionFeedback';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useNarrowStyles } from '../shell/narrowStyles';
import { PersonAnswer } from './PersonAnswer';
import { forgetBody, useForgetPerson } from './useForgetPerson';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  people: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** What the box holds as a query: an address when it has an "@", else a name (at the firm, if one is given). */
export const queryOf = (text: string, firm: string): PersonQuery | null => {
  const what = text.trim();
  if (what === '') return null;
  if (what.includes('@')) return { email: what };
  return { name: what, ...(firm.trim() ? { firm: firm.trim() } : {}) };
};

type Search =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; query: string; people: PersonFound[] }
  | { status: 'failed'; message: string };

export interface PersonSearchProps {
  session: PaneSession;
}

/**
 * The answer to a request under Art. 15 DSGVO from the home screen — every campaign a person was in, when, in which
 * group, and every sheet and row that names them (each row a link that shows it in Excel) — and "Person löschen"
 * (Art. 17): what goes and what stays is asked first.
 */
export function PersonSearch({ session }: PersonSearchProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [firm, setFirm] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [showFailure, setShowFailure] = useState<string | null>(null);
  const erasure = useForgetPerson(session, () => setSearch({ status: 'idle' }));
  const { forgetting } = erasure;
  const showRow = session.showRow;

  const run = async (query: PersonQuery, label: string) => {
    setSearch({ status: 'running' });
    try {
      const found = await session.findPerson(query);
      setSearch(
        found.ok
          ? { status: 'done', query: label, people: found.value }
          : { status: 'failed', message: problemsText(found.error, language) },
      );
    } catch (error) {
      setSearch({ status: 'failed', message: failureText(error, language) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = queryOf(text, firm);
    if (query) void run(query, [text.trim(), firm.trim()].filter(Boolean).join(', '));
  };

  const show = (sheet: string, row: number) => {
    setShowFailure(null);
    showRow?.(sheet, row).catch((error: unknown) => setShowFailure(failureText(error, language)));
  };

  return (
    <section className={styles.root} aria-label={t('personSearchTitle')}>
      <form className={styles.form} onSubmit={submit} role="search">
        <div className={narrow.fieldGrid}>
          <Field label={t('personSearchLabel')}>
            <Input value={text} onChange={(_, data) => setText(data.value)} />
          </Field>
          <Field label={t('personFirmLabel')}>
            <Input value={firm} disabled={text.includes('@')} onChange={(_, data) => setFirm(data.value)} />
          </Field>
        </div>
        <div>
          <Button type="submit" disabled={queryOf(text, firm) === null || search.status === 'running'}>
            {t('personSearchButton')}
          </Button>
        </div>
      </form>
      <ActionFeedback
        busy={search.status === 'running'}
        busyLabel={t('personSearching')}
        result={search.status === 'failed' ? { intent: 'error', text: search.message } : null}
        onDismiss={() => setSearch({ status: 'idle' })}
        testId="person-search-failed"
      />
      <ActionFeedback
        busy={erasure.busy}
        busyLabel={forgetting.status === 'planning' ? t('personSearching') : t('forgetting')}
        result={erasure.result}
        onRetry={erasure.retry}
        onDismiss={erasure.dismiss}
        testId="forget-outcome"
      />
      <ActionFeedback
        result={showFailure ? { intent: 'error', title: t('rowNotShown'), text: showFailure } : null}
        onDismiss={() => setShowFailure(null)}
        testId="person-row-not-shown"
      />
      {search.status === 'done' && search.people.length === 0 && (
        <Text data-testid="person-none">{t('personSearchNone', { query: search.query })}</Text>
      )}
      {search.status === 'done' && search.people.length > 0 && (
        <ul className={styles.people} aria-label={t('personResults')} data-testid="person-results">
          {search.people.map((person) => (
            <PersonAnswer
              key={person.keys[0]}
              person={person}
              {...(showRow ? { onShowRow: show } : {})}
              onForget={(found) => void erasure.ask(found)}
              forgetDisabled={!session.canSave || erasure.busy}
            />
          ))}
        </ul>
      )}
      {forgetting.status === 'asking' && (
        <ConfirmDialog
          title={t('forgetTitle', { name: forgetting.person.name })}
          body={forgetBody(forgetting.plan, t)}
          confirmLabel={t('forgetConfirm')}
          onCancel={erasure.dismiss}
          onConfirm={() => void erasure.forget(forgetting.person)}
        />
      )}
    </section>
  );
}
