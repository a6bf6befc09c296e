import { readAppConfig } from './app-config';

describe('readAppConfig', () => {
  it('listens on this machine only unless HOST says otherwise (plain HTTP carries confidential notes)', () => {
    expect(readAppConfig({}).host).toBe('127.0.0.1');
    expect(readAppConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
