import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setEngineSetup } from '../engine';
import { createSchema } from '../p3dn/importer';
import { createRealisasiSchema } from '../p3dn/realisasi-views';
import { App } from './App';
import { AppProviders } from './providers';
import './styles.css';

// The canonical schema is created once, when the engine first starts.
setEngineSetup(async (engine) => {
  await createSchema(engine);
  await createRealisasiSchema(engine);
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <App />
    </AppProviders>
  </StrictMode>,
);
