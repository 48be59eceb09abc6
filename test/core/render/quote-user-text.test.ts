import { describe, expect, it } from 'vitest';
import { quoteUserText } from '../../../src/core/render/quote-user-text.js';

const outsideCode = (text: string) => text.replace(/`[^`\n]*`/g, '');

describe('quoteUserText', () => {
  it('keeps a link’s words and shows its target as code', () => {
    expect(quoteUserText('[Sign in again](https://evil.example/sso) now')).toBe(
      'Sign in again (`https://evil.example/sso`) now',
    );
  });

  it('shows bare addresses as code and leaves other words alone', () => {
    expect(quoteUserText('see www.evil.example and ftp://x.example/a, please')).toBe(
      'see `www.evil.example` and `ftp://x.example/a,` please',
    );
    expect(quoteUserText('We are 5 engineers (one team).')).toBe('We are 5 engineers (one team).');
  });

  it('cannot be tricked by backticks the person typed into freeing an address', () => {
    for (const text of ['` [x](https://evil.example) `', '`https://evil.example', 'a`b https://evil.example `c']) {
      expect(outsideCode(quoteUserText(text))).not.toContain('evil.example');
    }
  });
});
