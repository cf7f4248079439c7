import { createRoot } from 'react-dom/client';
import { App } from './app.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element.');
createRoot(root).render(<App />);
