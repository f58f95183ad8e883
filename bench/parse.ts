/** The message reader the bench feeds: trace/'s parseMessage, exactly as the bot uses it. */
export { parseMessage } from '../src/trace/index.js';
