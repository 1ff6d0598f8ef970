/*
 * Bidirectional control characters let a name read differently from what it is: "gnp.exe" with
 * a right-to-left override before "gnp" shows as "exe.png". User text is shown isolated
 * (`unicode-bidi: isolate`) so it cannot reorder what is around it, and flagged when it holds
 * such characters so that what it pretends to be is not taken at face value.
 */

/** LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; LRM, RLM; the Arabic letter mark. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const BIDI_CONTROL_GLOBAL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

const names: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u061C': 'ALM',
};

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** The text with every bidi control replaced by a visible escape such as `[U+202E RLO]`. */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL_GLOBAL, (char) => {
    const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
    return `[U+${code} ${names[char] ?? ''}]`.replace(' ]', ']');
  });
}

/** The text without bidi controls: what a tooltip or copy of a suspicious name should show. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL_GLOBAL, '');
}
