// The back office's appointment pages in chromium: an admin makes a new agenda; a Gemeente team member opens
// "Afspraken", changes the agenda's hours (a wrong time is shown beside its field), adds a part of a day without appointments and
// takes it away again, and reads a day's appointments, going to the next day and back; a team member of
// another team does not see the agenda. A resident opens the cancel link of the confirmation e-mail (caught
// by a local SMTP sink) on a phone and cancels; the link then no longer works. Every page passes the
// axe-core audit, and the staff pages the keyboard sweep.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Browser, keyboardSweep, phone } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { SmtpSink, mimePart } from './lib/smtp_sink.mjs';
import { fill, signedInAccount, submit } from './lib/staff.mjs';

let central;
let browser;
let smtp;

// The agendas of SGN (wijkpunt-central agenda import): the municipality's and the neighbourhood team's.
const agendas = `
[[agenda]]
contact_point = "SGN"
service = "gemeente"
team = "gemeente"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
slot_minutes = 15
parallel = 2

[agenda.hours]
monday = ["09:00-12:00"]
thursday = ["09:00-12:00", "13:00-16:00"]
friday = ["09:00-12:00"]

[[agenda]]
contact_point = "SGN"
service = "wijkteam"
team = "wijkteam"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
slot_minutes = 20
parallel = 1

[agenda.hours]
friday = ["13:00-16:00"]
`;

// Books Friday 27 November 2026 at a local time, as kiosk K2 does.
async function book(hhmm, name, service = 'gemeente', email = undefined) {
    const start = new Date(`2026-11-27T${hhmm}:00+01:00`).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const response = await central.kioskRequest('POST', '/v1/appointments', {
        uuid: randomUUID(),
        contact_point: 'SGN',
        service,
        start,
        name,
        phone: '010 123 4567',
        language: 'nl',
        booked_by: 'kiosk',
        ...(email ? { email } : {}),
    });
    assert.equal(response.status, 201, response.body);
    return JSON.parse(response.body).code;
}

before(async () => {
    smtp = await new SmtpSink().start();
    central = await new Central({
        name: 'appointments',
        extraToml: `[smtp]\nurl = "smtp://127.0.0.1:${smtp.port}"\nfrom = "wijkpunt@example.org"\nrequire_tls = false\n`,
    }).start();
    browser = await new Browser({ central, name: 'appointments' }).launch();
    const file = path.join(central.dir, 'agendas.toml');
    fs.writeFileSync(file, agendas);
    await central.cli('agenda', 'import', file);
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
    await smtp?.stop();
});

