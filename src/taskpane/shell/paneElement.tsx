import type { ReactElement } from 'react';
import { PaneSession } from '../services/paneSession';
import type { PaneStart } from '../services/startPane';
import { createPreviewer } from '../services/createPreviewer';
import { App } from './App';
import { ExcelTooOld } from './ExcelTooOld';

/** What the pane shows for how it started: the add-in on its workbook, or the sentence that Excel is too old. */
export const paneElement = (start: PaneStart): ReactElement =>
  start.mode === 'excelTooOld' ? (
    <ExcelTooOld language={start.language} />
  ) : (
    <App
      session={new PaneSession(start.port, start.language, { previewer: createPreviewer(), now: start.now })}
      mode={start.mode}
      theme={start.theme}
    />
  );
