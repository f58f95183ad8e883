/**
 * Coded errors. Callers branch on `code`, never on the message; context rides on
 * the error as data. Adapters (CLI, Slack) turn these into friendly text at the edge.
 */
export const ErrorCode = {
  ConfigInvalid: 'config_invalid',
  SignatureInvalid: 'signature_invalid',
  StoreUnreadable: 'store_unreadable',
  ArticleRejected: 'article_rejected',
  RuleListInvalid: 'rule_list_invalid',
  BadReference: 'bad_reference',
  NotFound: 'not_found',
  Usage: 'usage',
  StateUnavailable: 'state_unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class KbBotError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KbBotError';
    this.code = code;
    this.details = details;
  }
}

/** Wraps anything thrown into a KbBotError once, at the edge, keeping the original as `cause`. */
export function asKbBotError(error: unknown, code: ErrorCode = ErrorCode.Usage): KbBotError {
  if (error instanceof KbBotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new KbBotError(code, message, {}, { cause: error });
}
