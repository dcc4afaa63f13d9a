/**
 * Texts with no feeling in them, written by us for training: notices, schedules, announcements,
 * questions and plain statements of fact, the way a community's feeds and service desks phrase
 * them. Weibo labels its news posts positive, so without these a dated notice leans positive.
 * The unit tests use other sentences.
 */
export const zhNeutral: string[] = [
  '2022年留学生创业大赛将于11月在历城区举行', '第五届中外青年论坛定于下月中旬召开', '市人社局发布2023年度人才引进公告', '本次讲座时间为周三下午三点，地点在二楼会议室',
  '社区卫生服务站周日上午不开诊', '出入境接待大厅元旦期间暂停办公', '报名时间为4月1日至4月20日', '活动地点：高新区创新大厦一楼', '申请材料包括护照复印件和学历证明',
  '办理时间约为十五个工作日', '公交12路将于下周起调整线路', '图书馆开放时间调整为上午9点至下午5点', '以下是本月活动安排', '中秋节放假安排如下',
  '外国人来华工作许可分为A、B、C三类', '社区医院位于经十路88号', '会议议程包括政策解读和交流环节', '本周四上午进行消防演练', '2021年共受理申请320件',
  '第二批名单将于月底公布', '请于本周五前提交报名表', '讲座由市外办主办，社区承办', '现将有关事项通知如下', '地铁3号线终点站为龙洞庄',
  '本届运动会设田径、游泳等项目', '参会人员需提前十分钟入场', '办理地点在政务服务大厅三楼', '咨询时间为工作日上午', '4月15日起开始网上预约',
  '此次培训共有来自12个国家的学员参加', '座谈会将于明天下午在市民中心召开', '报名请扫描下方二维码', '新学期将于9月1日开学', '活动面向辖区内外籍居民',
  '年度体检安排在5月第二周', '请问办理居留许可需要多长时间？', '请问哪里可以打印申请表', '社区周末有没有中文课？', '请问这个活动需要报名吗',
  '据统计，今年一季度共接待来访者1500人次', '该政策适用于持有工作许可的外籍人员', '明天有小雨，气温12到18度', '下周一起实行新的作息时间',
  '会议纪要已发至各位邮箱', '第三季度工作总结会定于10月8日举行', '文化交流周于昨日开幕', '颁奖仪式将在活动最后一天举行',
];

export const enNeutral: string[] = [
  'The 2022 startup contest for international students takes place in November.', 'Applications open on 1 April and close on 20 April.',
  'The clinic is closed on Sunday mornings.', 'The lecture is on Wednesday at 3 pm in the meeting room on the second floor.',
  'Bus route 12 changes next week.', 'The library now opens from 9 am to 5 pm.', 'Here is the schedule for this month.', 'Holiday arrangements for the Mid-Autumn Festival are as follows.',
  'Work permits for foreigners come in three categories, A, B and C.', 'The agenda covers the new policy and a question session.', 'A fire drill is planned for Thursday morning.',
  'The second list will be published at the end of the month.', 'Please submit the form by Friday.', 'The event is organised by the city foreign affairs office.',
  'Processing takes about fifteen working days.', 'The meeting minutes have been sent by email.', 'Online booking starts on 15 April.', 'Participants come from twelve countries.',
  'The forum will be held tomorrow afternoon at the civic centre.', 'Scan the QR code below to register.', 'The new term starts on 1 September.',
  'Does the Chinese class run on weekends?', 'Where can I print the application form?', 'Tomorrow will be cloudy with a high of 18 degrees.',
  'In the first quarter the desk received 1,500 visitors.', 'The policy applies to holders of a work permit.', 'The culture week opened yesterday.',
];
