/**
 * Secret redaction applied before any text reaches a model, a log line with message bodies, or a stored
 * web transcript. Rules cover provider key formats (OpenAI/Anthropic `sk-`, Stripe `sk_live_`, Slack,
 * AWS, GitHub, GitLab, npm, Hugging Face, Google, SendGrid), JWTs, PEM private keys, bare hex keys of 32+
 * characters, long mixed-case random strings, credentials inside URLs and connection strings, and
 * passwords written in prose ("the password is: hunter2", "admin pwd: Winter2024!").
 *
 * Deliberately kept: UUIDs (identifiers such as tenant or request ids, not credentials, unless written as
 * the value of a secret-named field), 40-hex git commit SHAs and `sha256:` digests, numbers, and URLs
 * without credentials. A false positive costs a word of context; a false negative leaks a credential to a
 * third party, so the rules lean broad. ADR 0085 records the rules and the library comparison.
 */

const REDACTED = '[redacted]';

type Replace = string | ((match: string, ...groups: string[]) => string);

/** Keeps the named prefix (group 1) and drops the secret after it. */
const keepPrefix: Replace = (_m, prefix) => `${prefix}${REDACTED}`;

/**
 * Words that follow "password is" in ordinary talk about passwords ("the password is stored in Vault",
 * "the password is rotated monthly"): they are not the password.
 */
const NOT_A_SECRET =
  '(?!(?:a|an|the|not|never|always|only|also|still|now|then|just|very|too|so|being|been|kept|stored|managed|rotated|set|reset|changed|hashed|encrypted|salted|required|needed|optional|missing|wrong|correct|invalid|expired|weak|strong|long|short|secure|secret|shared|same|different|empty|blank|none|null|unknown|there|here|in|on|at|for|from|to|with|by|of|per|via|held|handled|checked|validated|generated|sent|given|known|what|which|that|this|it|where|how|why|who|when|and|or|but)(?![\\w-]))';

/** Secret nouns a person names before giving the value in prose or in key: value form. */
const SECRET_NOUN =
  '(?:pass(?:word|wd|phrase|code)|pwd|api[ _-]?key|secret[ _-]?key|access[ _-]?key|client[ _-]?secret|private[ _-]?key|auth[ _-]?token|access[ _-]?token|bearer token|token|secret)';

const PATTERNS: Array<{ name: string; pattern: RegExp; replace: Replace }> = [
  {
    name: 'private-key',
    pattern:
      /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    replace: '[redacted private key]',
  },
  // OpenAI / Anthropic / DeepSeek style keys: sk-..., sk-proj-..., sk-ant-...
  { name: 'sk-key', pattern: /\bsk-[A-Za-z0-9_-]{16,}/g, replace: REDACTED },
  // Stripe secret and restricted keys, webhook secrets.
  { name: 'stripe', pattern: /\b(?:[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{16,})/g, replace: REDACTED },
  // Slack tokens: xoxb-, xoxp-, xoxa-, xoxs-, xoxe-, app-level xapp-; incoming webhooks.
  { name: 'slack-token', pattern: /\bx(?:ox[abposer]|app)-[A-Za-z0-9-]{10,}/g, replace: REDACTED },
  {
    name: 'slack-webhook',
    pattern: /(hooks\.slack\.com\/services\/)[A-Za-z0-9/]+/g,
    replace: keepPrefix,
  },
  { name: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b/g, replace: REDACTED },
  {
    name: 'aws-secret',
    pattern: /\b(aws_?secret_?access_?key\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}/gi,
    replace: keepPrefix,
  },
  {
    name: 'vendor-token',
    pattern:
      /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})/g,
    replace: REDACTED,
  },
  { name: 'google-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, replace: REDACTED },
  { name: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: REDACTED },
  {
    name: 'authorization',
    pattern: /\b((?:bearer|basic|token)\s+)[A-Za-z0-9._~+/=-]{12,}/gi,
    replace: keepPrefix,
  },
  // scheme://user:password@host — keep the scheme and host, drop the credentials.
  {
    name: 'url-credentials',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s:/@]*:[^\s@/]+@/gi,
    replace: (_m, scheme) => `${scheme}${REDACTED}@`,
  },
  // Secret-named query parameters: ?password=…, &sig=…, ?api_key=…
  {
    name: 'query-secret',
    pattern:
      /([?&](?:password|passwd|pwd|pass|secret|client_secret|token|access_token|api[_-]?key|apikey|key|sig|signature)=)[^&\s#"']+/gi,
    replace: keepPrefix,
  },
  // Connection strings: Password=...; AccountKey=...; SharedAccessKey=...
  {
    name: 'conn-string',
    pattern: /\b((?:password|pwd|accountkey|sharedaccesskey|client_secret)\s*=\s*)[^;\s"']+/gi,
    replace: keepPrefix,
  },
  // key: value / key=value assignments whose name says secret (DB_PASSWORD=…, "api_key": "…").
  {
    name: 'assignment',
    pattern: new RegExp(`\\b((?:[a-z0-9_]*${SECRET_NOUN})["']?\\s*[:=]\\s*["']?)${NOT_A_SECRET}([^\\s"',;]{6,})`, 'gi'),
    replace: keepPrefix,
  },
  // Prose: "the password is hunter2", "password is: X", "the passphrase was correct-horse",
  // "the password for the admin account is X", "our API key is 3f9a…".
  {
    name: 'prose-secret',
    pattern: new RegExp(
      `\\b(${SECRET_NOUN}(?:\\s+(?:for|of|to|on)(?:\\s+[\\w-]+){1,3}?)?\\s+(?:is|was|=|are|reads)\\s*:?\\s*["'\`]?)${NOT_A_SECRET}([^\\s"'\`,;]{4,})`,
      'gi',
    ),
    replace: (m, prefix, value) => (value && isSecretLike(m, value) ? `${prefix}${REDACTED}` : m),
  },
  // Bare hex keys (Azure OpenAI keys are 32 hex): 32+ hex characters, except a 40-hex git SHA and a
  // digest written as sha256:… / sha1:….
  {
    name: 'hex-key',
    pattern: /(?<![\w:/.-])(?<!sha\d*[:=-])[0-9a-f]{32,}(?![\w-])/gi,
    replace: (m) => (m.length === 40 || !/[0-9]/.test(m) || !/[a-f]/i.test(m) ? m : REDACTED),
  },
  // Long random strings: 32+ characters mixing upper case, lower case and digits, not inside a path.
  {
    name: 'random-string',
    pattern: /(?<![\w/.@-])[A-Za-z0-9+/_=-]{32,}/g,
    replace: (m) => (looksRandom(m) ? REDACTED : m),
  },
];

/** A prose password may be any word; other secret nouns ("token", "secret") need a key-like value. */
function isSecretLike(match: string, value: string): boolean {
  if (/\bpass(?:word|wd|phrase|code)\b|\bpwd\b/i.test(match)) return true;
  return value.length >= 8 && /\d/.test(value);
}

/** Upper, lower and digits, and no long runs of letters that read as words (identifiers, paths). */
function looksRandom(s: string): boolean {
  if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || !/[0-9]/.test(s)) return false;
  const words = s.match(/[a-z]{6,}/gi) ?? [];
  return words.join('').length < s.length / 2;
}

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
