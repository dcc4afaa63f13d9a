/**
 * More sentences we wrote about community services, for the complaints that carry no sentiment
 * word (delays, being sent from desk to desk, no answer, documents asked for again, systems down),
 * the questions and notices that name an office, a holiday or a closure without complaining, and
 * thanks for a problem fixed. Trained like the other seed sentences (domain-seed.ts). The held-out
 * domain check (domain-check.ts) uses other sentences, so the bench does not just read these back.
 */
export const zhService: Record<'positive' | 'negative' | 'neutral', string[]> = {
  negative: [
    '材料交上去两个月了，到现在还在审核', '签证续签拖了快半年', '等了三周还没拿到居留许可', '人才卡申请递交后一直没有下文', '说是十个工作日，结果等了一个多月',
    '出入境让我去派出所，派出所又让我回出入境', '问了三个窗口，每个都说不归他们管', '社保那边说找税务，税务说找社保', '一件事跑了四个部门',
    '发了好几封邮件，一封回复都没有', '热线打了一下午都是忙音', '留言一周了没人理', '在平台上提交的问题一直显示待处理', '客服说会回电，到现在也没打来',
    '每次去都要我再补一份材料', '上次说齐了，这次又要新的证明', '同一份文件已经交了三遍', '又让我回去重新翻译公证',
    '预约网站一直打不开', '系统又在维护，今天还是办不了', '小程序提交时总是报错', '线上缴费页面一直卡住', '叫号机坏了，大家只能干等',
    '下周再来，下周又说下周', '排了两个小时，轮到我说今天不办了', '孩子入学的事问了一个月也没有结果', '房东的登记到现在还没弄好', '快递的居留卡一直没寄到',
    '还在等审批', '还是没消息', '依然没有进展', '一拖再拖',
  ],
  positive: [
    '打了12345，第二天就有人上门修好了', '英文热线一下子就帮我解决了问题', '投诉后很快就有了答复，问题也解决了', '窗口的老师当场帮我办完了',
    '居留许可比预期提前一周拿到了', '社区帮忙联系了学校，孩子顺利入学', '网上预约很顺利，十分钟就办完了', '上次反映的路灯问题已经修好了',
    '垃圾清运很及时，小区干净多了', '社区的垃圾分类宣传很到位', '志愿者耐心讲解了垃圾分类', '工作人员主动打电话告诉我进度',
    '人才卡很快就批下来了', '签证中心的服务比以前好多了', '一次性告知了所有材料，没白跑', '问题反映当天就处理了',
    '打电话反映后问题很快就解决了', '热线帮我把问题解决了', '工作人员当场就把事情办好了', '一次就办好了，不用再跑', '反映的问题第二天就解决了',
  ],
  neutral: [
    '请问人才卡在哪里申请？', '签证到期前多久可以续签？', '居留许可换发需要带什么材料？', '请问出入境大厅周六开门吗？', '外国人体检在哪里做？',
    '请问12345有英文服务吗？', '国际学校的入学考试是什么时候？', '请问工作许可和居留许可可以一起办吗？', '办理签证需要预约吗？', '请问社保卡怎么办理',
    '国庆节期间出入境大厅暂停办公', '春节假期政务服务中心休息', '签证大厅周一闭馆', '12345热线24小时开通', '人才卡受理窗口设在二楼',
    '明天上午系统升级，网上预约暂停', '居留许可审批时间为七个工作日', '周五下午窗口只受理取证业务', '签证中心搬到了新地址', '元旦当天停止受理业务',
    '垃圾分类投放时间为早上七点到九点', '本小区实行垃圾分类', '办理居留许可需要护照、照片和住宿登记', '人才卡分为A卡和B卡', '请携带原件和复印件',
  ],
};

