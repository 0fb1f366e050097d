// The phone pages a resident opens from a QR code (/status/REF and /queue/...), in chromium at a phone's
// size (412x915), on the real server: what they say, and an axe-core audit and a screenshot of each.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, keyboardSweep, phone } from './lib/browser.mjs';
import { Central, clockStartDay } from './lib/central.mjs';

let central;
let browser;

before(async () => {
    central = await new Central({ name: 'phone' }).start();
    browser = await new Browser({ central, name: 'phone_pages' }).launch();
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

const text = (page) => page.evaluate(() => document.body.innerText);

test('the status page of a request a kiosk sent, in Dutch and in English', async () => {
    const reference = await central.postCallback({ category: 'huur' });
    const page = await browser.newPage(phone);
    const response = await browser.open(page, `/status/${reference}?lang=nl`);
    assert.equal(response.status(), 200);
    assert.match(await text(page), /Wij hebben uw vraag ontvangen/);
    assert.match(await text(page), new RegExp(reference));
    await browser.check(page, 'status-received-nl');
    await browser.open(page, `/status/${reference}?lang=nl`);
    assert.ok((await keyboardSweep(page)) >= 5, 'Tab reaches the five language links');
    await browser.open(page, `/status/${reference}?lang=en`);
    await browser.check(page, 'status-received-en');
});

test('the status page of a code nobody was given, and of a wrong code', async () => {
    const page = await browser.newPage(phone);
    let response = await browser.open(page, '/status/SGN-K2-22222222-2?lang=nl');
    assert.ok([400, 404].includes(response.status()), `status ${response.status()}`);
    await browser.check(page, 'status-unknown');
    response = await browser.open(page, '/status/niet-een-code?lang=nl');
    assert.equal(response.status(), 400);
    await browser.check(page, 'status-invalid');
});

test('the queue page while the ticket waits and once it is called, refreshed by its script', async () => {
    const at = (seconds) => new Date(central.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const day = clockStartDay;
    await central.postQueueEvents([
        { seq: 1, kind: 'counter-opened', service: 'huurloket', day, number: 0, counter: 'Balie 2', at: at(-60) },
        { seq: 2, kind: 'issued', service: 'huurloket', day, number: 1, ticket: 'H-001', at: at(-50) },
        { seq: 3, kind: 'issued', service: 'huurloket', day, number: 2, ticket: 'H-002', at: at(-40) },
    ]);
    const page = await browser.newPage(phone);
    const response = await browser.open(page, `/queue/SGN/${day}/H-002?lang=nl`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'], /script-src 'self'; connect-src 'self';/);
    assert.match(await text(page), /H-002/);
    assert.match(await text(page), /Voor u in de rij: 1/);
    assert.match(await text(page), /Vernieuwen/);
    const auto = await page.$('#queue-auto');
    assert.equal(await auto.evaluate((b) => (b.hidden ? '' : b.textContent)), 'Automatisch vernieuwen uitzetten');
    await browser.check(page, 'queue-waiting');
    await browser.open(page, `/queue/SGN/${day}/H-002?lang=nl`);
    assert.ok((await keyboardSweep(page)) >= 7, 'Tab reaches the refresh link, the button and the languages');

    // H-002 is called: the script reads the page again (at once when the phone shows it again, as here; else
    // within 30 s) and puts the news in the live region and the title, without reloading the page.
    await page.evaluate(() => { globalThis.wpSamePage = true; });
    await central.postQueueEvents([
        { seq: 4, kind: 'called', service: 'huurloket', day, number: 1, ticket: 'H-001', counter: 'Balie 2', at: at(-20) },
        { seq: 5, kind: 'done', service: 'huurloket', day, number: 1, ticket: 'H-001', counter: 'Balie 2', at: at(-10) },
        { seq: 6, kind: 'called', service: 'huurloket', day, number: 2, ticket: 'H-002', counter: 'Balie 2', at: at(-5) },
    ]);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForFunction(() => document.title.includes('Aan de beurt'), { timeout: 10000 });
    assert.match(await page.title(), /Aan de beurt: H-002 naar Balie 2/);
    assert.equal(await page.evaluate(() => globalThis.wpSamePage), true, 'the page was not reloaded');
    assert.equal(await page.$eval('#queue-live', (r) => r.getAttribute('aria-live')), 'polite');
    assert.match(await page.$eval('#queue-live', (r) => r.innerText), /U bent aan de beurt: ga naar Balie 2/);
    assert.equal(await page.$eval('#queue-live', (r) => r.dataset.called), 'H-002');
    // The script asks the phone to vibrate; chromium refuses that on a page nobody has tapped yet, and says
    // so.
    const notTapped = /^Blocked call to navigator\.vibrate because user hasn't tapped/;
    await browser.check(page, 'queue-called', { allowProblems: [notTapped] });

    // Turned off, the page stays as it is; the link still reloads it.
    await page.click('#queue-auto');
    assert.equal(await page.$eval('#queue-auto', (b) => b.textContent), 'Automatisch vernieuwen aanzetten');
    await central.postQueueEvents([
        { seq: 7, kind: 'done', service: 'huurloket', day, number: 2, ticket: 'H-002', counter: 'Balie 2', at: at(-1) },
    ]);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.match(await page.$eval('#queue-live', (r) => r.innerText), /U bent aan de beurt/);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#queue-refresh')]);
    assert.match(await text(page), /U bent geholpen/);
    assert.equal(await page.$eval('#queue-live', (r) => r.dataset.called ?? ''), '');
    await browser.check(page, 'queue-done', { allowProblems: [notTapped] });
});
