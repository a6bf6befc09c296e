import { describeErrorForLog, redactSecrets, requestSecrets } from './log-redaction';

describe('requestSecrets', () => {
  it('collects credentials (whole and in parts) and every string in body and query', () => {
    const secrets = requestSecrets({
      headers: { authorization: 'Bearer snd_abcdef', cookie: 'soundings_session=s3cr3t%2Bvalue; theme=dark', 'x-csrf-token': 'csrf-1234', accept: 'application/json' },
      body: { password: 'a long password here', fears: [{ statement: 'Worried about budgets' }], influence: 3 },
      query: { q: 'Ingrid' },
    });
    expect(secrets).toEqual(
      expect.arrayContaining(['Bearer snd_abcdef', 'snd_abcdef', 's3cr3t%2Bvalue', 's3cr3t+value', 'csrf-1234', 'a long password here', 'Worried about budgets', 'Ingrid']),
    );
    for (const notSecret of ['application/json', 'Bearer', 'soundings_session', 'theme']) expect(secrets).not.toContain(notSecret);
    // Longest first, so a value that contains another is replaced whole.
    expect(secrets).toEqual([...secrets].sort((a, b) => b.length - a.length));
  });
});

describe('redactSecrets', () => {
  it('replaces each secret, also in its JSON-escaped form', () => {
    expect(redactSecrets('user said "line one\\nline two" and hunter2hunter2', ['line one\nline two', 'hunter2hunter2'])).toBe(
      'user said "[redacted]" and [redacted]',
    );
  });
});

describe('describeErrorForLog', () => {
  function databaseError(code: string, message: string): Error {
    return Object.assign(new Error(message), { name: 'QueryFailedError', driverError: { code, table: 'soundings', routine: 'exec_stmt_raise' } });
  }

  it('drops a database message that may quote values and keeps code, table and stack frames', () => {
    const logged = describeErrorForLog(databaseError('P0001', 'refusing sounding Private words'), []);
    expect(logged).toMatch(/^QueryFailedError: database error P0001 \(table soundings, in exec_stmt_raise\)\n\s+at /);
    expect(logged).not.toContain('Private words');
    expect(describeErrorForLog(databaseError('22P02', 'invalid input syntax for type uuid: "Ingrid"'), [])).not.toContain('Ingrid');
  });

  it('keeps other messages, with the request\'s values redacted', () => {
    expect(describeErrorForLog(databaseError('42703', 'column "nme" does not exist'), [])).toContain('column "nme" does not exist');
    expect(describeErrorForLog(new TypeError('Cannot read "Secret note text"'), ['Secret note text'])).toMatch(/^TypeError: Cannot read "\[redacted\]"/);
    expect(describeErrorForLog('a thrown string with a password123', ['password123'])).toBe('a thrown string with a [redacted]');
  });
});
