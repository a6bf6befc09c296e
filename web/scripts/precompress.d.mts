import type { Plugin } from 'vite';

export declare const INITIAL_JS_BUDGET_BYTES: number;
export declare function precompress(options?: { screens?: Record<string, string>; budgetBytes?: number }): Plugin;
