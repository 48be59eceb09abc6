/**
 * User text reaches a model only as delimited, redacted data: secrets are removed and any delimiter the
 * user typed is neutralised so text cannot "close" the data block and continue as instructions.
 */
import { redactSecrets } from '../redact-secrets.js';

/** Wraps redacted user text in <user_data> tags (the system prompt says to treat it as data only). */
export function asUserData(text: string, maxChars = 6_000): string {
  const clipped = text.length > maxChars ? `${text.slice(0, maxChars)} …[truncated]` : text;
  const safe = redactSecrets(clipped).replace(/<\s*(\/?)\s*user_data\s*>/gi, '‹$1user_data›');
  return `<user_data>\n${safe}\n</user_data>`;
}
