/**
 * The longest message text read from a paste (a message box or a wrapped popup is shorter). Its own module
 * because the paste reader (error-messages.ts) and the chat reader it calls (chat-clause.ts) both bound by it,
 * and the chat reader importing it from the paste reader would make an import cycle.
 */
export const MAX_MESSAGE = 600;
