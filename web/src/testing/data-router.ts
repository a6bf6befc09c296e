// jsdom leaves out the Fetch API's Request, which a data router builds for every navigation (for loaders,
// which these screens do not use). A minimal one lets tests drive a data router, as the app runs on one.
if (typeof globalThis.Request === 'undefined') {
  class TestRequest {
    readonly url: string;
    readonly method: string;
    readonly signal: AbortSignal;
    readonly headers: Headers;
    constructor(url: string | URL, init: { method?: string; signal?: AbortSignal; headers?: HeadersInit } = {}) {
      this.url = String(url);
      this.method = init.method ?? 'GET';
      this.signal = init.signal ?? new AbortController().signal;
      this.headers = new Headers(init.headers);
    }
  }
  globalThis.Request = TestRequest as unknown as typeof Request;
}

export {};
