/**
 * One line of plain text, as a name must be: no control or format character (bidi overrides among them, which
 * would turn the rest of a sentence quoting the name backwards), no line or paragraph separator, no lone
 * surrogate (which no store keeps as it came), no private-use or unassigned code point (which no screen shows
 * alike).
 */
export const PLAIN_LINE = /^[^\p{C}\p{Zl}\p{Zp}]+$/u;
