import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGES, detectLanguage } from '../../pipeline/scoring/index.ts';

describe('detectLanguage', () => {
  it('tells Chinese, English and other scripts apart', () => {
    expect(detectLanguage('签证办理太慢了')).toBe('zh');
    expect(detectLanguage('The shuttle bus was late again')).toBe('en');
    expect(detectLanguage('ビザの申請はどこですか')).toBe('ja');
    expect(detectLanguage('비자 신청은 어디서 하나요')).toBe('ko');
    expect(detectLanguage('Где получить вид на жительство?')).toBe('ru');
    expect(detectLanguage('أين أحصل على تصريح الإقامة')).toBe('ar');
  });

  it('reads long sentences in the languages residents write', () => {
    expect(detectLanguage('社区服务中心的工作人员非常热情，帮我很快办好了居留许可，感谢！')).toBe('zh');
    expect(detectLanguage('I called the hotline three times last week and nobody could tell me when my permit would be ready.')).toBe('en');
    expect(detectLanguage('Le service est très lent et je ne suis pas content du tout de cette attente.')).toBe('fr');
    expect(detectLanguage('Die Mitarbeiter im Servicezentrum waren freundlich, aber der Antrag dauert viel zu lange.')).toBe('de');
    expect(detectLanguage('El personal de la oficina fue muy amable, pero el visado sigue sin llegar.')).toBe('es');
    expect(detectLanguage('在留カードの更新手続きについて、窓口の方がとても丁寧に説明してくれました。')).toBe('ja');
    expect(detectLanguage('외국인 등록증을 받으러 갔는데 직원들이 아주 친절하게 도와줬어요.')).toBe('ko');
    expect(detectLanguage('Сотрудники центра были очень вежливы, но разрешение на работу всё ещё не готово.')).toBe('ru');
  });

  it('reads short texts without flipping to an unlikely language', () => {
    expect(detectLanguage('ok')).toBe('en');
    expect(detectLanguage('thanks!')).toBe('en');
    expect(detectLanguage('Visa delayed again')).toBe('en');
    expect(detectLanguage('Hotline was useless')).toBe('en');
    expect(detectLanguage('签证')).toBe('zh');
    expect(detectLanguage('谢谢')).toBe('zh');
    expect(detectLanguage('Merci beaucoup')).toBe('fr');
    expect(detectLanguage('Vielen Dank')).toBe('de');
    expect(detectLanguage('Muchas gracias')).toBe('es');
    expect(detectLanguage('Спасибо')).toBe('ru');
    expect(detectLanguage('ありがとう')).toBe('ja');
    expect(detectLanguage('감사합니다')).toBe('ko');
  });

  it('keeps Chinese with a few English words Chinese, and English with a Chinese name English', () => {
    expect(detectLanguage('请问WeChat上怎么预约办理签证')).toBe('zh');
    expect(detectLanguage('I visited 济南 last week and the service centre was great')).toBe('en');
  });

  it('gives mixed Chinese and English text the language of most of it, a Han character against a Latin word', () => {
    // Long English words do not outweigh the Chinese around them.
    expect(detectLanguage('我的 visa 还没下来，really frustrating')).toBe('zh');
    expect(detectLanguage('我的 application 被 rejected')).toBe('zh');
    expect(detectLanguage('签证 office 的服务 really bad，等了三个月')).toBe('zh');
    // Chinese names of offices and permits in an English sentence leave it English.
    expect(detectLanguage('Our 居留许可 renewal took three weeks, the 出入境 office was helpful')).toBe('en');
    expect(detectLanguage('Why does the 12345 hotline never answer before 10 am')).toBe('en');
  });

  it('only answers with a plausible language, which the caller may choose', () => {
    // Every answer for these Latin texts lies in the default list, whatever the detector thinks of them.
    for (const text of ['Jinan', 'klein', 'Obrigado', 'Grazie mille', 'Kiitos paljon', 'Dziękuję bardzo']) {
      expect([...DEFAULT_LANGUAGES, 'und']).toContain(detectLanguage(text));
    }
    expect(detectLanguage('Hartelijk dank voor de hulp bij het aanvragen van de vergunning')).toBe('nl');
    expect(detectLanguage('Hartelijk dank voor de hulp bij het aanvragen van de vergunning', { languages: ['zh', 'en', 'de'] })).not.toBe('nl');
    expect(detectLanguage('ビザの申請はどこですか', { languages: ['zh', 'en'] })).toBe('und');
  });

  it('returns und for empty text and text without letters', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12345 !!!')).toBe('und');
    expect(detectLanguage('😊👍')).toBe('und');
  });
});