test("a team member changes the agenda's hours and adds and removes a closed afternoon", async () => {
    const { page } = await signedInAccount(browser, { name: 'Anna de Boer', email: 'anna@schiedam.example', role: 'team', team: 'gemeente' });
    await browser.open(page, '/backoffice/afspraken');
    const rows = await page.$$eval('#agendas tbody tr', (trs) => trs.map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()));
    assert.equal(rows.length, 1, `only the team's own agenda: ${rows}`);
    assert.match(rows[0], /SGN Gemeente/);
    assert.equal(await page.$('#new-agenda-form'), null, 'only admins make agendas');
    assert.equal(await page.$eval('nav a[aria-current=page]', (a) => a.textContent), 'Afspraken');
    await browser.check(page, 'agendas');
    await keyboardSweep(page);

    await submit(page, '#agendas tbody a');
    assert.match(page.url(), /\/backoffice\/afspraken\/agenda\/SGN\/gemeente$/);
    assert.equal(await page.$eval('#hours_3', (el) => el.value), '09:00-12:00, 13:00-16:00');
    await browser.check(page, 'agenda');
    await keyboardSweep(page);

    // A wrong time: the page again, the problem beside the field with its label, the rest as typed.
    await fill(page, '#hours_2', '13:00-12:00');
    await fill(page, '#slot_minutes', '20');
    const refused = await submit(page, '#save-agenda');
    assert.equal(refused.status(), 422);
    assert.match(await page.$eval('#hours_2-error', (el) => el.textContent), /eindtijd/);
    assert.equal(await page.$eval('#hours_2', (el) => el.getAttribute('aria-invalid')), 'true');
    assert.equal(await page.$eval('#slot_minutes', (el) => el.value), '20');
    await browser.check(page, 'agenda-error');

    await fill(page, '#hours_2', '9:00-12:00; 13:00-15:30');
    await fill(page, '#slot_minutes', '15');
    const saved = await submit(page, '#save-agenda');
    assert.equal(saved.status(), 200);
    assert.match(page.url(), /opgeslagen=1/);
    assert.match(await page.$eval('.notice', (el) => el.textContent), /opgeslagen/);
    assert.equal(await page.$eval('#hours_2', (el) => el.value), '09:00-12:00, 13:00-15:30');
    assert.equal(await page.$eval('#slot_minutes', (el) => el.value), '15');

    // Christmas Eve afternoon closed, with its reason.
    await page.$eval('#closure_day', (el) => (el.value = '2026-12-24'));
    await fill(page, '#closure_from', '13:00');
    await fill(page, '#closure_to', '17:00');
    await fill(page, '#closure_reason', 'Kerstavond');
    await submit(page, '#add-closure');
    assert.match(page.url(), /toegevoegd=1/);
    const closures = await page.$$eval('#closures tbody th', (ths) => ths.map((th) => th.textContent.trim()));
    assert.deepEqual(closures, ['24-12-2026, 13:00 tot 17:00']);
    assert.equal(await page.$eval('#closures tbody td', (td) => td.textContent.trim()), 'Kerstavond');
    await browser.check(page, 'agenda-closure');

    await submit(page, '#closures .remove-closure');
    assert.match(page.url(), /weggehaald=1/);
    assert.equal(await page.$('#closures'), null);
    assert.ok(await page.$('#no-closures'));
});

test('an admin makes a new agenda, which takes no bookings until its hours are set', async () => {
    const { page } = await signedInAccount(browser, { name: 'Bea Beheer', email: 'beheer@schiedam.example', role: 'admin' });
    await browser.open(page, '/backoffice/afspraken');
    await browser.check(page, 'agendas-admin');

    // Letters that are no contact point's, and a desk that has its agenda already: both said beside their field.
    await fill(page, '#new-contact_point', 'S0N');
    await page.select('#new-service', 'gemeente');
    await page.select('#new-team', 'wijkteam');
    await fill(page, '#new-place', 'Wijkpunt Groenoord');
    await fill(page, '#new-address', 'Nieuwe Damlaan 90, Schiedam');
    let answer = await submit(page, '#create-agenda');
    assert.equal(answer.status(), 422);
    assert.match(await page.$eval('#new-contact_point-error', (el) => el.textContent), /drie letters/);
    assert.equal(await page.$eval('#new-place', (el) => el.value), 'Wijkpunt Groenoord');
    await browser.check(page, 'agendas-new-error');
    await fill(page, '#new-contact_point', 'sgn');
    answer = await submit(page, '#create-agenda');
    assert.equal(answer.status(), 422);
    assert.match(await page.$eval('#new-service-error', (el) => el.textContent), /al een agenda/);

    await page.select('#new-service', 'initiatief');
    answer = await submit(page, '#create-agenda');
    assert.equal(answer.status(), 200);
    assert.match(page.url(), /\/backoffice\/afspraken\/agenda\/SGN\/initiatief\?nieuw=1$/);
    assert.match(await page.$eval('.notice', (el) => el.textContent), /gemaakt/);
    assert.equal(await page.$eval('#active', (el) => el.checked), false);
    assert.equal(await page.$eval('#hours_0', (el) => el.value), '');

    // Not offered to kiosks while it takes no bookings.
    const offers = JSON.parse((await central.kioskRequest('GET', '/v1/appointments/offers')).body).offers;
    assert.deepEqual(offers.map((o) => o.service).sort(), ['gemeente', 'wijkteam']);
    await browser.open(page, '/backoffice/audit');
    const audited = await page.$eval('main', (el) => el.textContent.replace(/\s+/g, ' '));
    assert.match(audited, /Agenda voor afspraken gemaakt/);
    assert.match(audited, /SGN\/initiatief/);
});

