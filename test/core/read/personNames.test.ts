import { splitFullName } from '../../../src/core/read/personNames';

describe('splitFullName', () => {
  it.each([
    ['Dr. Anna Schmidt', '', 'Dr.', 'Anna', 'Schmidt'],
    ['Schmidt, Anna', '', '', 'Anna', 'Schmidt'],
    ['Schmidt, Dr. Anna', '', 'Dr.', 'Anna', 'Schmidt'],
    ['Herr Max Mustermann', 'Herr', '', 'Max', 'Mustermann'],
    ['Frau Prof. Dr. Eva Maria Weber', 'Frau', 'Prof. Dr.', 'Eva Maria', 'Weber'],
    ['Herr Dipl.-Ing. Karl van der Berg', 'Herr', 'Dipl.-Ing.', 'Karl', 'van der Berg'],
    ['Mustermann', '', '', '', 'Mustermann'],
    ['Herr', '', '', '', 'Herr'],
    ['  Anna   Schmidt  ', '', '', 'Anna', 'Schmidt'],
    ['', '', '', '', ''],
  ])('%p', (full, salutation, title, firstName, lastName) => {
    expect(splitFullName(full)).toEqual({ salutation, title, firstName, lastName });
  });
});
