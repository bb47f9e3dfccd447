import { useState, type FormEvent } from 'react';
import {
  Button,
  Field,
  Input,
  Link,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { formatDay } from '../../core/kernel/formats';
import { CHANNEL_LABELS, GROUP_LABELS } from '../../core/read/contactHistory';
import type { ForgetPlan } from '../../core/run/forgetRun';
import type { PersonCampaign, PersonFound, PersonQuery, PersonRows } from '../../core/run/personRun';
import { useI18n } from '../../i18n/useI18n';
import type { PaneSession } from '../services/paneSession';
import { failureText, problemsText } from '../services/problemText';
import { ActionFeedback, type ActionResult } from '../shell/ActionFeedback';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useNarrowStyles } from '../shell/narrowStyles';
import { PERSON_KIND_KEYS } from '../../i18n/personKinds';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  person: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subheading: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  rows: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
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

type Forgetting =
  | { status: 'idle' }
  | { status: 'planning'; person: PersonFound }
  | { status: 'asking'; person: PersonFound; plan: ForgetPlan }
  | { status: 'running'; person: PersonFound }
  | { status: 'done'; result: ActionResult }
  | { status: 'failed'; person: PersonFound; message: string };

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
  const restoreFocusTarget = useRestoreFocusTarget();
  const [text, setText] = useState('');
  const [firm, setFirm] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [forgetting, setForgetting] = useState<Forgetting>({ status: 'idle' });
  const [showFailure, setShowFailure] = useState<string | null>(null);
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

  const ask = async (person: PersonFound) => {
    setForgetting({ status: 'planning', person });
    try {
      const plan = await session.planForget({ key: person.keys[0] });
      setForgetting(
        plan.ok
          ? { status: 'asking', person, plan: plan.value }
          : { status: 'failed', person, message: problemsText(plan.error, language) },
      );
    } catch (error) {
      setForgetting({ status: 'failed', person, message: failureText(error, language) });
    }
  };

  const forget = async (person: PersonFound) => {
    setForgetting({ status: 'running', person });
    try {
      const done = await session.forgetPerson({ key: person.keys[0] });
      if (!done.ok) {
        setForgetting({ status: 'failed', person, message: problemsText(done.error, language) });
        return;
      }
      const rows = done.value.done.reduce((sum, d) => sum + d.rows.length, 0);
      const remaining = done.value.remaining.map((r) => r.sheet).join(', ');
      setForgetting({
        status: 'done',
        result: {
          intent: 'success',
          text: [
            t('forgotten', { name: person.name, rows }),
            remaining ? t('forgottenRemaining', { sheets: remaining }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        },
      });
      setSearch({ status: 'idle' });
    } catch (error) {
      setForgetting({ status: 'failed', person, message: failureText(error, language) });
    }
  };

  const show = (sheet: string, row: number) => {
    setShowFailure(null);
    showRow?.(sheet, row).catch((error: unknown) => setShowFailure(failureText(error, language)));
  };

  const campaignLine = ({ campaign, group, uses }: PersonCampaign): string => {
    const days = [...new Set(uses.map((use) => use.day))].map((day) => {
      const channels = uses
        .filter((use) => use.day === day && use.channel)
        .map((use) => CHANNEL_LABELS[language][use.channel!]);
      return `${formatDay(day, language)}${channels.length > 0 ? ` (${channels.join(', ')})` : ''}`;
    });
    return t('personCampaign', {
      campaign,
      group: GROUP_LABELS[language][group],
      uses: days.length > 0 ? days.join(', ') : t('personNoUses'),
    }).trim();
  };

  const rowsItem = ({ sheet, kind, rows }: PersonRows) => (
    <li key={`${kind}|${sheet}`}>
      <span>
        {t(rows.length === 1 ? 'personSheetKind' : 'personSheetKindMany', {
          sheet,
          kind: t(PERSON_KIND_KEYS[kind]),
        })}{' '}
      </span>
      <span className={styles.rows}>
        {rows.map((row) =>
          showRow ? (
            <Link
              key={row}
              as="button"
              appearance="subtle"
              inline
              aria-label={t('showRowLabel', { where: t('excludedWhere', { sheet, row }) })}
              onClick={() => show(sheet, row)}
            >
              {row}
            </Link>
          ) : (
            <span key={row}>{row}</span>
          ),
        )}
      </span>
    </li>
  );

  const forgetResult: ActionResult | null =
    forgetting.status === 'done'
      ? forgetting.result
      : forgetting.status === 'failed'
        ? { intent: 'error', title: t('forgetFailedTitle'), text: forgetting.message }
        : null;

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
        busy={forgetting.status === 'running' || forgetting.status === 'planning'}
        busyLabel={forgetting.status === 'planning' ? t('personSearching') : t('forgetting')}
        result={forgetResult}
        onRetry={() => forgetting.status === 'failed' && void ask(forgetting.person)}
        onDismiss={() => setForgetting({ status: 'idle' })}
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
            <li key={person.keys[0]} className={styles.person}>
              <Text className={styles.name}>
                {person.email ? `${person.name} <${person.email}>` : person.name}
              </Text>
              <Text className={styles.subheading}>
                {t('personCampaigns', { count: person.campaigns.length })}
              </Text>
              {person.campaigns.length > 0 && (
                <ul className={styles.list}>
                  {person.campaigns.map((campaign) => (
                    <li key={campaign.campaign}>{campaignLine(campaign)}</li>
                  ))}
                </ul>
              )}
              <Text className={styles.subheading}>{t('personRows')}</Text>
              <ul className={styles.list}>{person.rows.map(rowsItem)}</ul>
              <div>
                <Button
                  size="small"
                  disabled={
                    !session.canSave || forgetting.status === 'running' || forgetting.status === 'planning'
                  }
                  onClick={() => void ask(person)}
                  {...restoreFocusTarget}
                >
                  {t('forgetButton')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {forgetting.status === 'asking' && (
        <ConfirmDialog
          title={t('forgetTitle', { name: forgetting.person.name })}
          body={forgetBody(forgetting.plan, t)}
          confirmLabel={t('forgetConfirm')}
          onCancel={() => setForgetting({ status: 'idle' })}
          onConfirm={() => void forget(forgetting.person)}
        />
      )}
    </section>
  );
}

/** What the question says: how much goes, what the Sperrliste keeps, what stays for the user to decide. */
const forgetBody = (plan: ForgetPlan, t: ReturnType<typeof useI18n>['t']): string => {
  const rows = plan.deletions.reduce((sum, d) => sum + d.rows.length, 0);
  const remaining = plan.remaining.map((r) => r.sheet).join(', ');
  return [
    t('forgetBodyRemoves', { campaigns: plan.campaigns.length, rows }),
    t('forgetBodyBlocklist'),
    remaining ? t('forgetBodyRemaining', { sheets: remaining }) : '',
    t('forgetBodyFinal'),
  ]
    .filter(Boolean)
    .join(' ');
};
