import { ApiError, apiClient, buildUrl, fieldErrorsOf, holdSignOut, onUnauthenticated, sessionRenewed, setCsrfToken } from './api-client';
import { mockApi } from '@/testing/api-mock';

describe('api-client', () => {
  it('turns an error body into an ApiError carrying status, code, field messages and the current record', async () => {
    const api = mockApi();
    api.patch('/stakeholders/:id', {
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'version_conflict',
        message: 'Someone else changed this stakeholder',
        requestId: 'req-42',
        current: { id: 's-1', version: 7 },
      },
    });

    const failure = await apiClient.patch('/stakeholders/s-1', { name: 'X', version: 6 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    const error = failure as ApiError;
    expect(error.status).toBe(409);
    expect(error.code).toBe('version_conflict');
    expect(error.isVersionConflict).toBe(true);
    expect(error.message).toBe('Someone else changed this stakeholder');
    expect(error.requestId).toBe('req-42');
    expect(error.current).toEqual({ id: 's-1', version: 7 });
  });

  it('keys field messages by their dotted path, first message per field', async () => {
    const api = mockApi();
    api.post('/stakeholders/:id/soundings', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'Validation failed',
        fields: [
          { field: 'summary', message: 'summary should not be empty' },
          { field: 'fears.1.statement', message: 'statement must be shorter' },
          { field: 'fears.1.statement', message: 'a second complaint' },
        ],
      },
    });

    const error = await apiClient.post('/stakeholders/s-1/soundings', {}).catch((e: unknown) => e);

    expect(fieldErrorsOf(error)).toEqual({
      summary: 'summary should not be empty',
      'fears.1.statement': 'statement must be shorter',
    });
  });

  it('reports a non-JSON failure with its status, in plain words, instead of crashing', async () => {
    global.fetch = jest.fn(async () => ({ ok: false, status: 502, statusText: 'Bad Gateway', text: async () => '<html>' })) as unknown as typeof fetch;

    const error = (await apiClient.get('/dashboard').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.message).toBe('Soundings is not answering right now. Nothing on this page is lost; try again in a moment.');
  });

  it('says the server could not be reached when the network fails', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;

    const error = (await apiClient.get('/dashboard').catch((e: unknown) => e)) as ApiError;

    expect(error.code).toBe('network_error');
    expect(error.message).toMatch(/could not reach the server/i);
  });

  it('sends JSON with same-origin credentials and leaves out empty query values', async () => {
    const api = mockApi();
    api.post('/stakeholders', { status: 201, body: { id: 's-9' } });

    await apiClient.post('/stakeholders', { name: 'Ada' });

    const [, init] = api.fetchMock.mock.calls[0] as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(init.body).toBe(JSON.stringify({ name: 'Ada' }));
    expect(buildUrl('/stakeholders', { q: '', page: 2, cooling: true, role: undefined })).toBe('/api/stakeholders?page=2&cooling=true');
  });

  it('sends the CSRF token on writes and on a read that asks for it (the export), not on plain reads', async () => {
    const api = mockApi();
    api.get('/stakeholders/:id/export', { status: 200, body: {} });
    api.get('/stakeholders/:id', { status: 200, body: {} });
    api.post('/stakeholders', { status: 201, body: {} });
    setCsrfToken('csrf-123');
    try {
      await apiClient.get('/stakeholders/s-1/export', { csrf: true });
      await apiClient.get('/stakeholders/s-1');
      await apiClient.post('/stakeholders', { name: 'Ada' });
    } finally {
      setCsrfToken(null);
    }
    const sent = (api.fetchMock.mock.calls as [string, RequestInit][]).map(([url, init]) => [url, new Headers(init.headers).get('x-csrf-token')]);
    expect(sent).toEqual([
      ['/api/stakeholders/s-1/export', 'csrf-123'],
      ['/api/stakeholders/s-1', null],
      ['/api/stakeholders', 'csrf-123'],
    ]);
  });

  it('resolves a 204 with no body', async () => {
    const api = mockApi();
    api.delete('/stakeholders/:id', { status: 204 });
    await expect(apiClient.delete('/stakeholders/s-1')).resolves.toBeUndefined();
  });

  it('says in plain words what a bare server failure means and what to do, never its status line', async () => {
    const api = mockApi();
    api.post('/stakeholders/:id/soundings', { status: 502 });
    api.get('/stakeholders', { status: 500 });
    const gateway = (await apiClient.post('/stakeholders/s-1/soundings', {}).catch((error: unknown) => error)) as ApiError;
    expect(gateway.message).toBe('Soundings is not answering right now. Nothing on this page is lost; try again in a moment.');
    const crash = (await apiClient.get('/stakeholders').catch((error: unknown) => error)) as ApiError;
    expect(crash.message).toMatch(/^Something went wrong on the server, so this did not go through\. Try again in a moment/);
    expect(crash.message).not.toMatch(/500|Internal Server Error/);
  });

  it('adds what to do and the reference to the server\'s own 500 message', async () => {
    const api = mockApi();
    api.get('/stakeholders', {
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'Something went wrong on our side. The error has been logged.', requestId: 'req-9' },
    });
    const error = (await apiClient.get('/stakeholders').catch((failure: unknown) => failure)) as ApiError;
    expect(error.message).toBe(
      'Something went wrong on the server, so this did not go through. Try again in a moment; if it keeps happening, tell your admin (reference req-9).',
    );
  });

  it('keeps the app in place while a screen holds sign-out, and signs out on release unless the session was renewed', async () => {
    const api = mockApi();
    api.get('/stakeholders', { status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'unauthenticated', message: 'Sign in to continue.' } });
    const signedOut = jest.fn();
    const stop = onUnauthenticated(signedOut);
    try {
      const release = holdSignOut();
      await apiClient.get('/stakeholders').catch(() => undefined);
      expect(signedOut).not.toHaveBeenCalled();
      release();
      expect(signedOut).toHaveBeenCalledTimes(1);

      const again = holdSignOut();
      await apiClient.get('/stakeholders').catch(() => undefined);
      sessionRenewed();
      again();
      expect(signedOut).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });
});
