// The tests' TOTP codes are the ones of RFC 6238 and of oathtool (Debian's liboath, which the server uses).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { base32Decode, totp, totpFromKey } from './lib/totp.mjs';

test('the RFC 6238 test vectors for SHA-1 (8 digits)', () => {
    const key = Buffer.from('12345678901234567890');
    const vectors = [
        [59, '94287082'],
        [1111111109, '07081804'],
        [1111111111, '14050471'],
        [1234567890, '89005924'],
        [2000000000, '69279037'],
        [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) assert.equal(totpFromKey(key, seconds * 1000, 8), code, `at ${seconds} s`);
});

test('base32 as RFC 4648 writes it', () => {
    assert.equal(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString(), '12345678901234567890');
    assert.equal(base32Decode('mzxw6ytb oi======').toString(), 'foobar');
});

test('the same codes as oathtool at the same moments', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DP';
    for (const seconds of [0, 59, 1234567890, 1795683600]) {
        const when = new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
        const expected = execFileSync('oathtool', ['--totp', '-b', secret, '--now', when], { encoding: 'utf8' }).trim();
        assert.equal(totp(secret, seconds * 1000), expected, `at ${when}`);
    }
});
