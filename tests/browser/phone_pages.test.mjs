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

// The queue page reloads itself every 30 s with a meta refresh (central/public_pages.cpp), so that it keeps
// up without JavaScript; axe-core counts any timed refresh as a WCAG 2.2.1 failure. That one rule is left
// out on this page; every other rule runs.
const queuePageRules = { skipRules: ['meta-refresh'] };

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

test('the queue page while the ticket waits and once it is called', async () => {
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
    assert.match(await text(page), /H-002/);
    assert.match(await text(page), /Voor u in de rij: 1/);
    await browser.check(page, 'queue-waiting', queuePageRules);

    await central.postQueueEvents([
        { seq: 4, kind: 'called', service: 'huurloket', day, number: 1, ticket: 'H-001', counter: 'Balie 2', at: at(-20) },
        { seq: 5, kind: 'done', service: 'huurloket', day, number: 1, ticket: 'H-001', counter: 'Balie 2', at: at(-10) },
        { seq: 6, kind: 'called', service: 'huurloket', day, number: 2, ticket: 'H-002', counter: 'Balie 2', at: at(-5) },
    ]);
    await browser.open(page, `/queue/SGN/${day}/H-002?lang=nl`);
    assert.match(await page.title(), /Aan de beurt: H-002 naar Balie 2/);
    // The called page's script asks the phone to vibrate; chromium refuses that on a page nobody has
    // tapped yet (a reloaded page never has), and says so.
    await browser.check(page, 'queue-called', {
        ...queuePageRules,
        allowProblems: [/^Blocked call to navigator\.vibrate because user hasn't tapped/],
    });
});
