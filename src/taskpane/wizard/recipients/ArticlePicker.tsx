import { useEffect, useMemo, useState } from 'react';
import { Button, Field, Input, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PurchasedArticlesSelection } from '../../../core/campaign/campaign';
import type { Article } from '../../../core/kernel/model';
import { useI18n } from '../../../i18n/useI18n';
import { VirtualCheckList } from './VirtualCheckList';
import { useNarrowStyles } from '../../shell/narrowStyles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  count: { flexGrow: 1 },
});

export interface ArticlePickerProps {
  articles: readonly Article[];
  onChange(selection: PurchasedArticlesSelection | null): void;
}

const label = (article: Article): string =>
  [article.articleNo, article.articleName].filter(Boolean).join(' · ');

/** The article number identifies an article; without one, its name does. */
const articleRef = (article: Article): string => article.articleNo || article.articleName;

export function ArticlePicker({ articles, onChange }: ArticlePickerProps) {
  const styles = useStyles();
  const narrow = useNarrowStyles();
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [minQuantity, setMinQuantity] = useState('');
  const visible = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return articles.flatMap((article, i) => {
      const text = `${label(article)} ${article.category}`.toLowerCase();
      return words.every((word) => text.includes(word)) ? [i] : [];
    });
  }, [articles, search]);

  const selectFiltered = () => setSelected((current) => new Set([...current, ...visible]));

  useEffect(() => {
    if (selected.size === 0) {
      onChange(null);
      return;
    }
    const quantity = Number(minQuantity.replace(',', '.'));
    onChange({
      from: 'purchasedArticles',
      articles: [...selected].map((i) => articleRef(articles[i])),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(minQuantity.trim() && Number.isFinite(quantity) && quantity > 0 ? { minQuantity: quantity } : {}),
    });
  }, [articles, minQuantity, onChange, selected, since, until]);

  return (
    <div className={styles.root}>
      <SearchBox
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        value={search}
        onChange={(_, { value }) => setSearch(value)}
      />
      <div className={styles.bar}>
        <Text className={styles.count} aria-live="polite">
          {t('selectedCount', { selected: selected.size, total: articles.length })}
        </Text>
        <Button size="small" onClick={selectFiltered} disabled={visible.length === 0}>
          {t('selectAllFiltered', { count: visible.length })}
        </Button>
        <Button size="small" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
          {t('clearSelection')}
        </Button>
      </div>
      {visible.length === 0 ? (
        <Text>{t('noRows')}</Text>
      ) : (
        <VirtualCheckList
          count={visible.length}
          label={t('articleList')}
          rowLines={(row) => [label(articles[visible[row]]), articles[visible[row]].category]}
          isChecked={(row) => selected.has(visible[row])}
          onToggle={(row, checked) =>
            setSelected((current) => {
              const next = new Set(current);
              if (checked) next.add(visible[row]);
              else next.delete(visible[row]);
              return next;
            })
          }
          onSelectAll={selectFiltered}
        />
      )}
      <div className={narrow.fieldGrid}>
        <Field label={t('articleSince')}>
          <Input type="date" size="small" value={since} onChange={(_, { value }) => setSince(value)} />
        </Field>
        <Field label={t('articleUntil')}>
          <Input type="date" size="small" value={until} onChange={(_, { value }) => setUntil(value)} />
        </Field>
        <Field label={t('articleMinQuantity')}>
          <Input
            type="number"
            min={0}
            size="small"
            value={minQuantity}
            onChange={(_, { value }) => setMinQuantity(value)}
          />
        </Field>
      </div>
    </div>
  );
}
