// One-time codes of RFC 6238 (TOTP: HMAC-SHA1, 30-second steps, 6 digits) from a base32 secret (RFC 4648),
// as a person's authenticator app computes them.
import { createHmac } from 'node:crypto';

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
    const clean = text.toUpperCase().replace(/[\s=-]/g, '');
    let bits = 0;
    let value = 0;
    const bytes = [];
    for (const c of clean) {
        const index = base32Alphabet.indexOf(c);
        if (index < 0) throw new Error(`not base32: ${c}`);
        value = (value << 5) | index;
        bits += 5;
        if (bits >= 8) {
            bytes.push((value >>> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return Buffer.from(bytes);
}

// The code for the key at epochMs (HOTP of RFC 4226 over the 30-second step number).
export function totpFromKey(key, epochMs, digits = 6) {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(epochMs / 1000 / 30)));
    const mac = createHmac('sha1', key).update(counter).digest();
    const offset = mac[mac.length - 1] & 0x0f;
    const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
    return String(binary).padStart(digits, '0');
}

export function totp(secretBase32, epochMs) {
    return totpFromKey(base32Decode(secretBase32), epochMs);
}