test("a day's appointments with names and states, the day before and after", async () => {
    const first = await book('09:00', 'Jan de Vries');
    await book('09:15', 'Fatima Yilmaz');
    await book('13:00', 'Piet Wijkteam', 'wijkteam');
    const cancelled = await book('10:00', 'Kees Afgezegd');
    const answer = await central.kioskRequest('POST', `/v1/appointments/${cancelled}/cancel`, {});
    assert.equal(answer.status, 200, answer.body);

    const { page } = await signedInAccount(browser, { name: 'Bram Gemeente', email: 'bram@schiedam.example', role: 'team', team: 'gemeente' });
    await browser.open(page, '/backoffice/afspraken/dag/SGN?dag=2026-11-27');
    assert.match(await page.$eval('h1', (el) => el.textContent), /vrijdag 27 november 2026/);
    const rows = await page.$$eval('#appointments tbody tr', (trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
    );
    assert.equal(rows.length, 3, `the gemeente's three bookings, not the wijkteam's: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows[0], ['09:00 - 09:15', 'Gemeente', `${first.slice(0, 4)} ${first.slice(4)}`, 'Jan de Vries', 'Geboekt']);
    assert.equal(rows[2][4], 'Afgezegd');
    await browser.check(page, 'day');
    await keyboardSweep(page);

    await submit(page, '#next-day');
    assert.match(page.url(), /dag=2026-11-28/);
    assert.ok(await page.$('#no-appointments'));
    await submit(page, '#previous-day');
    assert.match(page.url(), /dag=2026-11-27/);
    await page.$eval('#dag', (el) => (el.value = '2026-11-30'));
    await submit(page, '#show-day');
    assert.match(await page.$eval('h1', (el) => el.textContent), /maandag 30 november 2026/);
    await browser.check(page, 'day-empty');
});

test("a team member of another team does not see the agenda or the day's names", async () => {
    const { page } = await signedInAccount(browser, { name: 'Wim Huur', email: 'wim@schiedam.example', role: 'team', team: 'huurloket' });
    await browser.open(page, '/backoffice/afspraken');
    assert.equal(await page.$('#agendas'), null);
    await browser.check(page, 'agendas-none');
    const response = await browser.open(page, '/backoffice/afspraken/agenda/SGN/gemeente');
    assert.equal(response.status(), 404);
    const day = await browser.open(page, '/backoffice/afspraken/dag/SGN?dag=2026-11-27');
    assert.equal(day.status(), 404);
});

test('a resident cancels with the link of the confirmation e-mail, once', async () => {
    const code = await book('11:00', 'Jan de Vries', 'gemeente', 'jan@example.org');
    let mail;
    for (let waited = 0; !mail && waited < 15000; waited += 100) {
        mail = smtp.messages.find((m) => (mimePart(m, 'text/calendar') ?? '').includes(`UID:${code}@`));
        if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(mail, 'the confirmation arrived');
    const link = mimePart(mail, 'text/plain').match(/https:\/\/\S+(\/afspraak\/annuleren\/\S+)/);
    assert.ok(link, 'the e-mail carries the cancel link');

    const page = await browser.newPage(phone);
    const response = await browser.open(page, link[1]);
    assert.equal(response.status(), 200);
    const facts = await page.$eval('.facts', (el) => el.textContent.replace(/\s+/g, ' ').trim());
    assert.match(facts, /vrijdag 27 november 2026, 11:00 - 11:15/);
    assert.match(facts, /Wijkpunt Groenoord/);
    assert.doesNotMatch(await page.content(), /Jan de Vries|010 123|jan@example.org/);
    await browser.check(page, 'cancel-link');

    await submit(page, '#cancel-appointment');
    assert.equal(await page.$eval('h1', (el) => el.textContent), 'Uw afspraak is afgezegd');
    await browser.check(page, 'cancel-done');

    const again = await browser.open(page, link[1]);
    assert.equal(again.status(), 404);
    assert.equal(await page.$eval('h1', (el) => el.textContent), 'Deze link werkt niet meer');
    assert.equal(await page.$('#cancel-appointment'), null);
    await browser.check(page, 'cancel-gone');
});
