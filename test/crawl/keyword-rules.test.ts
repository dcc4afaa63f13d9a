import { describe, expect, it } from 'vitest';
import { compileKeywordFilter, KeywordRuleError, parseKeywordRule } from '../../collectors/mentions/crawl/keyword-rules.ts';

const rule = (expression: string) => parseKeywordRule(expression, 'source "test" include');

describe('keyword rules', () => {
  it('combines AND, OR, NOT and parentheses with the usual precedence', () => {
    const r = rule('居留许可 AND (延期 OR 续签) NOT 广告');
    expect(r.matches('居留许可续签太慢了')).toBe(true);
    expect(r.matches('居留许可延期办理指南')).toBe(true);
    expect(r.matches('居留许可续签广告')).toBe(false);
    expect(r.matches('工作许可延期')).toBe(false);
    // OR binds looser than AND: a OR b AND c is a OR (b AND c).
    expect(rule('签证 OR 居留 AND 缓慢').matches('签证')).toBe(true);
    expect(rule('签证 OR 居留 AND 缓慢').matches('居留')).toBe(false);
  });

  it('reads terms side by side as AND, and 且/或/非 as operators', () => {
    expect(rule('社区 窗口').matches('社区的服务窗口')).toBe(true);
    expect(rule('社区 窗口').matches('社区')).toBe(false);
    const zh = rule('居留许可 且 (延期 或 续签) 非 广告');
    expect(zh.matches('居留许可续签')).toBe(true);
    expect(zh.matches('居留许可续签广告')).toBe(false);
  });

  it('matches English case-insensitively on word boundaries, Chinese as substrings', () => {
    expect(rule('visa').matches('My VISA renewal')).toBe(true);
    expect(rule('visa').matches('visas and advisable things')).toBe(false);
    expect(rule('permit*').matches('Work permits are late')).toBe(true);
    expect(rule('"residence permit"').matches('my Residence   Permit is stuck')).toBe(true);
    expect(rule('"residence permit"').matches('permit of residence')).toBe(false);
    expect(rule('12345').matches('打12345热线没人接')).toBe(true);
    expect(rule('人才').matches('国际人才社区')).toBe(true);
    // Full-width letters fold to their ASCII forms.
    expect(rule('hotline').matches('ＨＯＴＬＩＮＥ')).toBe(true);
  });

  it('keeps lower-case and/or/not as ordinary words', () => {
    expect(rule('"law and order"').matches('law and order')).toBe(true);
    expect(rule('rock and roll').matches('rock roll and')).toBe(true);
  });

  it('names the source and the expression when it cannot be parsed', () => {
    expect(() => rule('(居留 OR 签证')).toThrow(KeywordRuleError);
    expect(() => rule('(居留 OR 签证')).toThrow('source "test" include: expected ")" but found the end in "(居留 OR 签证"');
    expect(() => rule('居留 AND')).toThrow(/expected a term, a phrase or "\(" but found the end in "居留 AND"/);
    expect(() => rule('"unclosed')).toThrow(/unclosed quote/);
    expect(() => rule('签证 )')).toThrow(/unexpected "\)"/);
    expect(() => compileKeywordFilter({ id: 'jinan-news', exclude: 'OR 广告' })).toThrow(/^source "jinan-news" exclude: .* in "OR 广告"$/);
  });

  it('a filter keeps what include matches and exclude does not, and says why it drops the rest', () => {
    const filter = compileKeywordFilter({ id: 's', include: '居留许可 OR "residence permit"', exclude: '广告 OR 促销' });
    expect(filter.check('Residence permit delays')).toEqual({ kept: true });
    expect(filter.check('社区新闻')).toEqual({ kept: false, reason: 'include rule "居留许可 OR \\"residence permit\\"" not matched' });
    expect(filter.check('居留许可代办广告')).toEqual({ kept: false, reason: 'exclude rule "广告 OR 促销" matched ("广告")' });
    expect(compileKeywordFilter({ id: 's' }).check('anything')).toEqual({ kept: true });
  });
});
