import { describe, expect, it } from 'vitest';
import { loadClauses, type Clause } from '../../config/clauses.ts';
import { compareClauseIds, createClauseTagger, tagClauses } from '../../pipeline/scoring/index.ts';

const clause = (id: string, keywords_zh: string[], keywords_en: string[]): Clause => ({
  id,
  title_zh: id,
  title_en: id,
  keywords_zh,
  keywords_en,
  evidence: [],
});

// Our own small catalogue, so these tests do not move when the real keywords are tuned.
const catalogue = [
  clause('8', ['人才服务'], ['talent services']),
  clause('8.1', ['政务服务', '办理'], ['government services']),
  clause('8.1.2', ['签证', '居留许可', '一站式'], ['visa', 'residence permit', 'one-stop']),
  clause('8.1.3', ['12345', '热线'], ['hotline']),
  clause('8.4.2', ['中文课'], ['Chinese class']),
  clause('6.2.4', ['班车'], ['shuttle', 'bus']),
  clause('10.2.4', ['舆情'], ['public opinion']),
];
const tag = createClauseTagger(catalogue);

describe('clause tagging', () => {
  it('returns only the most specific clause: 8.1.2, not also 8.1 and 8', () => {
    expect(tag('在政务服务大厅办理签证')).toEqual(['8.1.2']);
    expect(tag('政务服务效率怎么样')).toEqual(['8.1']);
  });

  it('tags several clauses, unique and in clause order', () => {
    expect(tag('打12345热线问居留许可，签证签证，还有班车')).toEqual(['6.2.4', '8.1.2', '8.1.3']);
    expect(tag('舆情 and the visa hotline')).toEqual(['8.1.2', '8.1.3', '10.2.4']);
  });

  it('matches English case-insensitively on whole words, with plurals', () => {
    expect(tag('My RESIDENCE PERMIT expired')).toEqual(['8.1.2']);
    expect(tag('Two visas and three residence-permits')).toEqual(['8.1.2']);
    expect(tag('Is there a Chinese class for kids?')).toEqual(['8.4.2']);
    expect(tag('I run a small business here')).toEqual([]);
    expect(tag('The buses were late')).toEqual(['6.2.4']);
  });

  it('returns nothing for unrelated or empty text', () => {
    expect(tag('今天天气很好')).toEqual([]);
    expect(tag('')).toEqual([]);
  });

  it('gives the same answer through tagClauses', () => {
    expect(tagClauses('一站式服务 and a shuttle', catalogue)).toEqual(['6.2.4', '8.1.2']);
  });

  it('orders clause ids numerically', () => {
    expect(['10.1', '9.2.1.1', '8.1.10', '8.1.2', '9'].sort(compareClauseIds)).toEqual(['8.1.2', '8.1.10', '9', '9.2.1.1', '10.1']);
  });
});

describe('clause tagging with our catalogue', () => {
  const tagReal = createClauseTagger(loadClauses());

  it('tags typical community-service tickets and posts', () => {
    expect(tagReal('外国人工作许可和居留许可能不能一站式办理？')).toEqual(['8.1.2']);
    expect(tagReal('打了三次12345热线都没人接')).toEqual(['8.1.3']);
    expect(tagReal('孩子想上国际学校，社区有没有中文课？')).toEqual(['8.4.1', '8.4.2']);
    expect(tagReal('The shuttle bus to the metro station is always late')).toEqual(['6.2.4']);
    expect(tagReal('Lovely Mid-Autumn festival event at the community centre')).toEqual(['8.5.1']);
    expect(tagReal('2024年国际人才招聘会将于5月在济南举行')).toEqual(['7.2.4']);
    expect(tagReal('家里的VPN老是连不上，谷歌也打不开')).toEqual(['6.2.2']);
    expect(tagReal('My VPN keeps dropping every evening')).toEqual(['6.2.2']);
  });
});
