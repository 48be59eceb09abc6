/**
 * The redaction corpus: sentences a person might type with a credential in them (each with the secret
 * that must not survive) and ordinary sentences that must pass unchanged. Used by the rule-level test and
 * by the end-to-end test that sends them through a real turn.
 *
 * Decisions: a UUID in prose is an identifier (tenant, request, subscription), not a credential, so it is
 * kept; a UUID written as the value of a secret-named field is redacted by the assignment rule. A 40-hex
 * git SHA and a sha256 digest are kept; a bare 32-hex string is treated as a key (Azure OpenAI keys).
 */

export interface SecretCase {
  text: string;
  secret: string;
}

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4';

export const POSITIVES: SecretCase[] = [
  { text: 'My password is hunter2 for the staging box.', secret: 'hunter2' },
  { text: 'My password is: Tr0ub4dor&3.', secret: 'Tr0ub4dor&3' },
  { text: 'The passphrase is correct-horse-battery.', secret: 'correct-horse-battery' },
  { text: 'Admin pwd: Winter2024!', secret: 'Winter2024!' },
  { text: 'the password was swordfish until last week', secret: 'swordfish' },
  { text: 'The password for the admin account is Qwerty!234.', secret: 'Qwerty!234' },
  { text: 'password = "s3cr3t-value"', secret: 's3cr3t-value' },
  { text: 'DB_PASSWORD=pa55w0rd-prod', secret: 'pa55w0rd-prod' },
  { text: '"api_key": "a1b2c3d4e5f6g7h8"', secret: 'a1b2c3d4e5f6g7h8' },
  { text: 'client_secret: 8Q~xY7z.Lm3NpQrStUv', secret: '8Q~xY7z.Lm3NpQrStUv' },
  { text: 'Our API key is 7d9f3a21bc44ef0912 if you need it.', secret: '7d9f3a21bc44ef0912' },
  { text: 'the access token is tok2024abcdefgh', secret: 'tok2024abcdefgh' },
  { text: 'OpenAI key sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', secret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789' },
  { text: 'Anthropic: sk-ant-api03-AbCdEfGhIjKlMnOp0123456789', secret: 'AbCdEfGhIjKlMnOp0123456789' },
  { text: 'legacy key sk-1234567890abcdefABCDEFGH', secret: '1234567890abcdefABCDEFGH' },
  { text: 'Stripe key sk_live_51HqLyjWDarjtT1zdp7dc', secret: '51HqLyjWDarjtT1zdp7dc' },
  { text: 'test mode uses sk_test_4eC39HqLyjWDarjtT1zdp7dc', secret: '4eC39HqLyjWDarjtT1zdp7dc' },
  { text: 'restricted key rk_live_51Hq0aBcDeFgHiJkL', secret: '51Hq0aBcDeFgHiJkL' },
  { text: 'webhook signing whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', secret: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  { text: 'bot token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp', secret: '0987654321-AbCdEfGhIjKlMnOp' },
  { text: 'user token xoxp-2222222222-3333333333-abcdefabcdef', secret: '3333333333-abcdefabcdef' },
  { text: 'SLACK_APP_TOKEN=xapp-1-A0123-456789-abcdef0123', secret: '456789-abcdef0123' },
  {
    text: 'alerts go to https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX',
    secret: 'XXXXXXXXXXXXXXXXXXXXXXXX',
  },
  { text: 'Azure OpenAI key 0123456789abcdef0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' },
  { text: 'the key 9F86D081884C7D659A2FEAA0C55AD015 works', secret: '9F86D081884C7D659A2FEAA0C55AD015' },
  {
    text: 'signing key 4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
    secret: '4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
  },
  { text: `Authorization: Bearer ${JWT}`, secret: JWT.slice(40) },
  { text: `the session cookie holds ${JWT}`, secret: JWT.slice(40) },
  { text: 'Authorization: Basic YWRtaW46c3VwZXJzZWNyZXQ=', secret: 'YWRtaW46c3VwZXJzZWNyZXQ=' },
  {
    text: `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----`,
    secret: PEM_BODY,
  },
  {
    text: `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----`,
    secret: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
  },
  {
    text: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGx7bWkz (pasted halfway)',
    secret: 'MC4CAQAwBQYDK2VwBCIEIGx7bWkz',
  },
  { text: 'DB: postgres://archie:p4ssw0rd-db@db.internal:5432/app', secret: 'p4ssw0rd-db' },
  { text: 'cache at redis://:s3cr3tpass@cache:6379/0', secret: 's3cr3tpass' },
  { text: 'mongodb+srv://svc:Mongo2024pw@cluster0.example.net/prod', secret: 'Mongo2024pw' },
  { text: 'Server=tcp:x.database.windows.net;User ID=sa;Password=Abc123!xyz;', secret: 'Abc123!xyz' },
  {
    text: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=QmFzZTY0S2V5SGVyZQ==;',
    secret: 'QmFzZTY0S2V5SGVyZQ==',
  },
  { text: 'jdbc:mysql://db:3306/app?user=svc&password=MyJdbcPw9', secret: 'MyJdbcPw9' },
  { text: 'AWS: AKIAIOSFODNN7EXAMPLE', secret: 'AKIAIOSFODNN7EXAMPLE' },
  {
    text: 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
  { text: 'CI uses ghp_abcdefghijklmnopqrstuvwxyz0123456789', secret: 'abcdefghijklmnopqrstuvwxyz0123456789' },
  { text: 'GitLab glpat-xYz123AbC456dEf789gHi0', secret: 'xYz123AbC456dEf789gHi0' },
  {
    text: 'npm publish token npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    secret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  },
  { text: 'Hugging Face hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567', secret: 'AbCdEfGhIjKlMnOpQrStUvWxYz01234567' },
  { text: 'maps key AIzaSyA-1234567890abcdefghijklmnopqrstu', secret: '1234567890abcdefghijklmnopqrstu' },
  {
    text: 'SendGrid 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',
    secret: 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr',
  },
  {
    text: 'the vendor gave us Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVc as the key',
    secret: 'Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVc',
  },
  {
    text: 'api_key=123e4567-e89b-12d3-a456-426614174000',
    secret: '123e4567-e89b-12d3-a456-426614174000',
  },
];

export const BENIGN: string[] = [
  'We are 9 engineers in 2 teams building a RAG assistant.',
  'We serve 40,000 requests per day with p95 latency under 800 ms.',
  'Tokens per call stay under 4000 and max_tokens=1024.',
  'We have a password reset flow and SSO via Okta.',
  'The password is stored in Vault and rotated every 90 days.',
  'The password is not shared with the model.',
  'Our secret sauce is the retrieval pipeline.',
  'We rotate the API key monthly.',
  'The tenant id is 123e4567-e89b-12d3-a456-426614174000 in Azure.',
  'Request 550e8400-e29b-41d4-a716-446655440000 timed out.',
  'The fix landed in commit 9fceb02d0ae598e95dc970b74767f19372d61af8.',
  'See commit 9fceb02 for the change.',
  'Image digest sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 is pinned.',
  'Docs live at https://docs.example.com/architecture/modular-monolith.',
  'Connect to postgres://db.internal:5432/app from the worker.',
  'Redis runs at redis://cache:6379/0.',
  'The model is gpt-4o-mini and embeddings use text-embedding-3-large.',
  'We pinned claude-3-5-sonnet-20241022 for the summariser.',
  'Python 3.12, Node 20.11.1 and Kubernetes 1.29.',
  'The job ran on 2024-11-05T10:15:30Z and took 3m12s.',
  'Our office IP is 203.0.113.42 and the VPC is 10.0.0.0/16.',
  'Email alerts go to oncall@example.com.',
  'Slack channel C0123ABCD and user U0456EFGH own the bot.',
  'The Slack bot token is kept in a secret manager.',
  'Each secret is rotated by the platform team.',
  'The file lives at src/core/model-assist/answer-with-model.ts.',
  'We use the python:3.12-slim image and nginx:1.27-alpine.',
  'Card numbers are tokenised by Stripe; we never see them.',
  'The token budget is 50000 per conversation.',
  'Password: see the team vault.',
  'We run 1234567890 embeddings a month.',
  'Version v2.3.14 shipped with the new retriever.',
  'The ticket is JIRA-4821 and the epic is PLAT-77.',
  'Our secret: we have no on-call rotation yet.',
  'The access key is rotated by IAM automatically.',
  'The hash 5d41402abc4b2a76 is a short cache key.',
  'Bearer tokens are validated at the gateway.',
  'The ARN is arn:aws:iam::123456789012:role/archie-reader.',
  'Use https://github.com/example/archie/pull/42 for the discussion.',
  'About 2 million users, 60% on mobile, 3 regions.',
  'Our internal package is called AcmeRetrievalPipelineClientV2.',
  'The subscription 8f14e45f-ceea-467f-a0e6-1c2b3d4e5f60 is billed to platform.',
];
