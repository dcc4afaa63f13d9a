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
