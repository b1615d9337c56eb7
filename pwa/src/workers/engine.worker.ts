/// <reference lib="webworker" />
/**
 * The engine's worker: reading, reconciling and exporting happen here, never on the page.
 * The page talks to it through Comlink (see lib/engine-client.ts).
 */
import { expose } from 'comlink';
import { getDb } from '../db/schema.ts';
import { Engine } from '../engine/engine.ts';

const engine = new Engine(getDb());
expose(engine);

export type { Engine };
