/** The store's public surface: one export line per module. */
export { defaultStoreDir, loadStore, type LoadedStore } from './load.js';
export { isPackPath, packLine, readPack, writePack, writePackLines } from './pack.js';
export { loadSignatureFile, parseSignatureText, validateSignatureData, validateSignatureFile, type StoreError, type ValidatedFile } from './signature-file.js';
export { formatSignature, orderSignature, writeSignature } from './write.js';
export { readArticles, type ArticleSource } from './archive.js';
export { runIngest, type IngestOptions, type IngestSummary } from './ingest.js';
export type { ArticleCounts, ArticleResult } from './ingest-article.js';
export { addKnownIssue, knownIssueSignature, nextTeamId, storeFormatOf, type KnownIssueInput } from './known-issue.js';
