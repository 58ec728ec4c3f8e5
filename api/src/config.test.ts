import { describe, expect, it } from 'vitest';
import { SIZES } from 'geodata/demo';
import { ConfigError, DEMO_SIZES, loadConfig } from './config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    return (e as ConfigError).problems;
  }
  throw new Error('no error');
};

describe('configuration', () => {
  it('runs the demo only on the embedded database unless asked', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/grid' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/grid', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('names every wrong variable with what it got', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', DEMO_SIZE: 'huge', TRUST_PROXY: '10.0.0.0/99', JSON_BODY_LIMIT: '12q' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'DEMO_SIZE', 'JSON_BODY_LIMIT', 'PORT', 'SEED_DEMO']);
    expect(problems.find((p) => p.variable === 'PORT')).toMatchObject({ value: 'eighty', message: 'must be a whole number' });
    expect(problemsOf({ TRUST_PROXY: 'proxy.intranet' })[0]).toMatchObject({ variable: 'TRUST_PROXY', value: 'proxy.intranet' });
  });

  it('reads sizes and proxies', () => {
    const c = loadConfig({ JSON_BODY_LIMIT: '128k', IMPORT_MAX_BYTES: '50m', TRUST_PROXY: 'loopback, 10.1.0.0/16' });
    expect([c.jsonBodyLimit, c.importMaxBytes]).toEqual([128 * 1024, 50 * 1024 * 1024]);
    expect(c.trustedProxies.trusts('127.0.0.1')).toBe(true);
    expect(c.trustedProxies.trusts('::ffff:10.1.2.3')).toBe(true);
    expect(c.trustedProxies.trusts('10.2.0.1')).toBe(false);
    expect(loadConfig({}).trustedProxies.trusts('127.0.0.1')).toBe(false);
  });

  it('knows the same demo sizes as the generator', () => {
    expect([...DEMO_SIZES].sort()).toEqual(Object.keys(SIZES).sort());
  });
});
