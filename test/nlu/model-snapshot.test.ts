import { decodeDoubles, encodeDoubles } from '../../src/nlu/model-snapshot';

describe('encodeDoubles / decodeDoubles', () => {
  it('round-trips every double bit for bit, through JSON', () => {
    const values = Float64Array.from([
      0,
      -0,
      1,
      -1,
      0.1 + 0.2,
      Math.PI,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      Number.MAX_VALUE,
      Number.EPSILON,
      2.2250738585072014e-308,
      1 / 3,
      -123456.789e-200,
    ]);
    const text = JSON.parse(JSON.stringify({ w: encodeDoubles(values) })).w as string;
    const back = decodeDoubles(text, values.length, 'w');
    expect(back).toHaveLength(values.length);
    values.forEach((v, i) => expect(Object.is(back[i], v)).toBe(true));
  });

  it('refuses a text of the wrong length, or holding a value that is not a finite number', () => {
    const text = encodeDoubles(Float64Array.from([1, 2, 3]));
    expect(() => decodeDoubles(text, 4, 'weights')).toThrow('weights: 3 values, expected 4');
    expect(() => decodeDoubles(encodeDoubles(Float64Array.from([1, NaN])), 2, 'bias')).toThrow(
      'bias: value 1 is not a finite number',
    );
    expect(() => decodeDoubles(encodeDoubles(Float64Array.from([Infinity])), 1, 'bias')).toThrow(/not a finite/);
  });
});
