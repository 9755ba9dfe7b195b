import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>援知 · 知识产权维权援助</h1>);
