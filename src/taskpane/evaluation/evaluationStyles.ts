import { makeStyles, tokens } from '@fluentui/react-components';

/** The look the sections of the evaluation view share: headings, hints, tables with figures aligned right. */
export const useEvaluationStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  number: { textAlign: 'end' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
