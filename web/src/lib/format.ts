/** A fear in the person's words, in curly quotes, without doubling quotes the note-taker already typed. */
export function quoted(statement: string): string {
  const bare = statement.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  return `“${bare}”`;
}
