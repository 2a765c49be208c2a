import { describe, expect, it } from 'vitest';
import { compareVersions, majorOf, parseSemver, portKey, splitPinnedName } from './port-version.js';

describe('port versions', () => {
  it('parses semantic versions and refuses others', () => {
    expect(parseSemver('1.4.2')).toEqual({ major: 1, minor: 4, patch: 2 });
    expect(parseSemver('2.0.0-rc.1+build.5')).toEqual({ major: 2, minor: 0, patch: 0, prerelease: 'rc.1' });
    expect(parseSemver('1.0')).toBeUndefined();
    expect(parseSemver('v1.0.0')).toBeUndefined();
    expect(parseSemver('01.0.0')).toBeUndefined();
  });

  it('orders versions numerically, a prerelease before its release', () => {
    const sorted = ['1.10.0', '1.2.0', '2.0.0', '2.0.0-rc.1', '1.2.1'].sort(compareVersions);
    expect(sorted).toEqual(['1.2.0', '1.2.1', '1.10.0', '2.0.0-rc.1', '2.0.0']);
  });

  it('names the table of each major, keeping the plain name for 0 and 1', () => {
    expect(portKey('order_lines', 0)).toBe('order_lines');
    expect(portKey('order_lines', 1)).toBe('order_lines');
    expect(portKey('order_lines', 2)).toBe('order_lines@v2');
    expect(majorOf('3.1.0', 'orders/order_lines')).toBe(3);
    expect(() => majorOf('latest', 'orders/order_lines')).toThrow(
      /orders\/order_lines: version 'latest' is not a semantic version/,
    );
  });

  it('splits a pinned name', () => {
    expect(splitPinnedName('order_lines@v2')).toEqual({ name: 'order_lines', major: 2 });
    expect(splitPinnedName('order_lines')).toEqual({ name: 'order_lines' });
  });
});
