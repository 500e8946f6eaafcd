import { decodeCursor, encodeCursor } from '../../../shared/store/cursor.js';

const scope = 'organiser#u1#all';
const partition = { attribute: 'gsi3pk', value: 'ENTRIES', sortAttribute: 'gsi3sk' };
const keyAttributes = ['pk', 'sk', 'gsi3pk', 'gsi3sk'];
const lastKey = { pk: 'ENTRY#01J', sk: 'ENTRY', gsi3pk: 'ENTRIES', gsi3sk: '01J' };

/** A cursor with the right fingerprint (it is no secret: anyone can compute it) around any key. */
const forged = (k: Record<string, unknown>) => encodeCursor(k, scope);

describe('list cursors', () => {
  it('gives back the key it was made from', () => {
    expect(decodeCursor(encodeCursor(lastKey, scope), scope, partition, keyAttributes)).toEqual(lastKey);
  });

  it.each([
    ['a key attribute missing', { pk: 'ENTRY#01J', gsi3pk: 'ENTRIES', gsi3sk: '01J' }],
    ['an extra attribute', { ...lastKey, status: 'draft' }],
    ['an empty key value', { ...lastKey, sk: '' }],
    ['another partition', { ...lastKey, gsi3pk: 'ORGS' }],
    ['a number for a key', { ...lastKey, gsi3sk: 7 }],
    ['a __proto__ key', JSON.parse('{"pk":"a","sk":"b","gsi3pk":"ENTRIES","__proto__":"x"}')],
  ])('refuses a forged cursor with %s, before DynamoDB sees it as a bad start key', (_name, key) => {
    expect(() => decodeCursor(forged(key), scope, partition, keyAttributes)).toThrow(
      'The cursor is not valid for this list.',
    );
  });

  it('refuses a start key outside the sort-key prefix the query reads', () => {
    const byStatus = { ...partition, sortPrefix: 'draft#' };
    const key = { ...lastKey, gsi3sk: 'submitted#01J' };
    expect(() => decodeCursor(forged(key), scope, byStatus, keyAttributes)).toThrow(
      'The cursor is not valid for this list.',
    );
    expect(decodeCursor(forged({ ...key, gsi3sk: 'draft#01J' }), scope, byStatus, keyAttributes)).toMatchObject({
      gsi3sk: 'draft#01J',
    });
  });

  it('refuses a cursor made for another query', () => {
    expect(() => decodeCursor(encodeCursor(lastKey, 'entrant#u2#org'), scope, partition, keyAttributes)).toThrow();
  });
});
