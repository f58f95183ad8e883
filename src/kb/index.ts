/** The KB article parser's public surface. */
export { parseArticle } from './article.js';
export { parseFileTables, type FileTables } from './file-table.js';
