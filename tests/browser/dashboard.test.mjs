// The municipality's dashboard in chromium on seeded data: requests and queue events posted by kiosk K2 of
// SGN over mTLS (the test PKI's kiosk certificate), as kiosks send them. The week's figures, the tables
// beside the charts and the waiting times are the ones the seed makes; the page passes the audit and the
// keyboard sweep, and a team member is refused it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, keyboardSweep } from './lib/browser.mjs';
import { Central, clockStartDay } from './lib/central.mjs';
import { signedInAccount, submit } from './lib/staff.mjs';

let central;
let browser;

// Thursday 26 November 2026 is in ISO week 48.
const week = '2026-W48';

before(async () => {
    central = await new Central({ name: 'dashboard' }).start();
    browser = await new Browser({ central, name: 'dashboard' }).launch();
    for (const category of ['huur', 'huur', 'huur', 'zorg', 'zorg']) await central.postCallback({ category });
    // Three tickets drawn between 9:00 and 9:20 (local time) and called after 10, 20 and 10 minutes.
    const at = (hhmm) => new Date(`${clockStartDay}T${hhmm}:00+01:00`).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const day = clockStartDay;
    const ticket = (seq, kind, service, number, name, time, counter) => ({
        seq, kind, service, day, number, ticket: name, at: at(time), ...(counter ? { counter } : {}),
    });
    await central.postQueueEvents([
        { seq: 1, kind: 'counter-opened', service: 'huurloket', day, number: 0, counter: 'Balie 1', at: at('08:55') },
        ticket(2, 'issued', 'huurloket', 1, 'H-001', '09:00'),
        ticket(3, 'issued', 'huurloket', 2, 'H-002', '09:05'),
        ticket(4, 'called', 'huurloket', 1, 'H-001', '09:10', 'Balie 1'),
        ticket(5, 'issued', 'wijkteam', 1, 'W-001', '09:20'),
        ticket(6, 'called', 'huurloket', 2, 'H-002', '09:25', 'Balie 1'),
        ticket(7, 'called', 'wijkteam', 1, 'W-001', '09:30', 'Balie 1'),
    ]);
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

// The rows of the table under a heading: { label: [cells...] }.
const tableUnder = (page, heading) =>
    page.evaluate((title) => {
        const h = [...document.querySelectorAll('h3')].find((x) => x.textContent.trim() === title);
        const table = h?.parentElement.querySelector('table');
        if (!table) return null;
        return Object.fromEntries(
            [...table.tBodies[0].rows].map((r) => [r.cells[0].textContent.trim(), [...r.cells].slice(1).map((c) => c.textContent.trim())]),
        );
    }, heading);

test("the week's dashboard of SGN shows what the kiosk sent, as charts with their numbers in tables", async () => {
    const { page } = await signedInAccount(browser, { name: 'Wethouder Demir', email: 'demir@schiedam.example', role: 'coordinator' });
    const response = await browser.open(page, `/backoffice/dashboard?contact_point=SGN&week=${week}`);
    assert.equal(response.status(), 200);
    const figures = await page.$$eval('.key-figures li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(figures, ['5 vragen via de kiosk', '3 wachtnummers voor de balie']);
    const byTeam = await tableUnder(page, 'Vragen per team');
    assert.deepEqual(Object.fromEntries(Object.entries(byTeam).map(([k, v]) => [k.toLowerCase(), v[0]])), { huurloket: '3', wijkteam: '2' });
    const waits = await tableUnder(page, 'Wachttijd per uur van de dag');
    assert.ok(waits, 'a table of waiting times by hour');
    const nine = Object.entries(waits).find(([hour]) => hour.startsWith('9') || hour.startsWith('09'));
    assert.ok(nine, `an hour 9 row: ${JSON.stringify(waits)}`);
    assert.equal(nine[1][0], '3', 'three called in the hour of 9');
    assert.equal(await page.$$eval('svg', (s) => s.length) >= 4, true, 'the charts are drawn');
    await browser.check(page, 'dashboard-week-48');
    await keyboardSweep(page);

    // Another week by the form, with the keyboard's Enter on the button.
    await page.$eval('#week', (el) => (el.value = '2026-W47'));
    await submit(page, '.filter-form button[type=submit]');
    assert.match(page.url(), /week=2026-W47/);
    const quiet = await page.$$eval('.key-figures li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(quiet, ['0 vragen via de kiosk', '0 wachtnummers voor de balie']);
    await browser.check(page, 'dashboard-week-47');
});

test('a team member is refused the dashboard', async () => {
    const { page } = await signedInAccount(browser, { name: 'Anna de Boer', email: 'anna@schiedam.example', role: 'team', team: 'huurloket' });
    const response = await browser.open(page, `/backoffice/dashboard?contact_point=SGN&week=${week}`);
    assert.equal(response.status(), 403);
    await browser.check(page, 'dashboard-refused');
});
