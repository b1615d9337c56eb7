/** Every feature that runs on portal pages. One folder per feature. */
import { autofill } from './autofill';
import { capture } from './capture';
import { entngIds } from './entng-ids';
import { highlight } from './highlight';
import type { Feature } from './types';

export const FEATURES: readonly Feature[] = [capture, autofill, entngIds, highlight];
