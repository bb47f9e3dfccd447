import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from './i18n';

export const I18nContext = createContext<Translator>(createTranslator('de'));

export const useI18n = (): Translator => useContext(I18nContext);
