// Debian's chromium driven by puppeteer-core, trusting the test PKI's server key only (by its SPKI hash, not
// by ignoring every certificate error), with an axe-core audit (WCAG 2.1 A and AA) and a screenshot of
// every page a test looks at, and the Content-Security-Policy violations a page reports.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const desktop = { width: 1366, height: 768 };
export const phone = { width: 412, height: 915, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

// base64(sha256(SubjectPublicKeyInfo)) of a PEM certificate, as --ignore-certificate-errors-spki-list wants.
export function spkiHash(certificate) {
    const der = execFileSync('openssl', ['x509', '-in', certificate, '-pubkey', '-noout']);
    const spki = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: der });
    return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: spki }).toString('base64');
}

// Where a test's screenshots go: WIJKPUNT_BROWSER_OUT/NAME (the build tree when ctest runs it).
export function outputDir(name) {
    const base = process.env.WIJKPUNT_BROWSER_OUT ?? path.join(os.tmpdir(), 'wp-browser-out');
    const dir = path.join(base, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
}

export class Browser {
    constructor({ central, name }) {
        this.central = central;
        this.out = outputDir(name);
        this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-chromium-'));
    }

    async launch() {
        this.browser = await puppeteer.launch({
            executablePath: process.env.WIJKPUNT_CHROMIUM ?? '/usr/bin/chromium',
            headless: true,
            userDataDir: this.profile,
            args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--disable-quic',
                `--ignore-certificate-errors-spki-list=${spkiHash(path.join(this.central.pki, 'server.crt'))}`,
            ],
        });
        return this;
    }

    async close() {
        await this.browser?.close();
        fs.rmSync(this.profile, { recursive: true, force: true });
    }

    // A fresh page (its own cookies: an incognito context) at the desktop size; its CSP violations and
    // console errors are collected in page.problems.
    async newPage(viewport = desktop) {
        const context = await this.browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport(viewport);
        page.problems = [];
        page.on('console', (message) => {
            if (message.type() !== 'error') return;
            // A page served with an error status (a 404 page) is what a test asked for, and the icon the
            // browser asks for by itself (/favicon.ico) is no part of the pages: neither is a problem.
            const url = message.location()?.url ?? '';
            const failed = message.text().startsWith('Failed to load resource');
            if (!(failed && (url === page.url() || url.endsWith('/favicon.ico')))) page.problems.push(message.text());
        });
        page.on('pageerror', (error) => page.problems.push(String(error)));
        return page;
    }

    url(pathName) {
        return `${this.central.baseUrl}${pathName}`;
    }

    // Opens a path; returns the HTTP response.
    async open(page, pathName) {
        return page.goto(this.url(pathName), { waitUntil: 'load' });
    }

    // The checks every page gets: no axe-core violation of WCAG 2.1 A/AA, no CSP violation or script
    // error, the document has a language and a title; then a full-page screenshot NAME.png. skipRules
    // names axe rules a page is known to break, and allowProblems the browser messages it is known to
    // cause (regular expressions), each with its reason at the call.
    async check(page, name, { skipRules = [], allowProblems = [] } = {}) {
        await page.evaluate(axeSource);
        const rules = Object.fromEntries(skipRules.map((id) => [id, { enabled: false }]));
        const result = await page.evaluate(
            (options) => globalThis.axe.run(document, options),
            {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                resultTypes: ['violations'],
                rules,
            },
        );
        await page.screenshot({ path: path.join(this.out, `${name}.png`), fullPage: true });
        const violations = result.violations.map(
            (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
        );
        assert.deepEqual(violations, [], `axe-core found violations on ${name} (${page.url()})`);
        const problems = page.problems.filter((p) => !allowProblems.some((allowed) => allowed.test(p)));
        assert.deepEqual(problems, [], `the browser reported problems on ${name} (${page.url()})`);
        const { lang, title } = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }));
        assert.ok(lang, `${name} names its language`);
        assert.ok(title, `${name} has a title`);
    }
}

// Presses Tab until the focused element matches selector (at most maxTabs presses); returns how many
// presses it took, and checks the focused element shows its focus (an outline or a box shadow).
export async function tabTo(page, selector, maxTabs = 40) {
    for (let presses = 1; presses <= maxTabs; ++presses) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate((sel) => {
            const el = document.activeElement;
            if (!el || !el.matches(sel)) return null;
            const style = getComputedStyle(el);
            return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
        }, selector);
        if (focus) {
            assert.ok(
                (focus.outline !== 'none' && focus.width !== '0px') || focus.shadow !== 'none',
                `the focus on ${selector} is visible (outline ${focus.outline} ${focus.width}, shadow ${focus.shadow})`,
            );
            return presses;
        }
    }
    assert.fail(`Tab did not reach ${selector} in ${maxTabs} presses`);
}

// Tabs through the whole page from its top and checks that every visible control (links, buttons, fields)
// gets the focus and shows it (an outline or a box shadow); of a radio group, the chosen one. Call it on a
// page just opened (the focus at its top). Returns the number of controls.
export async function keyboardSweep(page) {
    await page.evaluate(() => {
        globalThis.wpTabbed = [];
        document.addEventListener('focusin', (event) => {
            const el = event.target;
            const style = getComputedStyle(el);
            const visible = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
            el.dataset.wpTabbed = visible ? 'shown' : 'hidden';
        });
        if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    });
    const controls = `a[href], button:not([disabled]), input:not([type=hidden]):not([type=radio]):not([disabled]), input[type=radio]:checked:not([disabled]), select:not([disabled]), textarea:not([disabled])`;
    const count = await page.$$eval(controls, (els) => els.filter((el) => el.getClientRects().length > 0).length);
    // A date or time field takes one Tab per part (day, month, year).
    const stops = await page.$$eval(controls, (els) =>
        els
            .filter((el) => el.getClientRects().length > 0)
            .reduce((n, el) => n + (['date', 'time', 'datetime-local', 'month', 'week'].includes(el.type) ? 3 : 1), 0),
    );
    for (let i = 0; i < stops + 3; ++i) await page.keyboard.press('Tab');
    const missed = await page.$$eval(controls, (els) =>
        els
            .filter((el) => el.getClientRects().length > 0)
            .filter((el) => el.dataset.wpTabbed !== 'shown')
            .map((el) => `${el.outerHTML.slice(0, 120)} (${el.dataset.wpTabbed ?? 'never focused'})`),
    );
    assert.deepEqual(missed, [], `every control of ${page.url()} is reached by Tab and shows its focus`);
    return count;
}
