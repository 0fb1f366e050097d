// Signing in to the back office as a person does, in chromium on the real server: an account's set-up
// through its link, sign-in with password and TOTP code, keyboard only, lockout after repeated failures
// (lifted by the clock), idle and absolute session expiry (the test clock advanced), forms with a wrong
// CSRF token refused (from the page itself and from a page of another origin), and sign-out everywhere.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { Browser, tabTo } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { completeSetup, createAccount, fill, password, signIn, signedInAccount, submit } from './lib/staff.mjs';

let central;
let browser;

before(async () => {
    // Short sessions, so expiry takes few clock steps; the lockout as shipped (5 failures in 15 minutes).
    central = await new Central({
        name: 'sign-in',
        extraToml: '[backoffice]\nsession_idle_minutes = 30\nsession_absolute_hours = 2\n',
    }).start();
    browser = await new Browser({ central, name: 'sign_in' }).launch();
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

const minutes = (n) => n * 60 * 1000;
const errorText = (page) => page.$eval('#sign-in-error', (el) => el.textContent);

test('an account is set up through its link and signs in with password and code', async () => {
    const account = await createAccount(central, {
        name: 'Anna de Boer',
        email: 'anna@schiedam.example',
        role: 'team',
        team: 'huurloket',
    });
    const page = await browser.newPage();
    // The first try with a wrong code keeps the person on the page with the reason beside the field.
    await browser.open(page, account.setupPath);
    await fill(page, '#password', password);
    await fill(page, '#password-again', password);
    await fill(page, '#code', '000000');
    await submit(page, '#setup-button');
    assert.ok(await page.$('#code-error'), 'a wrong code is named beside the field');
    await browser.check(page, 'setup-wrong-code');

    const done = await completeSetup(browser, page, account, { check: 'setup' });
    assert.equal(done.status(), 200);
    assert.match(page.url(), /\/backoffice\/sign-in/);
    assert.ok(await page.$('#sign-in-notice'), 'the sign-in page says the account is ready');
    await browser.check(page, 'sign-in-account-ready');

    // The link works once.
    const again = await browser.open(page, account.setupPath);
    assert.equal(again.status(), 404);
    await browser.check(page, 'setup-link-used');

    // A wrong code is refused; the right one lets her in.
    await signIn(browser, page, account, { code: '123456' });
    assert.match(await errorText(page), /niet gelukt/);
    await browser.check(page, 'sign-in-refused');
    await signIn(browser, page, account);
    assert.doesNotMatch(page.url(), /sign-in/);
    const header = await page.$eval('.account-name', (el) => el.textContent);
    assert.match(header, /Anna de Boer/);
    await browser.check(page, 'signed-in-start');

    const cookies = await page.cookies();
    assert.ok(cookies.length > 0, 'a session cookie');
    for (const c of cookies) {
        assert.ok(c.httpOnly && c.secure && c.sameSite === 'Strict', `cookie ${c.name} is HttpOnly, Secure, Strict`);
    }

    await submit(page, '#sign-out-button');
    assert.match(page.url(), /\/backoffice\/sign-in/);
    assert.ok(await page.$('#sign-in-notice'), 'the page says she signed out');
    const back = await browser.open(page, '/backoffice/inbox');
    assert.match(page.url(), /\/backoffice\/sign-in/, `signed out, the inbox sends her to sign in (${back.status()})`);
});

test('sign-in with the keyboard alone: Tab reaches every field and the button, Enter signs in', async () => {
    const account = await createAccount(central, {
        name: 'Karim Ouali',
        email: 'karim@schiedam.example',
        role: 'coordinator',
    });
    const page = await browser.newPage();
    await completeSetup(browser, page, account);
    await browser.open(page, '/backoffice/sign-in');
    await tabTo(page, 'a.skip-link', 1);
    await tabTo(page, '#email');
    await page.keyboard.type(account.email);
    await tabTo(page, '#password', 1);
    await page.keyboard.type(password);
    await tabTo(page, '#code', 1);
    await page.keyboard.type(account.code(central));
    await tabTo(page, '#sign-in-button', 1);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.doesNotMatch(page.url(), /sign-in/, 'signed in');
    // On the signed-in page the skip link comes first and jumps to the main content.
    await tabTo(page, 'a.skip-link', 1);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'inhoud');
});

test('five failed sign-ins lock the account; the right details work again once the lock has passed', async () => {
    const account = await createAccount(central, { name: 'Lotte Smit', email: 'lotte@schiedam.example', role: 'team', team: 'wijkteam' });
    const page = await browser.newPage();
    await completeSetup(browser, page, account);
    for (let i = 0; i < 5; ++i) {
        await signIn(browser, page, account, { pass: `verkeerd-wachtwoord-${i}` });
        assert.match(await errorText(page), /niet gelukt/, `failure ${i + 1}`);
    }
    await signIn(browser, page, account);
    assert.match(await errorText(page), /te vaak/, 'locked: the right details are refused too');
    await browser.check(page, 'sign-in-locked');
    central.advance(minutes(16));
    await signIn(browser, page, account);
    assert.doesNotMatch(page.url(), /sign-in/, 'after the lock the right details work');
});

test('a session ends after 30 idle minutes and after its absolute time, whatever the use', async () => {
    const { page } = await signedInAccount(browser, { name: 'Mira Jansen', email: 'mira@schiedam.example', role: 'admin' });
    // In use every 25 minutes: still signed in until the absolute limit (2 hours in this test).
    for (let elapsed = 25; elapsed < 120; elapsed += 25) {
        central.advance(minutes(25));
        await browser.open(page, '/backoffice/inbox');
        assert.doesNotMatch(page.url(), /sign-in/, `still signed in after ${elapsed} minutes of use`);
    }
    central.advance(minutes(25));
    await browser.open(page, '/backoffice/inbox');
    assert.match(page.url(), /\/backoffice\/sign-in/, 'past the absolute time the session has ended');

    const idle = await signedInAccount(browser, { name: 'Noor Bakker', email: 'noor@schiedam.example', role: 'team', team: 'gemeente' });
    central.advance(minutes(29));
    await browser.open(idle.page, '/backoffice/inbox');
    assert.doesNotMatch(idle.page.url(), /sign-in/, '29 idle minutes: still signed in');
    central.advance(minutes(31));
    await browser.open(idle.page, '/backoffice/inbox');
    assert.match(idle.page.url(), /\/backoffice\/sign-in/, '31 idle minutes: the session has ended');
});

test('a form with a wrong CSRF token is refused, from the page itself and from another origin', async () => {
    const { page } = await signedInAccount(browser, { name: 'Sven Visser', email: 'sven@schiedam.example', role: 'coordinator' });
    const start = page.url();

    // The page's own sign-out form with its token changed.
    await page.$$eval('input[name=csrf]', (inputs) => inputs.forEach((i) => (i.value = 'niet-het-token')));
    const refused = await submit(page, '#sign-out-button');
    assert.equal(refused.status(), 403);
    await browser.check(page, 'csrf-refused');
    await browser.open(page, '/backoffice/inbox');
    assert.doesNotMatch(page.url(), /sign-in/, 'still signed in: the sign-out did not happen');

    // A page of another origin that posts "sign out everywhere" to the back office in the same browser (the
    // browser does not send the Strict cookie with it; the server must refuse it either way).
    const target = browser.url('/backoffice/sign-out-everywhere');
    const evil = http.createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html lang="en"><title>elsewhere</title><form method="post" action="${target}">` +
            '<input type="hidden" name="csrf" value="geraden"><button id="go">Go</button></form></html>');
    });
    await new Promise((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
        const other = await page.browserContext().newPage();
        await other.goto(`http://127.0.0.1:${evil.address().port}/`);
        const answer = await submit(other, '#go');
        assert.ok(answer.status() >= 400 || /sign-in/.test(other.url()), `refused (${answer.status()} ${other.url()})`);
        await other.close();
    } finally {
        evil.close();
    }
    await page.goto(start, { waitUntil: 'load' });
    assert.equal(page.url(), start, 'still signed in: nothing happened to the session');
});

test('sign out everywhere ends the sessions in other browsers too', async () => {
    const { account, page } = await signedInAccount(browser, { name: 'Tim Kok', email: 'tim@schiedam.example', role: 'team', team: 'huurloket' });
    const second = await browser.newPage();
    await signIn(browser, second, account);
    assert.doesNotMatch(second.url(), /sign-in/);
    await submit(page, '#sign-out-everywhere-button');
    assert.match(page.url(), /\/backoffice\/sign-in/);
    await browser.open(second, '/backoffice/inbox');
    assert.match(second.url(), /\/backoffice\/sign-in/, 'the other browser is signed out');
});
