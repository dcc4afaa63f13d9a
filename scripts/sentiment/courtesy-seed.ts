/**
 * Sentences we wrote about how residents ask: polite questions and requests to the hotline and
 * the service desks (不好意思，想问一下…; "Sorry to bother you, could you…"), trained toward ½,
 * and complaints that share their words (太麻烦了, 态度不好, "sorry, but…"). The formulas
 * themselves carry no features (pipeline/scoring/sentiment-courtesy.ts); what is left of a polite
 * question (想问一下, 咨询一下, could you, tell me, ?) leans negative in the review sets, where people
 * mostly ask when something went wrong. The unit tests (sentiment-courtesy.test.ts) and the
 * held-out domain check use other sentences.
 */
export const zhCourtesySeed: Record<'negative' | 'neutral', string[]> = {
  negative: [
    '手续太麻烦了，来回跑了好几趟', '麻烦得很，每次都要重新填表', '这服务真不好', '态度不好，问什么都不耐烦', '请问为什么打了一周电话都没人接？',
    '真是麻烦死了', '不好意思，我已经等了三个星期了，还是没有回复', '办理流程很麻烦，材料要交好几遍', '服务不好还不让说', '麻烦您看看，这都第三次了还是不行',
  ],
  neutral: [
    '不好意思，想问一下外籍人员能不能办公交卡', '请问一下，周末有没有人值班？', '麻烦您告诉我一下办理进度', '打扰一下，我想咨询一下子女入学的事',
    '不好意思，请问复印件需要盖章吗？', '麻烦帮我确认一下预约时间', '您好，想问一下体检报告什么时候能取', '打扰了，请问翻译件可以自己做吗？',
    '麻烦您帮忙看看我的申请表', '不好意思，再问一下，照片要几寸的？', '请问您知道在哪里交费吗？', '劳驾，请问这里可以办换证吗？',
    '麻烦你们通知我一下结果，谢谢', '不好意思打扰一下，能告诉我一下电话号码吗？', '想咨询一下租房登记的流程', '您好，我想了解一下子女的医保怎么办',
    '抱歉打扰，想确认一下材料是不是齐了', '麻烦问一下，大厅里有没有中文翻译？', '不好意思，我刚才说错了，是下周二', '给您添麻烦了，我明天再把材料带过来',
    '打扰您了，我想问问外籍员工的社保怎么交', '请问新卡什么时候可以领？', '不好意思，我想再确认一下地址', '麻烦您把表格发我一份',
    // Plain question forms (什么, 结果, 可以吗), added after the first retrain still read them as complaints.
    '请问审核结果一般什么时候出来？', '请问还需要准备什么？', '表格这样填可以吗？', '想问问审核结果出来了吗', '我填的信息有没有问题？', '请问这个表要填几份？',
  ],
};

export const enCourtesySeed: Record<'negative' | 'neutral', string[]> = {
  negative: [
    'Sorry, but I have been waiting three weeks and nobody called', 'Excuse me, but this is the fourth time I have asked', "I'm sorry but this is ridiculous",
    'Sorry to say the queue took all day', 'Could you please explain why nobody answers the phone?', 'Sorry for the rant, but the office lost my papers again',
    'Excuse me, why does it take two months to print a card?', 'Sorry to bother you, but I still have no answer after six weeks',
  ],
  neutral: [
    'Sorry to bother you, could you let me know if the form needs a stamp?', 'Excuse me, could you tell me which documents to bring?', 'Excuse me, can I pay the fee by card?',
    'Sorry for the trouble, could you check whether my file is complete?', 'Apologies for the inconvenience, could you confirm my appointment time?',
    'Sorry to trouble you, is the photo size the same as for a passport?', 'Pardon me, where is the waiting room?', 'Excuse me, do I need to book ahead?',
    "I'm sorry but could you repeat the address?", 'Could you tell me how long the renewal usually takes?', 'Could you send me the list of documents, please?',
    'Sorry to bother you, when does the new term start?', 'Excuse me, who should I ask about the housing subsidy?', 'Would you tell me the opening hours on Friday?',
    'Sorry for bothering you, can my wife apply at the same time?', 'Excuse me, is there parking near the service hall?',
    // Plain requests (could someone, could you send), added after the first retrain still read them as complaints.
    'Could someone help me with the online form?', 'Could you send the confirmation email to my new address?', 'Could you tell me what time the desk opens?',
    'Can you let me know when my appointment is?', 'Is there a link to book online?',
  ],
};
