import { canonicalText, quotedWords, textProblem, type TextKind } from '@soundings/shared';

/** A fear in the person's words, in curly quotes, without doubling quotes the note-taker already typed. */
export const quoted = quotedWords;

/** A server field message ("is already used by another account") as a sentence under its field. */
export function fieldSentence(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const text = message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** Why the API would refuse this typed text, as a sentence under its field; undefined when it is fine. */
export function textError(value: string, kind: TextKind): string | undefined {
  return fieldSentence(textProblem(canonicalText(value), kind) ?? undefined);
}
