import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../collectors/mentions/extract/extract-article.ts';
import { fixturePage } from './fixture.ts';

const paragraphs = (text: string): string[] => text.split('\n\n');

describe('extractArticle on an English news page', () => {
  const article = extractArticle(fixturePage('en-news.html'), { url: 'https://jinantimes.example/news/service-centre' });

  it('keeps every article paragraph, one per blank-line-separated block', () => {
    expect(paragraphs(article.text)).toHaveLength(5);
    expect(paragraphs(article.text)[0]).toMatch(/^A one-stop service centre for foreign residents opened/);
    expect(article.text).toContain('"Today I finished everything in one morning."');
    expect(article.text).toMatch(/engineers working for companies in the zone\.$/);
  });

  it('leaves out navigation, share buttons, related stories, comments, sidebar and footer', () => {
    for (const boilerplate of ['Business', 'Share on Facebook', 'Related stories', 'Metro line 4', 'About time!', 'parking near the building', 'Most read', 'newsletter', 'All rights reserved', 'Privacy policy', 'Home'])
      expect(article.text).not.toContain(boilerplate);
  });

  it('reads title without the site name, author, date with its offset and language', () => {
    expect(article.title).toBe('New service centre opens for international talents in Jinan');
    expect(article.author).toBe('Laura Whitfield');
    expect(article.published_at?.toISOString()).toBe('2024-03-05T02:20:00.000Z');
    expect(article.lang).toBe('en');
  });
});

describe('extractArticle on a Chinese news page in GBK', () => {
  const article = extractArticle(fixturePage('zh-news.gbk.html'), { url: 'https://quancheng.example/shehui/2019/0305.html' });

  it('keeps the article paragraphs as correct Chinese', () => {
    expect(paragraphs(article.text)).toHaveLength(4);
    expect(article.text).toContain('外籍人才办理工作许可、居留许可和住宿登记等业务首次实现“只进一扇门”。');
    expect(article.text).toContain('不断提升国际人才的获得感。');
  });

  it('leaves out channel navigation, share bar, related news, comments, rankings, ads and footer', () => {
    for (const boilerplate of ['首页', '财经', '分享到', '相关新闻', '地铁四号线', '网友评论', '点赞', '热点排行', '广告', '版权所有', '鲁ICP备'])
      expect(article.text).not.toContain(boilerplate);
  });

  it('cleans the section and site from the title, finds the byline author and reads the zone-less date as Beijing time', () => {
    expect(article.title).toBe('国际人才社区“一站式”服务中心正式启用');
    expect(article.author).toBe('张明远');
    expect(article.published_at?.toISOString()).toBe('2019-03-05T02:20:00.000Z');
    expect(article.lang).toBe('zh');
  });
});

describe('extractArticle metadata sources', () => {
  it('reads headline, authors and date from JSON-LD in an @graph', () => {
    const article = extractArticle(fixturePage('json-ld.html'), { url: 'https://cityreport.example/hotline' });
    expect(article.title).toBe('Hotline answers most calls within a minute');
    expect(article.author).toBe('Priya Raman, Chen Hao');
    expect(article.published_at?.toISOString()).toBe('2023-11-17T09:30:00.000Z');
    expect(article.text).toContain('every low rating now triggers a callback within three working days.');
    expect(article.text).not.toContain('morning briefing');
    expect(article.lang).toBe('en');
  });

  it('finds a date printed only in a Chinese byline ("发布时间：2023年12月01日 09:30") and reads it in Asia/Shanghai', () => {
    const article = extractArticle(fixturePage('zh-byline-date.html'), { url: 'https://community.example/tzgg/1.html' });
    expect(article.published_at?.toISOString()).toBe('2023-12-01T01:30:00.000Z');
    expect(article.title).toBe('社区开展外籍居民满意度调查');
    expect(article.lang).toBe('zh');
    expect(paragraphs(article.text)).toHaveLength(3);
    expect(article.text).not.toMatch(/浏览次数|主办单位|通知公告/);
  });

  it('takes the zone for zone-less dates from the options when given', () => {
    const article = extractArticle(fixturePage('zh-byline-date.html'), { url: 'https://community.example/tzgg/1.html', timeZone: 'UTC' });
    expect(article.published_at?.toISOString()).toBe('2023-12-01T09:30:00.000Z');
  });
});

describe('extractArticle on a forum thread', () => {
  const html = fixturePage('forum-post.html');

  it('keeps the question and drops the forum chrome', () => {
    const article = extractArticle(html, { url: 'https://forum.example/thread-1001-1-1.html' });
    expect(article.text).toContain('请问外籍子女在济南报名入学需要准备哪些材料？');
    expect(article.text).toContain('已经等了两个星期还没有答复，真的很着急。');
    for (const chrome of ['注册', '登录', '家园', '返回列表', 'Powered by Discuz', '手机版']) expect(article.text).not.toContain(chrome);
    expect(article.title).toBe('外籍子女入学报名流程求助');
    expect(article.published_at?.toISOString()).toBe('2024-08-20T13:15:00.000Z');
    // "发表于 2024-08-20 21:15" sits in an author-ish box; it is a label and a date, not a name.
    expect(article.author ?? '').not.toMatch(/发表于/);
  });

  it('with per-source selectors takes only the opening post and its author', () => {
    const article = extractArticle(html, {
      url: 'https://forum.example/thread-1001-1-1.html',
      selectors: { body: '#postmessage_1001', author: '#pid1001 .authi a', published_at: '#authorposton1001', remove: ['.sign'] },
    });
    expect(article.text.split('\n')).toHaveLength(4);
    expect(article.text).not.toMatch(/去年我们办过|签名|积分/);
    expect(article.author).toBe('Anna_K');
    expect(article.published_at?.toISOString()).toBe('2024-08-20T13:15:00.000Z');
  });
});
