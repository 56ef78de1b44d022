import { GraphQLError, Kind } from 'graphql';
import { DateScalar } from './date.scalar';

describe('the Date scalar', () => {
  it('serialises calendar dates as they are, and instants as their Vietnamese date', () => {
    expect(DateScalar.serialize('2017-10-15')).toBe('2017-10-15');
    expect(DateScalar.serialize(new Date('2017-10-15T18:00:00Z'))).toBe('2017-10-16');
    expect(() => DateScalar.serialize('15/10/2017')).toThrow(GraphQLError);
  });

  it('reads dates and timestamps from variables', () => {
    expect(DateScalar.parseValue('2017-10-15')).toBe('2017-10-15');
    expect(DateScalar.parseValue('2017-10-15T17:30:00Z')).toBe('2017-10-16');
  });

  it.each(['2017-02-30', '15/10/2017', 20171015, null])('refuses %j with BAD_USER_INPUT', (value) => {
    try {
      DateScalar.parseValue(value);
      throw new Error('accepted');
    } catch (error) {
      expect((error as GraphQLError).extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('reads string literals only', () => {
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2016-02-29' })).toBe('2016-02-29');
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20160229' })).toThrow(GraphQLError);
  });
});
