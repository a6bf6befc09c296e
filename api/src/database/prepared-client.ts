import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Beyond this many on one connection, further statements go unnamed: server memory stays bounded. */
export const PREPARED_PER_CONNECTION = 500;

/** Statement texts seen recently and their names; bounded, as some statements are built per request. */
const NAMES_REMEMBERED = 2000;
const nameByText = new Map<string, string>();

/** The prepared statement's name for a text: hashing a long statement on every query costs more than a lookup. */
export function statementName(text: string): string {
  let name = nameByText.get(text);
  if (name === undefined) {
    name = `s_${createHash('sha1').update(text).digest('hex')}`;
    if (nameByText.size >= NAMES_REMEMBERED) nameByText.clear();
    nameByText.set(text, name);
  }
  return name;
}

/**
 * A pg client that sends every parameterised statement as a named prepared statement, so PostgreSQL
 * parses and analyses it once per connection instead of on every request. The name is a hash of the
 * text, so one name never stands for two statements. Statements without parameters (transaction
 * control, DDL, several commands in one string) are sent as they were: the extended protocol takes one
 * command per statement, and those are rare.
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();

  constructor(...args: ConstructorParameters<typeof Client>) {
    super(...args);
    // While a pool ends it forgets a client before the client's socket has closed. If the server then
    // terminates that backend (a restart, an administrator), the client reports an error nobody listens
    // for, and an unheard 'error' event would crash the process. Queries in flight still get their errors.
    this.on('error', () => undefined);
  }

  // pg's query has many overloads; only (text, values[, callback]) is rewritten.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (this.prepared.has(name) || this.prepared.size < PREPARED_PER_CONNECTION) {
        this.prepared.add(name);
        args = [{ name, text, values }, ...args.slice(2)];
      }
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
