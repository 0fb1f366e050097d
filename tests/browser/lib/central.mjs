// A real wijkpunt-central for one browser test file: a fresh temp folder, a test PKI made by
// tests/support/make-test-pki.sh, the config of tests/support/central-config.sh (wp_central_config) with the
// test clock file, the server started and its two ports read, stopped again with SIGTERM. The kiosk side
// posts over mTLS with the PKI's kiosk certificate, as a kiosk does.
import { spawn, execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

export const sourceDir =
    process.env.WIJKPUNT_SOURCE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const centralBinary = process.env.WIJKPUNT_CENTRAL ?? path.join(sourceDir, 'build/central/wijkpunt-central');

// The local time the test clock starts at: Thursday 26 November 2026, 10:00 in Schiedam (09:00 UTC), when
// the desks have walk-in hours, as in the demo.
export const clockStart = Date.UTC(2026, 10, 26, 9, 0, 0);
export const clockStartDay = '2026-11-26';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForFile(file, ms) {
    for (let waited = 0; waited < ms; waited += 100) {
        try {
            const text = fs.readFileSync(file, 'utf8').trim();
            if (text !== '') return text;
        } catch {
            // not written yet
        }
        await sleep(100);
    }
    return null;
}

// The code alphabet of reference codes (common/bundle.h) and their check character: Luhn mod 31 with the
// doubled value reduced mod 31 (common/reference_code.cpp).
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function makeReference(letters = 'SGN', kiosk = 'K2') {
    let random = '';
    for (let i = 0; i < 8; ++i) random += codeAlphabet[Math.floor(Math.random() * codeAlphabet.length)];
    const payload = letters + kiosk + random;
    let sum = 0;
    let factor = 2;
    for (let i = payload.length - 1; i >= 0; --i) {
        sum = (sum + ((factor * codeAlphabet.indexOf(payload[i])) % 31)) % 31;
        factor = factor === 2 ? 1 : 2;
    }
    return `${letters}-${kiosk}-${random}-${codeAlphabet[(31 - (sum % 31)) % 31]}`;
}

export class Central {
    // extraToml is appended to the config (tables the test needs, e.g. [backoffice] timeouts).
    constructor({ name, extraToml = '' }) {
        this.name = name;
        this.extraToml = extraToml;
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `wp-browser-${name}-`));
        this.pki = path.join(this.dir, 'pki');
        this.config = path.join(this.dir, 'central.toml');
        this.clockFile = path.join(this.dir, 'clock');
        this.log = path.join(this.dir, 'central.log');
        this.process = null;
    }

    async start() {
        await run(path.join(sourceDir, 'tests/support/make-test-pki.sh'), [this.pki]);
        const { stdout } = await run('bash', [
            '-c',
            '. "$0"; wp_central_config "$@"',
            path.join(sourceDir, 'tests/support/central-config.sh'),
            this.pki,
            '--content',
            path.join(sourceDir, 'content'),
            '--theme',
            path.join(sourceDir, 'themes/gemeente.toml'),
            '--clock-file',
            this.clockFile,
        ]);
        fs.writeFileSync(this.config, `${stdout}\n${this.extraToml}\n`);
        this.setClock(clockStart);
        const log = fs.openSync(this.log, 'w');
        this.process = spawn(centralBinary, ['--config', this.config], { stdio: ['ignore', log, log] });
        fs.closeSync(log);
        this.exited = new Promise((resolve) => this.process.on('exit', resolve));
        const port = await waitForFile(path.join(this.dir, 'central.port'), 15000);
        if (port === null) {
            await this.stop();
            throw new Error(`wijkpunt-central did not start:\n${fs.readFileSync(this.log, 'utf8')}`);
        }
        this.kioskPort = Number(port);
        this.publicPort = Number(fs.readFileSync(path.join(this.dir, 'central.public-port'), 'utf8').trim());
        this.baseUrl = `https://127.0.0.1:${this.publicPort}`;
        return this;
    }

    async stop() {
        if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
            this.process.kill('SIGTERM');
            const timer = setTimeout(() => this.process.kill('SIGKILL'), 10000);
            await this.exited;
            clearTimeout(timer);
        }
        this.process = null;
    }

    // Removes the temp folder (keeps it when the test failed and the folder is asked for).
    cleanUp() {
        if (!process.env.WIJKPUNT_KEEP_TEMP) fs.rmSync(this.dir, { recursive: true, force: true });
    }

    logText() {
        return fs.readFileSync(this.log, 'utf8');
    }

    // The server's clock (a ScriptClock sharing the clock file: the offset in ms from the real time).
    clockOffset() {
        try {
            return Number(fs.readFileSync(this.clockFile, 'utf8').trim()) || 0;
        } catch {
            return 0;
        }
    }
    now() {
        return Date.now() + this.clockOffset();
    }
    setClock(epochMs) {
        this.writeOffset(epochMs - Date.now());
    }
    advance(ms) {
        this.writeOffset(this.clockOffset() + ms);
    }
    writeOffset(offset) {
        // Write a sibling and rename it over, so the server never reads half a number (common/clock.cpp).
        fs.writeFileSync(`${this.clockFile}.tmp`, `${Math.round(offset)}\n`);
        fs.renameSync(`${this.clockFile}.tmp`, this.clockFile);
    }

    // Runs `wijkpunt-central --config CONFIG ARGS...` and returns its stdout.
    async cli(...args) {
        const { stdout } = await run(centralBinary, ['--config', this.config, ...args]);
        return stdout;
    }

    // An HTTPS request on the kiosk listener with the kiosk certificate (K2 of SGN).
    kioskRequest(method, pathName, body) {
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        return new Promise((resolve, reject) => {
            const req = https.request(
                {
                    host: '127.0.0.1',
                    port: this.kioskPort,
                    method,
                    path: pathName,
                    ca: fs.readFileSync(path.join(this.pki, 'ca.crt')),
                    cert: fs.readFileSync(path.join(this.pki, 'kiosk.crt')),
                    key: fs.readFileSync(path.join(this.pki, 'kiosk.key')),
                    headers: payload
                        ? { 'Content-Type': 'application/json', 'Content-Length': payload.length }
                        : {},
                },
                (res) => {
                    let text = '';
                    res.setEncoding('utf8');
                    res.on('data', (chunk) => (text += chunk));
                    res.on('end', () => resolve({ status: res.statusCode, body: text }));
                },
            );
            req.on('error', reject);
            if (payload) req.write(payload);
            req.end();
        });
    }

    // Posts a "call me back" request from kiosk K2 as the kiosk does, with the category that routes it
    // (provisioning/demo/central.toml: huur to the Huurloket, zorg to the Wijkteam, gemeente to the
    // municipality). Returns its reference code.
    async postCallback({ category = 'huur', name = 'Jan de Vries', phone = '010 123 4567', topic = 'Huur' } = {}) {
        const reference = makeReference();
        const response = await this.kioskRequest('POST', '/v1/requests', {
            uuid: randomUUID(),
            type: 'callback',
            spec_version: 1,
            reference,
            kiosk: 'K2',
            created_at: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            language: 'nl',
            category,
            fields: { topic, phone, name, preferred_time: 'ochtend' },
        });
        if (response.status !== 201) throw new Error(`POST /v1/requests: ${response.status} ${response.body}`);
        return reference;
    }

    // Posts the kiosk's queue events (kiosk/core/queue.h kinds) for the phone pages and the dashboard.
    async postQueueEvents(events) {
        const response = await this.kioskRequest('POST', '/v1/statistics/queue-events', { kiosk: 'K2', events });
        if (response.status !== 200) throw new Error(`queue events: ${response.status} ${response.body}`);
    }
}
