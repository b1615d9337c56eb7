/// <reference lib="webworker" />
/**
 * The engine's worker: reading, reconciling and exporting happen here, never on the page.
 * The page talks to it through Comlink (see lib/engine-client.ts).
 */
import { expose } from 'comlink';
import { getDb } from '../db/schema.ts';
import { Engine } from '../engine/engine.ts';
import { workerReaders } from '../engine/readers.ts';

/** One parser per core (at most 4): the engine waits on them, the page stays free. */
const parsers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
const engine = new Engine(getDb(), undefined, workerReaders(parsers));
expose(engine);

export type { Engine };
