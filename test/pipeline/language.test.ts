import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../pipeline/scoring/index.ts';

describe('detectLanguage', () => {
  it('tells Chinese, English and other scripts apart', () => {
    expect(detectLanguage('签证办理太慢了')).toBe('zh');
    expect(detectLanguage('The shuttle bus was late again')).toBe('en');
    expect(detectLanguage('ビザの申請はどこですか')).toBe('ja');
    expect(detectLanguage('비자 신청은 어디서 하나요')).toBe('ko');
    expect(detectLanguage('Где получить вид на жительство?')).toBe('ru');
    expect(detectLanguage('أين أحصل على تصريح الإقامة')).toBe('ar');
  });

  it('keeps Chinese with a few English words Chinese, and English with a Chinese name English', () => {
    expect(detectLanguage('请问WeChat上怎么预约办理签证')).toBe('zh');
    expect(detectLanguage('I visited 济南 last week and the service centre was great')).toBe('en');
  });

  it('guesses common Latin-script languages and returns und without letters', () => {
    expect(detectLanguage('Le service est très lent et je ne suis pas content')).toBe('fr');
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12345 !!!')).toBe('und');
  });
});
