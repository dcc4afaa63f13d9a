/**
 * Sentences we wrote ourselves about community services, added to training with extra weight so
 * the model knows the complaints and thanks of this domain, which review and movie sets lack.
 * Neutral ones (notices, questions) are trained toward probability ½: weak evidence either way.
 * The unit tests and the held-out domain check (domain-check.ts) use other sentences.
 */
import { enCourtesySeed, zhCourtesySeed } from './courtesy-seed.ts';
import { enNeutral, zhNeutral } from './neutral-seed.ts';
import { enNoticeSeed, zhNoticeSeed } from './notice-seed.ts';
import { enService, zhService } from './service-seed.ts';

export const SEED_WEIGHT = 4;

export const zhSeed: Record<'positive' | 'negative' | 'neutral', string[]> = {
  negative: [
    '办了三次都办不了', '窗口之间互相踢皮球', '打了好几次电话都没人回复', '材料交了拖了三个月还没消息', '一直没人管', '推来推去没人负责',
    '排队排了一上午，最后说系统坏了', '工作人员态度恶劣', '等了两个月还没下来', '投诉了也没用', '说好的回电一直没打', '跑了好几趟还是办不成',
    '到现在还没有答复', '网上预约根本约不上', '没人接电话', '又让我重新提交材料', '办事效率太低了', '让人很失望', '完全不靠谱', '拖拖拉拉',
    ...zhService.negative,
    ...zhCourtesySeed.negative,
  ],
  positive: [
    '工作人员很耐心，一次就办好了', '办理很快，非常方便', '感谢社区的帮助', '热情周到，给个好评', '问题当天就解决了', '服务很贴心',
    '英文服务很专业', '很满意这次的服务', '帮了大忙，谢谢', '流程清楚，效率很高', '回复及时，点赞', '活动组织得很好，孩子很开心',
    ...zhService.positive,
  ],
  neutral: [
    '2023年人才服务中心将于6月搬到新址', '请问在哪里办理工作许可', '明天上午9点开放', '周六有一场中文讲座', '办理需要带护照和照片',
    '本周五下午停电检修', '通知：社区活动室下周开放', '咨询电话是12345', '请问周末上班吗？', '资料已提交，等待审核',
    '会议将在三楼举行', '报名截止日期为3月15日', '附件是申请表格', '今天下午两点召开座谈会', '请问居留许可怎么办理？', '请问怎么预约？',
    '人才卡需要哪些材料？', '请问国际学校怎么报名', '2025年外籍人才交流会将于9月在高新区举行', '第三届国际文化节将于10月举办', '新政策自7月1日起实施',
    '社区将于本周六举办中文角活动', '办公时间为周一至周五', '请问怎么办理驾照换证', '如何申请人才公寓？', '市政府发布了新的人才政策',
    ...zhNeutral,
    ...zhNoticeSeed,
    ...zhService.neutral,
    ...zhCourtesySeed.neutral,
  ],
};

export const enSeed: Record<'positive' | 'negative' | 'neutral', string[]> = {
  negative: [
    'nobody answers the phone', 'still waiting after three months', 'they keep sending me to another office', 'no reply to my emails for weeks',
    'the application has been stuck for ages', 'I was told to come back again, for the fourth time', 'nobody could tell me anything',
    'the hotline never picks up', 'waited all morning and nothing happened', 'they lost my documents', 'no one takes responsibility',
    'the appointment system never works', 'still no answer', 'this process is a nightmare',
    ...enService.negative,
    ...enCourtesySeed.negative,
  ],
  positive: [
    'the staff were patient and sorted it out in one visit', 'quick and easy, thank you', 'very helpful team', 'they answered the same day',
    'great support from the community team', 'the English service was excellent', 'really appreciate the help', 'smooth and well organised',
    ...enService.positive,
  ],
  neutral: [
    'The office opens at 9 am.', 'Where can I renew my residence permit?', 'The seminar is on Saturday afternoon.', 'Please bring your passport and two photos.',
    'The service centre moves to a new address in June.', 'Registration closes on 15 March.', 'The meeting will be held on the third floor.',
    'Is the office open on weekends?', 'The form is attached.', 'The talk starts at 2 pm in room 301.', 'Good morning, how do I apply for a work permit?',
    'Hello, where do I register my address? Best regards', 'How long does the renewal take?', 'The job fair will be held in May.', 'Dear team, please find my documents attached. Kind regards',
    'What documents do I need for the talent card?', 'The new policy takes effect on 1 July.', 'Hi, is there an English-speaking doctor nearby?',
    ...enNeutral,
    ...enNoticeSeed,
    ...enService.neutral,
    ...enCourtesySeed.neutral,
  ],
};
