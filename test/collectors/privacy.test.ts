import { describe, expect, it } from 'vitest';
import { pseudonymise, redactPersonalData } from '../../collectors/shared/privacy.ts';

describe('redactPersonalData', () => {
  it.each([
    ['请回电 13812345678 谢谢', '请回电 [PHONE] 谢谢'],
    ['call +86 139 1234 5678 please', 'call [PHONE] please'],
    ['手机：+86-15012345678', '手机：[PHONE]'],
    ['电话0086 186-1234-5678', '电话[PHONE]'],
    ['办公室 0531-88886666 转', '办公室 [PHONE] 转'],
    ['office (0531) 8888 6666', 'office [PHONE]'],
    ['北京 010-62345678', '北京 [PHONE]'],
    ['from abroad +86 531 8888 6666', 'from abroad [PHONE]'],
    ['mail me at anna.schmidt+visa@example.de.', 'mail me at [EMAIL].'],
    ['邮箱 wang_li2024@qq.com', '邮箱 [EMAIL]'],
    ['身份证号370102199003071234，已提交', '身份证号[ID]，已提交'],
    ['ID 37010219900307123X ok', 'ID [ID] ok'],
    ['my passport E12345678 expired', 'my passport [PASSPORT] expired'],
    ['护照号码：G1234567', '护照号码：[PASSPORT]'],
    ['护照号：C01X00T47 丢失', '护照号：[PASSPORT] 丢失'],
    ['new one is EA1234567', 'new one is [PASSPORT]'],
    // Residents of an international community write their home numbers the way their country does.
    ['call me on +44 20 7946 0958 please', 'call me on [PHONE] please'],
    ['US cell +1 (415) 555-0100.', 'US cell [PHONE].'],
    ['Handy +49 151 12345678', 'Handy [PHONE]'],
    ['tél. +33 1 23 45 67 89', 'tél. [PHONE]'],
    ['韩国号码+82-10-1234-5678', '韩国号码[PHONE]'],
    ['my number is (415) 555-0100', 'my number is [PHONE]'],
    ['or 415-555-0100 after six', 'or [PHONE] after six'],
    ['passport number is 534823871', 'passport number is [PASSPORT]'],
    ['护照号是E12345678', '护照号是[PASSPORT]'],
    ['身份证 370102 19900307 1234 请核对', '身份证 [ID] 请核对'],
    // 外国人永久居留身份证, the 2004 format: nationality code and twelve digits.
    ['永久居留证 USA310079050101', '永久居留证 [ID]'],
  ])('redacts %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  // Typed with the input method in full-width mode; the text around keeps its own forms.
  it.each([
    ['电话：１３８１２３４５６７８', '电话：[PHONE]'],
    ['ｅｍａｉｌ＠ｅｘａｍｐｌｅ．ｃｏｍ', '[EMAIL]'],
    ['请回复．ＬＩＮＧ．ＷＥＩ２０１９＠ＥＸＡＭＰＬＥ．ＣＯＭ，谢谢！', '请回复．[EMAIL]，谢谢！'],
    ['联系（Ｔｅｌ）：１３８－１２３４－５６７８，或（０５３１）８８８８　６６６６。', '联系（Ｔｅｌ）：[PHONE]，或[PHONE]。'],
    ['办公室（0531）8888 6666，周一至周五', '办公室[PHONE]，周一至周五'],
    ['护照号码：Ｅ１２３４５６７８（已过期）', '护照号码：[PASSPORT]（已过期）'],
    ['身份证：３７０１０２１９９００３０７１２３Ｘ，卡号：６２２２　０２１２　３４５６　７８９０　１２３', '身份证：[ID]，卡号：[CARD]'],
    ['ｍｙ ｎｕｍｂｅｒ ｉｓ ＋４４ ２０ ７９４６ ０９５８', 'ｍｙ ｎｕｍｂｅｒ ｉｓ [PHONE]'],
  ])('redacts full-width %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    ['call me on 0044 20 7946 0958 please', 'call me on [PHONE] please'],
    ['手机 0086 138 1234 5678', '手机 [PHONE]'],
    ['Handy 0049 151 12345678', 'Handy [PHONE]'],
    ['US cell 001 (415) 555-0100.', 'US cell [PHONE].'],
    ['韩国号码0082-10-1234-5678', '韩国号码[PHONE]'],
    ['电话：0044 20 7946 0958，邮箱另发', '电话：[PHONE]，邮箱另发'],
  ])('redacts a 00 international prefix like + in %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    ['护照号码：E 1234 5678', '护照号码：[PASSPORT]'],
    ['passport no. E 1234 5678', 'passport no. [PASSPORT]'],
    ['Passport No: EA 123 4567, expires 2030', 'Passport No: [PASSPORT], expires 2030'],
    ['我的护照是 E1234 5678 请核对', '我的护照是 [PASSPORT] 请核对'],
    ['passport number 534 823 871 lost', 'passport number [PASSPORT] lost'],
  ])('redacts a labelled passport written in groups: %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    // Written in fours as printed on the card: a card, check digit or not.
    ['转账到 6222 0212 3456 7890 123 即可', '转账到 [CARD] 即可'],
    ['Visa 4111-1111-1111-1111 exp 12/27', 'Visa [CARD] exp 12/27'],
    // In one run, unlabelled: a card when its check digit (Luhn) is right.
    ['退款请打到6228480012345678903，谢谢', '退款请打到[CARD]，谢谢'],
    ['card 5354123456789016', 'card [CARD]'],
    // Labelled: a card whatever its digits.
    ['银行卡号：6222021234567890123', '银行卡号：[CARD]'],
    ['卡号 6222-0212-3456-7890-123', '卡号 [CARD]'],
    ['my card number is 6222 0212 3456 7890', 'my card number is [CARD]'],
    ['信用卡：6222021234567890 已冻结', '信用卡：[CARD] 已冻结'],
  ])('redacts the whole bank card number in %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each([
    '请拨打12345政务服务便民热线',
    'Call the 12345 hotline',
    '2024-03-15 10:30 办理',
    '2024年3月15日',
    '补贴金额 138000 元，合计 1,380,000.00 元',
    'Q3 2024 report at the G20 venue; COVID19 rules; MP3 and A4 paper',
    'Room 1305, Building 3, 15 Jingshi Road',
    'ticket no. 20240315 and postcode 250014',
    'passport service took 3 days',
    'passport is valid until 2030',
    'score +1 from me, +20% on last year, +300 points',
    'version 2.4.1-beta, room 12-301',
    'ISO 9001:2015 and GB/T 19001-2016',
    '客服电话 400-711-6699，订房 800-820-6666',
    '2024-05-01 00:00:00 受理，2024年5月1日办结',
    '补贴 ¥12,000，奖励 ¥1,200,000.00，费率 0.0045',
    '依据第8.1.2条和 clause 8.1.2.3',
    'from 1990 to 2024, 30 years',
    '工单 GD2026030001 与 GD2026039001 合并',
    'SR 1-870704831 and ticket D-1',
    // Long numbers that are no card: date-led (even with a valid check digit), a wrong check digit,
    // too many digits, an id in a link, a decimal.
    '订单号 20240501000123450',
    '订单号 6222021234567890123',
    'batch 62220212345678901234567',
    'https://example.com/status/5354123456789016',
    'pi = 3.5354123456789016',
    '护照 2 本，签证 3 页；passport photos 35 45',
    '编号 0.0012 和 1,0044 20',
    // Full-width text with nothing personal keeps every form it was written in.
    'ＷｉＦｉ密码在前台（第２层），营业时间９：００－１７：００',
    '请拨打１２３４５热线，咨询２０２４年第３季度政策',
  ])('leaves %s alone', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });
});

describe('pseudonymise', () => {
  it('is stable per key, differs across keys and hides the value', () => {
    const a = pseudonymise('key-one-123', 'R-0001');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(pseudonymise('key-one-123', 'R-0001')).toBe(a);
    expect(pseudonymise('key-two-456', 'R-0001')).not.toBe(a);
    expect(pseudonymise('key-one-123', 'R-0002')).not.toBe(a);
    expect(a).not.toContain('0001');
  });
});
