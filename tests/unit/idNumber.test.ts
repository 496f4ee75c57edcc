import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, checkIdNumber } from '../../shared/rules/idNumber';
import { checkPhone } from '../../shared/rules/phone';
import { maskIdNumber, maskPhone } from '../../shared/rules/mask';

const TODAY = '2026-11-25';

describe('citizen ID number (GB 11643-1999)', () => {
  it('accepts the standard example and derives birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: '2' });
  });
  it('computes the check character with the 7 9 10 5 … weights', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });
  it('normalises lower-case x, full-width digits and spaces', () => {
    const r = checkIdNumber(' １１０１０５１９４９１２３１００２x ', TODAY);
    expect(r.ok && r.value).toBe('11010519491231002X');
  });
  it('rejects a wrong check character', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'id.badCheck' });
  });
  it('rejects dates that do not exist, and knows leap years', () => {
    const withCheck = (first17: string) => first17 + checkCharacter(first17);
    expect(checkIdNumber(withCheck('11010519490230002'), TODAY)).toEqual({ ok: false, problem: 'id.badDate' });
    expect(checkIdNumber(withCheck('11010519000229002'), TODAY)).toEqual({ ok: false, problem: 'id.badDate' }); // 1900: not leap
    expect(checkIdNumber(withCheck('11010520000229002'), TODAY).ok).toBe(true); // 2000: leap
    expect(checkIdNumber(withCheck('11010520230229002'), TODAY)).toEqual({ ok: false, problem: 'id.badDate' });
    expect(checkIdNumber(withCheck('11010520240229002'), TODAY).ok).toBe(true);
    expect(checkIdNumber(withCheck('11010519491331002'), TODAY)).toEqual({ ok: false, problem: 'id.badDate' });
  });
  it('rejects a birth date in the future', () => {
    const first17 = '11010520271231002';
    expect(checkIdNumber(first17 + checkCharacter(first17), TODAY)).toEqual({ ok: false, problem: 'id.futureDate' });
  });
  it('upgrades a 15-digit first-generation number and says so', () => {
    const r = checkIdNumber('110105491231002', TODAY);
    expect(r).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: '2', upgradedFrom: '110105491231002' });
  });
  it('reports numbers Excel has mangled instead of guessing digits', () => {
    expect(checkIdNumber('1.10105E+17', TODAY)).toEqual({ ok: false, problem: 'id.excelMangled' });
    expect(checkIdNumber('1.10105194912310E+17', TODAY)).toEqual({ ok: false, problem: 'id.excelMangled' });
  });
  it('names the problem for wrong length and letters', () => {
    expect(checkIdNumber('1101051949', TODAY)).toEqual({ ok: false, problem: 'id.badLength' });
    expect(checkIdNumber('11010519491231A02X', TODAY)).toEqual({ ok: false, problem: 'id.badChars' });
    expect(checkIdNumber('', TODAY)).toEqual({ ok: false, problem: 'id.empty' });
  });
  it('computes age in whole years', () => {
    expect(ageOn('1949-12-31', '2026-11-25')).toBe(76);
    expect(ageOn('1946-11-25', '2026-11-25')).toBe(80);
    expect(ageOn('1946-11-26', '2026-11-25')).toBe(79);
  });
});

describe('phones', () => {
  it('normalises mobiles with spaces, dashes and +86', () => {
    expect(checkPhone('+86 138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
    expect(checkPhone('１９９ ００００ １１１１')).toEqual({ ok: true, value: '19900001111' });
  });
  it('keeps the area code of landlines', () => {
    expect(checkPhone('(010) 6512 3456')).toEqual({ ok: true, value: '010-65123456' });
    expect(checkPhone('0571-87654321')).toEqual({ ok: true, value: '0571-87654321' });
  });
  it('rejects what is not a phone', () => {
    expect(checkPhone('12345')).toEqual({ ok: false, problem: 'phone.invalid' });
    expect(checkPhone('12800138000').ok).toBe(false);
  });
});

describe('masking', () => {
  it('masks ID numbers and phones as privacy.md shows', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('010-65123456')).toBe('010-******56');
  });
});
