import { ForgottenMatcher, forgottenToken, parseToken, tokenText } from '../../../src/core/group/forgotten';
import { sha256 } from '../../../src/core/kernel/sha256';

const anna = {
  email: 'Anna.Schmidt@Example.de',
  firstName: 'Anna',
  lastName: 'Schmidt',
  company: 'Bäckerei Schmidt',
  postalCode: '53111',
};

describe('the hashes that keep a forgotten person on the Sperrliste', () => {
  it('sha256 gives the standard digests', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('ä'.repeat(40))).toBe(sha256('ä'.repeat(40)));
  });

  it('holds no name or address, reads back from its cell, and recognises the person in other spellings', () => {
    const text = tokenText(forgottenToken(anna, 'abcd1234')!);
    expect(text).toMatch(/^#DSGVO-17:s=abcd1234;e=[0-9a-f]{32};n=[0-9a-f]{32};p=[0-9a-f]{32};f=[0-9a-f]{12}$/);
    expect(text.toLowerCase()).not.toMatch(/anna|schmidt|example|53111|baeckerei/);
    const matcher = new ForgottenMatcher([{ token: parseToken(` ${text} `)!, value: 'row 7' }]);
    expect(matcher.match({ ...anna, email: ' mailto:ANNA.schmidt@example.de' })).toBe('row 7');
    expect(matcher.match({ ...anna, email: '', firstName: 'Dr. Anna', company: 'Baeckerei Schmidt' })).toBe(
      'row 7',
    );
    expect(matcher.match({ ...anna, email: '', company: '', postalCode: '53111' })).toBe('row 7');
    expect(
      matcher.match({ ...anna, email: 'anna@other.de', company: 'Metzgerei', postalCode: '10115' }),
    ).toBeUndefined();
  });

  it('differs between workbooks (salts), and is refused for a person nothing could recognise', () => {
    expect(tokenText(forgottenToken(anna, 'aa')!)).not.toEqual(
      tokenText(forgottenToken(anna, 'bb')!).replace('s=bb', 's=aa'),
    );
    expect(
      forgottenToken({ email: '-', firstName: 'Anna', lastName: '', company: 'X', postalCode: '1' }, 'aa'),
    ).toBeNull();
    expect(parseToken('#DSGVO-17:s=aa;e=nothex')).toBeNull();
    expect(parseToken('anna@example.de')).toBeNull();
  });
});
