/** The matcher's public surface. */
export { buildIndex, idfWeight, type MatchIndex } from './build.js';
export { MATCH_THRESHOLD, POSSIBLE_THRESHOLD, TIE_MARGIN, crashSiteAnswer, decideVerdict, matchMessage, rankCandidates, type RankedCandidate, type SiteAnswer } from './match.js';
export { SITE_FRAMES } from './crash-site.js';
export { defaultRulesDir, loadRules, parseFrameRules, parseModuleRules, type Rules } from './rules.js';
export { searchText, warmIndex, type SearchHit } from './search.js';
export { checkVersions } from './versions.js';
export { CLUE_MATCH_THRESHOLD } from './clue-match.js';
export { CLUE_POSSIBLE, matchClues, matchMessageClues, rankClueCandidates, rankMessageCandidates } from './clue-answer.js';
export { MESSAGE_MATCH_THRESHOLD, messageVerdict } from './message-match.js';
export { loadBugcheckNames, parseBugcheckNames, type BugcheckNames } from './bugchecks.js';
export { identifyingTraces, IDENTIFYING_FRAMES, IDENTIFYING_TRACES } from './identify.js';
export { applyVotes, crashFingerprint, tallyVotes, traceFingerprint, FINGERPRINT_FRAMES, type Tally, type VoteBook } from './votes.js';
