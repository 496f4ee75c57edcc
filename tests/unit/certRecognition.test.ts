import { describe, expect, it } from 'vitest';
import { abolishedMatch } from '../../shared/rules/certificates';
import { ABOLISHED_REQUESTS, ALLOWED_REQUESTS } from '../fixtures/certRequests';

describe('what a request is about', () => {
  it(`recognises each of the ${ABOLISHED_REQUESTS.length} abolished requests as its national kind`, () => {
    const wrong = ABOLISHED_REQUESTS.filter(([r, key]) => abolishedMatch(r)?.key !== key).map(([r, key]) => `${r}: ${abolishedMatch(r)?.key ?? 'nothing'} (want ${key})`);
    expect(wrong).toEqual([]);
  });

  it(`refuses none of the ${ALLOWED_REQUESTS.length} matters a committee may still certify`, () => {
    const refused = ALLOWED_REQUESTS.filter((r) => abolishedMatch(r)).map((r) => `${r}: ${abolishedMatch(r)!.key}`);
    expect(refused).toEqual([]);
  });

  it('adds the province’s kinds and words, and lets them win over the national reading', () => {
    const local = { kinds: [{ key: 'local-1', name: '低保证明', basis: '粤民发〔2020〕X号', instead: '由民政部门审核', synonyms: [] }], words: { 'local-1': ['低保户'], dog: ['猫'] } };
    expect(abolishedMatch('低保证明', local)?.key).toBe('local-1');
    expect(abolishedMatch('是不是低保户的证明', local)?.key).toBe('local-1');
    expect(abolishedMatch('养猫证明', local)?.key).toBe('dog');
    expect(abolishedMatch('低保证明')).toBeUndefined();
  });
});
