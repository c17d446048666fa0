/**
 * Box labels for the drawing: a state's name in words, wrapped to the box. SVG text does not wrap by itself, so a
 * label is cut into at most `maxLines` lines of about `maxChars` characters at spaces; a word longer than a line is
 * cut, and text beyond the last line ends in an ellipsis (the full label stays in the box's title).
 */

/** `AwaitPartyConfirmation` → `Await party confirmation`: the fallback when the desk has no words for a state. */
export function spacedName(stateName: string): string {
  const words = stateName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(' ');
}

export function labelLines(text: string, maxChars: number, maxLines = 2): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces = word.length > width ? (word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [word]) : [word];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, width - 1))}…`;
  return kept;
}
