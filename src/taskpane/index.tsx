import { createRoot } from 'react-dom/client';
import { startPane } from './services/startPane';

// The screens (the components and Fluent UI) are a chunk of their own, asked for at once: its modules run in a
// task of their own, not in the one that runs this bundle, which kept the pane's first task above 300 ms.
const screens = import('./shell/paneElement');
const root = createRoot(document.getElementById('root') as HTMLElement);

void startPane(window.location.search).then(async (start) => {
  const { paneElement } = await screens;
  root.render(paneElement(start));
});
