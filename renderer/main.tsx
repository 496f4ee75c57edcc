import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { App } from './app/App';
import './styles.css';

void initI18n().then(() => createRoot(document.getElementById('root')!).render(<App />));
