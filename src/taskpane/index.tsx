import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { ExcelTooOld } from './shell/ExcelTooOld';
import { PaneSession } from './services/paneSession';
import { startPane } from './services/startPane';
import { createPreviewer } from './services/createPreviewer';

const root = createRoot(document.getElementById('root') as HTMLElement);

void startPane(window.location.search).then((start) => {
  root.render(
    start.mode === 'excelTooOld' ? (
      <ExcelTooOld language={start.language} />
    ) : (
      <App
        session={
          new PaneSession(start.port, start.language, { previewer: createPreviewer(), now: start.now })
        }
        mode={start.mode}
        theme={start.theme}
      />
    ),
  );
});
