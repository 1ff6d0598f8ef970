/*
 * Python renderings that leak into Skyvern's messages: `repr()` of parsed JSON values (used in
 * 502 details and enum errors) and `json.dumps()` with its default separators and ASCII escaping
 * (used for the stored custom-service configuration).
 */

function reprString(text: string): string {
  // Python picks single quotes unless the text contains a single quote and no double quote.
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out + quote;
}

export function pyRepr(value: unknown, redact?: (key: string) => boolean): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return reprString(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => pyRepr(item, redact)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${reprString(key)}: ${redact?.(key) ? "'***'" : pyRepr(item, redact)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return reprString(String(value));
}

/** `json.dumps(value)`: `", "` and `": "` separators, non-ASCII escaped as lower-case `\uXXXX`. */
export function pyJsonDumps(value: unknown): string {
  const render = (item: unknown): string => {
    if (Array.isArray(item)) return `[${item.map(render).join(', ')}]`;
    if (typeof item === 'object' && item !== null) {
      return `{${Object.entries(item as Record<string, unknown>)
        .map(([key, inner]) => `${render(key)}: ${render(inner)}`)
        .join(', ')}}`;
    }
    return (JSON.stringify(item) ?? 'null').replace(
      /[\u0080-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  };
  return render(value);
}
