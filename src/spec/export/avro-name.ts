/** Avro names (records, fields): `[A-Za-z_][A-Za-z0-9_]*`. */
export const AVRO_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `text` as an Avro name: every other character becomes `_`, and a leading digit gets `_` before it. */
export function avroName(text: string): string {
  const replaced = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(replaced) ? replaced : `_${replaced}`;
}

/** A dotted Avro namespace from its parts; undefined when no part is given. */
export function avroNamespace(parts: readonly (string | undefined)[]): string | undefined {
  const names = parts.filter((p): p is string => p !== undefined && p.trim() !== '').map(avroName);
  return names.length > 0 ? names.join('.') : undefined;
}

/**
 * Hands out names unique within one scope (a record's fields, or every record of one schema).
 * Two source names that sanitize alike ("a-b", "a b") would clash; the later gets `_2`, `_3`, ...
 */
export class AvroNameScope {
  readonly #used = new Set<string>();

  claim(text: string): string {
    const base = avroName(text);
    let name = base;
    for (let n = 2; this.#used.has(name); n++) name = `${base}_${n}`;
    this.#used.add(name);
    return name;
  }
}
