/** A fear in the person's words, in curly quotes, without doubling quotes the note-taker already typed. */
export function quoted(statement: string): string {
  const bare = statement.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  return `“${bare}”`;
}

/** A server field message ("is already used by another account") as a sentence under its field. */
export function fieldSentence(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const text = message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
