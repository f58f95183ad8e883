/** The store's public surface: one export line per module. */
export { defaultStoreDir, loadStore, parseSignatureText, validateSignatureFile, type LoadedStore, type StoreError, type ValidatedFile } from './load.js';
export { formatSignature, orderSignature, writeSignature } from './write.js';
