// Staff accounts as a person gets them: `wijkpunt-central account create` prints a one-time set-up link; the
// person opens it, chooses a password, types the key into an authenticator app (here: lib/totp.mjs on the
// server's clock) and a code from it; later signs in with e-mail, password and a fresh code.
import assert from 'node:assert/strict';
import { totp } from './totp.mjs';

// Test accounts' password (at least 12 characters, neither the name nor the e-mail address).
export const password = 'lange-wandeling-langs-de-Schie-42';

export class StaffAccount {
    constructor({ name, email, role, team }) {
        Object.assign(this, { name, email, role, team });
        this.secret = null;
        this.lastStep = -1;
    }

    // A code the server takes now: the current 30-second step of the server's clock, or a later one
    // (it takes one step either side) when that step was used already; the server refuses a step twice.
    code(central) {
        const current = () => Math.floor(central.now() / 30000);
        const step = Math.max(current(), this.lastStep + 1);
        while (step > current() + 1) central.advance(30000);
        this.lastStep = step;
        return totp(this.secret, step * 30000);
    }
}

// Makes the account with the CLI and returns it with the path of its set-up link.
export async function createAccount(central, { name, email, role, team }) {
    const args = ['account', 'create', '--name', name, '--email', email, '--role', role];
    if (team) args.push('--team', team);
    const out = await central.cli(...args);
    const link = out.match(/https:\/\/\S+(\/backoffice\/setup\/\S+)/);
    assert.ok(link, `account create printed a set-up link:\n${out}`);
    const account = new StaffAccount({ name, email, role, team });
    account.setupPath = link[1];
    return account;
}

// Fills a field by its id, as a person types (the field emptied first).
export async function fill(page, selector, text) {
    await page.click(selector, { count: 3 });
    await page.$eval(selector, (el) => {
        el.value = '';
    });
    await page.type(selector, text);
}

// Submits with the button and waits for the page that answers.
export async function submit(page, button) {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(button)]);
    return response;
}

// The set-up page: the key read from p#totp-secret, password twice, a code; returns the answer's response.
export async function completeSetup(browser, page, account, { check } = {}) {
    const response = await browser.open(page, account.setupPath);
    assert.equal(response.status(), 200, 'the set-up link opens');
    if (check) await browser.check(page, check);
    account.secret = (await page.$eval('#totp-secret', (el) => el.textContent)).replace(/\s+/g, '');
    assert.match(account.secret, /^[A-Z2-7]{32}$/, 'the key is 32 characters of base32');
    await fill(page, '#password', password);
    await fill(page, '#password-again', password);
    await fill(page, '#code', account.code(browser.central));
    return submit(page, '#setup-button');
}

// The sign-in page filled in and sent; returns the answer's response.
export async function signIn(browser, page, account, { pass = password, code } = {}) {
    await browser.open(page, '/backoffice/sign-in');
    await fill(page, '#email', account.email);
    await fill(page, '#password', pass);
    await fill(page, '#code', code ?? account.code(browser.central));
    return submit(page, '#sign-in-button');
}

// A new account, set up, signed in on a fresh page; returns { account, page }.
export async function signedInAccount(browser, details) {
    const account = await createAccount(browser.central, details);
    const page = await browser.newPage();
    await completeSetup(browser, page, account);
    await signIn(browser, page, account);
    assert.doesNotMatch(page.url(), /sign-in/, `${details.email} is signed in`);
    return { account, page };
}