describe('detectLanguage, English word fast path', () => {
  it('takes English sentences and fragments without a word of the short hand-made list as English', () => {
    // Words of the broad vocabulary (english-vocabulary.json) only: none is in english-words.ts's own list.
    expect(detectLanguage('gorgeous cinematic tone poem')).toBe('en');
    expect(detectLanguage('Shuttle driver rude, schedule ignored')).toBe('en');
    expect(detectLanguage("Don't bother, it's overpriced")).toBe('en');
  });

  it('keeps short texts English and names as before', () => {
    expect(detectLanguage('ok')).toBe('en');
    expect(detectLanguage('thanks!')).toBe('en');
    expect(detectLanguage('Visa delayed again')).toBe('en');
    expect(detectLanguage('Jinan')).toBe('en');
    expect(detectLanguage("'' !!")).toBe('und');
  });

  it('leaves ASCII text in other Latin-script languages to its own code, and unscored', async () => {
    const { scoreSentiment } = await import('../../pipeline/scoring/index.ts');
    const texts: [string, string][] = [
      ['El personal de la oficina fue muy amable pero el visado sigue sin llegar', 'es'],
      ['Le service est lent et je ne suis pas content de cette attente', 'fr'],
      ['Nous attendons depuis trois mois', 'fr'],
      ['Vielen Dank', 'de'],
      ['Il personale non ha risposto', 'it'],
      // Words spelt alike in English (male, idea, gut) are no English evidence: the detector decides.
      ['Molto male', 'it'],
      ['Buena idea', 'es'],
      ['Alles gut', 'de'],
    ];
    for (const [text, lang] of texts) {
      expect(detectLanguage(text)).toBe(lang);
      expect(scoreSentiment(text)).toEqual({ label: 'unscored', score: 0, lang, terms: [] });
    }
  });
});

describe('isHanOnly', () => {
  it('marks Han text with no letter of another script, which detectLanguage calls Chinese from the script alone', async () => {
    const { isHanOnly } = await import('../../pipeline/scoring/language.ts');
    const hanOnly = ['签证办理太慢了', '打了一周12345都没人接！！😭', '【通知】2024年国际人才招聘会，5月举行。', '[哈哈] 好', '\u3400字', '豈'];
    for (const text of hanOnly) {
      expect(isHanOnly(text)).toBe(true);
      expect(detectLanguage(text)).toBe('zh');
    }
    // A Latin letter, an apostrophe (part of a word to the English word count), kana, Hangul, or no Han at all.
    for (const text of ['我在用iPhone', '签证 office', "他说'好'", '他说’好’', 'ビザの手続き', '签证비자', 'Ж签证', '12345', '', '😭']) expect(isHanOnly(text)).toBe(false);
  });
});

describe('eldGuess.surelyUnreliable', () => {
  it('rules out only texts that eld itself calls unreliable', async () => {
    const { eldGuess } = await import('../../pipeline/scoring/eld-guess.ts');
    const short = ['pale', 'exit .', 'bad day', 'Jinan', 'fizzle', 'a deft', 'robust !', 'Molto'];
    for (const text of short) {
      expect(eldGuess.surelyUnreliable?.(text)).toBe(true);
      expect(eldGuess(text, DEFAULT_LANGUAGES).reliable).toBe(false);
    }
    // Longer words, more words, apostrophes or accents: eld has to be asked.
    for (const text of ['interminably', 'Hola amigo', "don't", 'très bien', 'Grazie mille']) expect(eldGuess.surelyUnreliable?.(text)).toBe(false);
  });
});
