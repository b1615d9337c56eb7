/** @raccord/core: parsers, model, matcher, checks, exporters. No DOM, no browser or Node API. */
export * from './model/types.js';
export * from './model/names.js';
export * from './model/dates.js';
export * from './model/counts.js';
export * from './model/dataset.js';
export * from './model/guardians.js';
export * from './util/errors.js';
export { decodeText, decodeXml } from './util/encoding.js';
export { parseTable, headerSignature, type Table } from './util/table.js';
export * from './formats/types.js';
export { readFile, isZip, DEFAULT_MAX_BYTES } from './formats/read.js';
export * from './match/types.js';
export * from './checks/types.js';
export * from './reconcile.js';
export * from './bridge/protocol.js';
