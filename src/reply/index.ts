/** Pure reply builders: Block Kit within Slack's limits, plus the console's text rendering. */
export type { Reply } from './types.js';
export { buildArticleCard, buildUnknownArticleReply } from './article.js';
export { buildFilesReply, buildFixReply, buildRelatedReply, buildRollbackReply, buildVersionCheckReply } from './details.js';
export * from './ids.js';
export { clipMrkdwn, countText, fitBlocks, fitReply, SLACK_LIMITS, type FitOptions } from './limits.js';
export { buildMatchReply, buildNoneReply, buildOthersReply, buildPossibleReply, versionCheckLine, type CandidateLine, type MatchReplyInput } from './match.js';
export { buildHelpReply, buildHomeView, buildNotice, buildSearchReply, withShareButton, type SearchHit, type StoreStats } from './misc.js';
export { normalizePlatform, platformAlias } from './platforms.js';
export { mrkdwnToPlain, renderText } from './render-text.js';
export { escapeMrkdwn, kbUrl } from './text.js';
export { buildWhyReply } from './why.js';
export { buildCorrectionModal, buildRecordedNotice, buildRecordModal, decodeRecordMeta, encodeRecordMeta, originLine, votesLine, withRecordButton, type CorrectionMeta, type RecordMeta, type RecordPrefill } from './record.js';
