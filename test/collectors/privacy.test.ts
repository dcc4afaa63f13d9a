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
