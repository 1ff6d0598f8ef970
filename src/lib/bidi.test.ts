import { describe, expect, it } from 'vitest';
import { hasBidiControls, revealBidiControls, stripBidiControls } from './bidi';

const RLO = '\u202E';

describe('bidi controls', () => {
  it('finds every kind of bidi control', () => {
    for (const code of [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f,
      0x061c,
    ]) {
      expect(hasBidiControls(`a${String.fromCodePoint(code)}b`), code.toString(16)).toBe(true);
    }
  });

  it('leaves ordinary text, right-to-left scripts and joiners alone', () => {
    for (const text of ['report.png', 'שלום', 'مرحبا', 'a\u200Db', 'a\u00A0b', '']) {
      expect(hasBidiControls(text), text).toBe(false);
    }
  });

  it('shows the override that makes "gnp.exe" pose as "exe.png"', () => {
    const name = `invoice-${RLO}gnp.exe`;
    expect(revealBidiControls(name)).toBe('invoice-[U+202E RLO]gnp.exe');
    expect(stripBidiControls(name)).toBe('invoice-gnp.exe');
  });

  it('reveals every control, not only the first', () => {
    expect(revealBidiControls('\u2067a\u2069\u061C')).toBe('[U+2067 RLI]a[U+2069 PDI][U+061C ALM]');
  });
});
