import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../collectors/mentions/extract/extract-article.ts';
import { ExtractionError } from '../../collectors/mentions/extract/extraction-error.ts';
import { fixturePage } from './fixture.ts';

const url = 'https://jinantimes.example/news/service-centre';

describe('per-source selector overrides', () => {
  it('take precedence over the extractor for body, title, author and date', () => {
    const article = extractArticle(fixturePage('en-news.html'), {
      url,
      selectors: { body: '.comments .comment p', title: '.sidebar h3', author: '.comment-author', published_at: '.copyright-year' },
    });
    // Deliberately odd choices, to prove the selectors and not the extractor decided.
    expect(article.text.split('\n\n')).toEqual([
      'About time! The old system was a nightmare for my whole family.',
      'Does anyone know whether they accept appointments on Saturdays as well?',
      'Great news, but parking near the building is terrible.',
    ]);
    expect(article.title).toBe('Most read');
    expect(article.author).toBe('happyreader');
    // A selector that matches nothing falls back to what the page says.
    expect(article.published_at?.toISOString()).toBe('2024-03-05T02:20:00.000Z');
  });

  it('remove elements before extraction', () => {
    const article = extractArticle(fixturePage('en-news.html'), { url, selectors: { remove: ['.story-body p:nth-child(3)'] } });
    expect(article.text).not.toContain('Marco Bellini');
    expect(article.text).toContain('one-stop service centre');
  });

  it('name the page and the selector when the body selector matches nothing', () => {
    expect(() => extractArticle(fixturePage('en-news.html'), { url, selectors: { body: '.article-text' } })).toThrow(
      new ExtractionError(url, 'body selector ".article-text" matched nothing (has the site changed its layout?)'),
    );
  });

  it('name the page and the selector when a selector is not valid CSS', () => {
    expect(() => extractArticle(fixturePage('en-news.html'), { url, selectors: { title: 'h1[' } })).toThrow(/jinantimes\.example.*title selector "h1\[" is not valid CSS/);
  });
});

describe('pages without an article', () => {
  it.each([
    ['an empty document', ''],
    ['an empty body', '<html><head><title>Nothing here</title></head><body></body></html>'],
    ['only scripts and styles', '<html><body><script>var x = "text";</script><style>p{}</style><nav> </nav></body></html>'],
  ])('%s raises a final ExtractionError naming the URL', (_, html) => {
    let caught: unknown;
    try {
      extractArticle(html, { url: 'https://example.org/empty' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExtractionError);
    expect((caught as ExtractionError).message).toBe('https://example.org/empty: no article text found on the page');
    expect((caught as ExtractionError).retryable).toBe(false);
  });

  it('a short post is still an article', () => {
    const article = extractArticle('<html lang="en"><body><div class="post"><p>Thanks, the permit office fixed it in a day.</p></div></body></html>', { url: 'https://example.org/p/1' });
    expect(article.text).toBe('Thanks, the permit office fixed it in a day.');
    expect(article.lang).toBe('en');
  });
});
