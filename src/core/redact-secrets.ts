/**
 * Secret redaction applied before any text reaches a model or a log. Patterns are deliberately broad:
 * a false positive costs a word of context, a false negative leaks a credential to a third party.
 */

const REDACTED = '[redacted]';

/** Each pattern replaces the secret part only, so the sentence around it still reads. */
const PATTERNS: Array<{ name: string; pattern: RegExp; replace: string | ((...m: string[]) => string) }> = [
  {
    name: 'private-key',
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    replace: `[redacted private key]`,
  },
  // OpenAI / Anthropic style keys: sk-..., sk-proj-..., sk-ant-...
  { name: 'sk-key', pattern: /\bsk-[A-Za-z0-9_-]{16,}/g, replace: REDACTED },
  // Slack tokens: xoxb-, xoxp-, xoxa-, xoxs-, xoxe-, app-level xapp-
  { name: 'slack-token', pattern: /\bx(?:ox[abposer]|app)-[A-Za-z0-9-]{10,}/g, replace: REDACTED },
  { name: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b/g, replace: REDACTED },
  {
    name: 'aws-secret',
    pattern: /\b(aws_?secret_?access_?key\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}/gi,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  {
    name: 'github-token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g,
    replace: REDACTED,
  },
  { name: 'google-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: REDACTED },
  { name: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: REDACTED },
  {
    name: 'bearer',
    pattern: /\b(bearer\s+)[A-Za-z0-9._~+/=-]{12,}/gi,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  // scheme://user:password@host — keep the scheme and host, drop the credentials.
  {
    name: 'url-credentials',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s:/@]*:[^\s@/]+@/gi,
    replace: (_m, scheme) => `${scheme}${REDACTED}@`,
  },
  // Connection strings: Password=...; AccountKey=...; SharedAccessKey=...
  {
    name: 'conn-string',
    pattern: /\b((?:password|pwd|accountkey|sharedaccesskey|client_secret)\s*=\s*)[^;\s"']+/gi,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  // key: value / key=value assignments whose name says secret.
  {
    name: 'assignment',
    pattern:
      /\b((?:[a-z0-9_]*(?:password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|private[_-]?key|token))\s*[:=]\s*["']?)([^\s"',;]{6,})/gi,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  // Prose: "the password is hunter2", "my password: hunter2"
  {
    name: 'prose-password',
    pattern: /\b(password\s+(?:is|was)\s+["']?)([^\s"',;]{4,})/gi,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
];

/** Replaces API keys, tokens, passwords, private keys and credentialed URLs in `text` with "[redacted]". */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { pattern, replace } of PATTERNS) {
    out = out.replace(pattern, replace as (substring: string, ...args: string[]) => string);
  }
  return out;
}

/** True when `text` contains something `redactSecrets` would remove. */
export function containsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}
