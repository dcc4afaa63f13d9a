import { describe, expect, it } from 'vitest';
import { languageOfText } from '../../collectors/mentions/extract/language.ts';
import { extractArticle } from '../../collectors/mentions/extract/extract-article.ts';
import { stripSiteName } from '../../collectors/mentions/extract/title.ts';

describe('stripSiteName', () => {
  it.each([
    ['宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', undefined, '宇航员在太空中喝酒会怎么样？后果很严重'],
    ['DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网', undefined, 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶'],
    ['Obama admits US gun laws are his biggest frustration - BBC News', undefined, 'Obama admits US gun laws are his biggest frustration'],
    ['Jinan Times | Metro line 4 will open ahead of schedule next summer, officials say', 'Jinan Times', 'Metro line 4 will open ahead of schedule next summer, officials say'],
    ['新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::', '史蒂文的家_藍天', '新竹尖石_美樹營地賞楓 (2)'],
    ['Xbox One X review: A console that keeps up with gaming PCs', undefined, 'Xbox One X review: A console that keeps up with gaming PCs'],
  ])('%s → the headline', (raw, site, expected) => {
    expect(stripSiteName(raw, site)).toBe(expected);
  });
});

describe('title and language from the page', () => {
  it('prefers the page heading over a site-wide og:title', () => {
    const html = `<html><head><meta property="og:title" content="City News - Latest Headlines"><title>Hotline wait times fall by half</title></head>
      <body><h1>Hotline wait times fall by half</h1><p>The 12345 hotline now answers most calls within a minute, the bureau said on Friday.</p></body></html>`;
    expect(extractArticle(html, { url: 'https://news.example/1' }).title).toBe('Hotline wait times fall by half');
  });

  it('detects the language from the text when the page does not declare it', () => {
    expect(languageOfText('居留许可拖了三个月还没办好')).toBe('zh');
    expect(languageOfText('The staff were friendly and very helpful.')).toBe('en');
    expect(languageOfText('在留カードの更新はどこでできますか')).toBe('ja');
    expect(languageOfText('외국인 등록증 발급')).toBe('ko');
    expect(languageOfText('12345 …')).toBeNull();
  });

  it('uses the declared primary language subtag', () => {
    const html = '<html lang="zh-Hant-TW"><body><p>新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣。</p></body></html>';
    expect(extractArticle(html, { url: 'https://blog.example/1' }).lang).toBe('zh');
  });
});