export const enService: Record<'positive' | 'negative' | 'neutral', string[]> = {
  negative: [
    'Two months since I handed in my papers and it is still under review', 'My work permit renewal has dragged on since spring', 'Three weeks and no residence card yet',
    'They said ten working days, it has been six weeks', 'I have been waiting on my visa extension since August', 'Still no decision on my talent card application',
    'The police station sent me to immigration and immigration sent me back', 'Every desk said it was not their department', 'Spent the whole day going from counter to counter',
    'Tax office says ask social security, social security says ask tax', 'I emailed four times and never heard back', 'The hotline rings out every time',
    'My message has been sitting unanswered for a week', 'They promised a call back that never came', 'The ticket is still marked pending',
    'Each visit they want one more certificate', 'Last time the file was complete, now they need another form', 'I have handed in the same letter three times',
    'Now they want the diploma translated and notarised all over again', 'The appointment website will not load', 'The system is under maintenance again so nothing can be done today',
    'The app crashes when I submit the form', 'The payment page keeps timing out', 'Come back next week, then next week again',
    'Queued two hours only to be told they stop at four', 'A month of asking about school places and no result', 'My residence card was posted weeks ago and never arrived',
    'still pending', 'still no update', 'no progress at all', 'waiting again',
    'They keep asking me for another paper every single visit', 'Every time I go back there is a new requirement', 'The portal is down yet again',
    'The booking site is always broken', 'The website has been offline all week', 'Bounced between three offices and nothing done',
    'They passed me from one window to the next', 'Sent back and forth between departments for days', 'Still waiting on my work permit',
    'Still waiting for a reply from the visa office', 'Told to come back tomorrow, again', 'They asked for my bank statement for the third time',
    'still waiting for the card', 'four months and still waiting',
    'The hotline hung up on me', 'They hung up on me twice', 'The operator hung up before I could explain',
    'I was put on hold for an hour', 'Kept on hold for forty minutes and then cut off',
  ],
  positive: [
    'Called 12345 and someone fixed it the next day', 'The English hotline sorted out my problem right away', 'They replied quickly and the issue is fixed',
    'The officer finished everything at the counter while I waited', 'My residence permit came a week early', 'The community helped us find a school place',
    'Booked online and was done in ten minutes', 'The broken street light I reported has been repaired', 'The rubbish collection is on time now, the estate is much cleaner',
    'The officer called me with an update without being asked', 'My talent card was approved quickly', 'They told me every document up front, so one visit was enough',
    'The problem was handled the same day I reported it', 'Much better service at the visa centre than last year',
    'The hotline fixed my problem in one call', 'They solved it on the spot', 'My issue was solved within an hour', 'The officer solved my residence problem right there',
    'Problem solved the same afternoon, thank you 12345', 'The water was back on the same day I called',
  ],
  neutral: [
    'Where do I apply for the talent card?', 'How early can I renew my visa?', 'What do I bring to renew a residence permit?', 'Is the immigration hall open on Saturday?',
    'Where do foreigners do the health check?', 'Does 12345 have an English line?', 'When is the entrance test for the international school?', 'Can the work permit and residence permit be done together?',
    'Do I need an appointment for the visa office?', 'How do I get a social security card?', 'The immigration hall is closed during the National Day holiday.',
    'The service centre is closed for the Spring Festival.', 'The visa hall does not open on Mondays.', 'The 12345 hotline runs 24 hours a day.', 'The talent card desk is on the second floor.',
    'Online booking is paused tomorrow morning for a system upgrade.', 'A residence permit takes seven working days.', 'On Friday afternoons the counter only hands out cards.',
    'The visa centre has moved to a new address.', 'No applications are taken on New Year\'s Day.', 'Rubbish is collected from 7 to 9 in the morning.',
    'Bring the original and a copy.', 'There are two kinds of talent card, A and B.', 'The office is closed next Tuesday for the holiday.',
    'How do I register my address with the police?', 'How do I book a visa appointment?', 'What papers are needed for a work permit?', 'What do I need for the talent card?',
    'The service hall reopens after the holiday on Wednesday.', 'The clinic reopens on Monday.', 'The visa office is shut on Friday for the festival.',
    'Which documents should I bring for the renewal?', 'How long is the talent card valid?',
  ],
};
