import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>援知 · 工作台</h1>);
