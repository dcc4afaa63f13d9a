import type { LexiconSource } from './lexicon-trie.ts';

/**
 * Our own English lexicon for talent-community services, in lower case; phrases are space-separated
 * words. Strength about 0.5 (mild) … 2 (strong).
 */
export const enLexicon: LexiconSource = {
  positive: {
    good: 1, great: 1.5, excellent: 2, awesome: 1.6, amazing: 1.6, wonderful: 1.6, fantastic: 1.8, perfect: 1.6,
    nice: 0.8, helpful: 1.2, friendly: 1, kind: 0.8, patient: 1, professional: 0.8, efficient: 1.2, quick: 0.6,
    fast: 0.6, prompt: 0.8, promptly: 0.8, smooth: 0.8, smoothly: 0.8, easy: 0.6, convenient: 0.8, satisfied: 1,
    happy: 1, pleased: 1, glad: 0.8, love: 1.2, loved: 1.2, enjoy: 1, enjoyed: 1, thank: 0.8, thanks: 0.8,
    'thank you': 1, grateful: 1.2, appreciate: 1, appreciated: 1, recommend: 1, welcoming: 1, responsive: 1,
    resolved: 1, solved: 1, fixed: 0.6, clean: 0.6, comfortable: 0.8, best: 1.5, better: 0.5, impressive: 1.2,
    impressed: 1.2, 'well organized': 1.2, 'well organised': 1.2, 'well done': 1.2, "can't wait": 1, 'cant wait': 1,
  },
  negative: {
    bad: 1, terrible: 2, awful: 2, horrible: 2, worst: 2, worse: 1.2, poor: 1, rude: 1.5, unfriendly: 1.2,
    unhelpful: 1.3, useless: 1.5, incompetent: 1.6, unprofessional: 1.4, slow: 1, delay: 1, delays: 1, delayed: 1,
    late: 0.6, overdue: 1, 'still waiting': 1.2, 'still no': 1, 'nobody answers': 1.5, 'nobody answered': 1.5,
    'nobody answer': 1.5, 'nobody replied': 1.5, 'nobody replies': 1.5, 'nobody responded': 1.5,
    'nobody picks up': 1.5, 'no one answers': 1.5, 'no one answered': 1.5, 'no one replied': 1.5,
    'no response': 1.3, 'no reply': 1.3, 'no answer': 1.2, 'never answered': 1.4, 'never replied': 1.4,
    'never got back': 1.4, ignored: 1.3, frustrating: 1.3, frustrated: 1.3, disappointed: 1.3, disappointing: 1.3,
    annoying: 1.2, annoyed: 1.2, angry: 1.4, upset: 1.2, complaint: 0.8, complaints: 0.8, complain: 0.8,
    problem: 0.6, problems: 0.6, confusing: 1, confused: 0.8, difficult: 0.8, complicated: 0.8, impossible: 1.2,
    unacceptable: 1.6, ridiculous: 1.5, 'waste of time': 1.5, wasted: 1.2, 'back and forth': 1, runaround: 1.3,
    'hung up': 1.2, broken: 1, dirty: 1, noisy: 0.8, expensive: 0.6, overpriced: 1, failed: 1, fail: 1, refused: 1,
    rejected: 0.8, denied: 0.8, mess: 1.2, chaos: 1.2, chaotic: 1.2, nightmare: 1.8, scam: 1.6, unsafe: 1.2,
    worried: 0.8, hate: 1.5, sucks: 1.5, stuck: 1, stressful: 1.2, 'passed around': 1.2, 'kicked around': 1.3,
    'nobody speaks english': 1.2, 'no one speaks english': 1.2,
  },
  neutral: [
    // Greetings and sign-offs that would otherwise count as praise in every e-mail.
    'good morning', 'good afternoon', 'good evening', 'kind regards', 'best regards', 'best wishes',
    // "not only … but" is not a negation.
    'not only', 'no doubt', 'thank you in advance', 'thanks in advance',
  ],
  negators: [
    'not', 'no', 'never', 'cannot', 'nobody', 'none', 'neither', 'nor', 'without', 'hardly', 'barely',
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "won't", "wouldn't",
    "shouldn't", "haven't", "hasn't", "hadn't", "ain't",
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'shouldnt',
    'havent', 'hasnt', 'hadnt',
  ],
  degree: {
    very: 1.5, really: 1.4, extremely: 1.8, so: 1.4, too: 1.5, super: 1.5, incredibly: 1.8, absolutely: 1.6,
    totally: 1.5, completely: 1.5, highly: 1.4, quite: 1.2, pretty: 1.2, 'a bit': 0.6, 'a little': 0.6,
    'a little bit': 0.6, slightly: 0.5, somewhat: 0.6, 'kind of': 0.6, 'sort of': 0.6, rather: 0.8,
  },
  contrast: ['but', 'however', 'nevertheless'],
};
