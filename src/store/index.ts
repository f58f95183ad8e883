/** The store's public surface: one export line per module. */
export { defaultStoreDir, loadStore, type LoadedStore } from './load.js';
export { loadSignatureFile, parseSignatureText, validateSignatureFile, type StoreError, type ValidatedFile } from './signature-file.js';
export { formatSignature, orderSignature, writeSignature } from './write.js';
