import { describe, expect, it } from 'vitest';
import { compareVersions, normalizeVersion, parseVersion } from '../../src/trace/version.js';

describe('compareVersions', () => {
  it.each([
    ['5.5.2653.12', '5.5.2654.3', -1],
    ['5.5.2654.3', '5.5.2654.3', 0],
    ['4.0.1381.133', '4.0.1381.33', 1],
    ['5.5.2652.68', '5.5.2654.3', -1],
    ['4.00.962', '4.0.962', 0],
    ['5.5', '5.5.0.0', 0],
    ['5.5.1', '5.5', 1],
    ['10.0', '9.9', 1],
    ['5,0,2195,1234', '5.0.2195.1234', 0],
  ] as const)('compares %s with %s numerically by component', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('throws on text that is not a version', () => {
    expect(() => compareVersions('5.5.x', '5.5')).toThrow(TypeError);
  });
});

describe('parseVersion', () => {
  it.each([
    ['5.5.2654.3', [5, 5, 2654, 3]],
    ['06.00.8764', [6, 0, 8764]],
    ['5,0,2195,1234', [5, 0, 2195, 1234]],
    ['version 4.0', [4, 0]],
    ['24C', undefined],
    ['', undefined],
  ] as const)('reads %j', (text, parts) => {
    expect(parseVersion(text)).toEqual(parts);
  });
});

describe('normalizeVersion', () => {
  it.each([
    ['5,0,2195,1234', '5.0.2195.1234'],
    ['4.00.962', '4.00.962'],
    ['786', undefined],
    ['1.2.3.4.5.6', undefined],
  ] as const)('normalises %j to %j', (text, expected) => {
    expect(normalizeVersion(text)).toBe(expected);
  });
});
