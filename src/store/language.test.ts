import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('uses the stored choice first', () => {
    expect(detectLanguage('ko', ['en-US'])).toBe('ko');
    expect(detectLanguage('en', ['ko-KR'])).toBe('en');
  });

  it('otherwise follows the browser, region subtags and case ignored', () => {
    expect(detectLanguage(null, ['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLanguage(null, ['KO'])).toBe('ko');
    expect(detectLanguage(null, ['fr-FR', 'ko'])).toBe('ko');
    expect(detectLanguage(null, ['en-GB', 'ko'])).toBe('en');
  });

  it('falls back to English for an unknown stored value or no match', () => {
    expect(detectLanguage('de', ['fr-FR', 'ja-JP'])).toBe('en');
    expect(detectLanguage(undefined, [])).toBe('en');
  });
});
