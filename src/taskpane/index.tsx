import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { PaneSession } from './services/paneSession';
import { startPane } from './services/startPane';
import { createPreviewer } from './services/createPreviewer';

const root = createRoot(document.getElementById('root') as HTMLElement);

void startPane(window.location.search).then(({ port, language, mode }) => {
  root.render(
    <App session={new PaneSession(port, language, { previewer: createPreviewer() })} mode={mode} />,
  );
});
