import { createRoot } from 'react-dom/client';
import { Options } from '../../ui/Options';
import '../../ui/styles.css';

createRoot(document.getElementById('root')!).render(<Options />);
