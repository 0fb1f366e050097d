// The back office's fleet pages in chromium against the real server, with the demo's kiosk K2 of SGN (the
// test PKI's kiosk certificate, in the config): an admin sees it missing (never heard), makes an enroll
// token (shown once, audited without it), sends it out of service, restarts it and revokes it only after a
// confirmation page; the kiosk's certificate is refused once revoked. A coordinator sees only which contact
// points have kiosk trouble, and the dashboard shows kiosk and printer trouble per contact point. Every page
// gets the axe-core audit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, keyboardSweep } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { fill, signedInAccount, submit } from './lib/staff.mjs';

let central;
let browser;

before(async () => {
    central = await new Central({ name: 'fleet' }).start();
    browser = await new Browser({ central, name: 'fleet' }).launch();
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

const rowOf = (page, name) =>
    page.$$eval(
        '#kiosks tbody tr',
        (rows, wanted) => {
            const row = rows.find((r) => r.cells[0].textContent.trim() === wanted);
            return row ? [...row.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim()) : null;
        },
        name,
    );

test('an admin looks after kiosk SGN-K2: health, enroll token, commands, revoke', async () => {
    const { page } = await signedInAccount(browser, { name: 'Mira Jansen', email: 'mira@schiedam.example', role: 'admin' });

    // Never heard: missing at once.
    assert.equal((await browser.open(page, '/backoffice/kiosks')).status(), 200);
    const row = await rowOf(page, 'SGN-K2');
    assert.ok(row, 'the config kiosk is listed');
    assert.equal(row[1], 'SGN');
    assert.equal(row[2], 'nog nooit');
    assert.match(row[6], /Geen contact/);
    assert.equal(row[7], '-', 'no screenshot yet');
    await browser.check(page, 'kiosks');
    await keyboardSweep(page);

    // An enroll token: a wrong contact point first, then shown once, and audited without the token.
    await fill(page, '#enroll-contact-point', 'x');
    let response = await submit(page, '#enroll-token-button');
    assert.equal(response.status(), 422);
    assert.match(await page.$eval('#enroll-errors', (el) => el.textContent), /drie letters/);
    await browser.check(page, 'kiosks-enroll-error');
    await fill(page, '#enroll-contact-point', 'sgn');
    await fill(page, '#enroll-hours', '48');
    response = await submit(page, '#enroll-token-button');
    assert.equal(response.status(), 200);
    const token = await page.$eval('#enroll-token-value', (el) => el.textContent.trim());
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    await browser.check(page, 'enroll-token');
    await browser.open(page, '/backoffice/audit?action=enroll-token');
    const audit = await page.$eval('main', (el) => el.textContent);
    assert.match(audit, /contact point SGN/);
    assert.ok(!audit.includes(token), 'the audit log never shows the token');

    // Out of service with a message for residents.
    await browser.open(page, '/backoffice/kiosks/sgn-k2');
    await browser.check(page, 'kiosk');
    await keyboardSweep(page);
    await fill(page, '#out-of-service-message', 'Storing, kom morgen terug');
    await submit(page, '#out-of-service-button');
    assert.match(await page.$eval('#kiosk-notice', (el) => el.textContent), /klaar voor de kiosk/);
    const commands = () => page.$$eval('#commands tbody tr', (rows) => rows.map((r) => r.cells[0].textContent.trim()));
    assert.deepEqual(await commands(), ['Buiten dienst: Storing, kom morgen terug']);

    // A restart asks first; going back sends nothing; confirmed, it is queued.
    response = await submit(page, '#restart-button');
    assert.equal(response.status(), 200);
    assert.match(await page.$eval('h1', (el) => el.textContent), /SGN-K2 opnieuw starten\?/);
    await browser.check(page, 'confirm-restart');
    await submit(page, '#cancel-link');
    assert.deepEqual(await commands(), ['Buiten dienst: Storing, kom morgen terug']);
    await submit(page, '#restart-button');
    await submit(page, '#confirm-button');
    assert.deepEqual(await commands(), ['Opnieuw starten', 'Buiten dienst: Storing, kom morgen terug']);
    await browser.open(page, '/backoffice/audit?action=kiosk-command');
    assert.match(await page.$eval('main', (el) => el.textContent), /SGN-K2 restart/);

    // An upload that is not there is a 404 page.
    assert.equal((await browser.open(page, '/backoffice/kiosks/commands/999/upload')).status(), 404);

    // Revoke: asked first, then the kiosk's certificate is refused on the kiosk listener.
    assert.equal((await central.kioskRequest('GET', '/v1/appointments/offers')).status, 200);
    await browser.open(page, '/backoffice/kiosks/SGN-K2');
    await submit(page, '#revoke-button');
    assert.match(await page.$eval('h1', (el) => el.textContent), /SGN-K2 intrekken\?/);
    await browser.check(page, 'confirm-revoke');
    await submit(page, '#confirm-button');
    assert.match(await page.$eval('#kiosk-revoked', (el) => el.textContent), /ingetrokken/);
    await browser.check(page, 'kiosk-revoked');
    let refused = 0;
    for (let i = 0; i < 50 && refused !== 403; ++i) {
        refused = (await central.kioskRequest('GET', '/v1/appointments/offers')).status;
        if (refused !== 403) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(refused, 403, 'the revoked kiosk is refused');
    await browser.open(page, '/backoffice/kiosks');
    assert.match((await rowOf(page, 'SGN-K2'))[6], /Ingetrokken/);
    await browser.open(page, '/backoffice/audit?action=revoke-kiosk');
    assert.match(await page.$eval('main', (el) => el.textContent), /SGN-K2/);
});

test('a coordinator sees which contact points have kiosk trouble, and the dashboard shows it', async () => {
    const { page } = await signedInAccount(browser, {
        name: 'Karim Ouali',
        email: 'karim@schiedam.example',
        role: 'coordinator',
    });
    assert.equal((await browser.open(page, '/backoffice/kiosks')).status(), 200);
    const sgn = await page.$$eval('#kiosk-trouble tbody tr', (rows) =>
        rows.map((r) => [...r.cells].map((c) => c.textContent.trim())).find((cells) => cells[0] === 'SGN'),
    );
    assert.deepEqual(sgn, ['SGN', '1', '1', '0', 'Ingetrokken']);
    assert.equal(await page.$('#enroll-token'), null, 'no admin forms');
    await browser.check(page, 'coordinator-kiosks');
    await keyboardSweep(page);
    assert.equal((await browser.open(page, '/backoffice/kiosks/SGN-K2')).status(), 403);

    assert.equal((await browser.open(page, '/backoffice/dashboard')).status(), 200);
    const rows = await page.$$eval('#kiosk-trouble tbody tr', (trs) => trs.map((r) => [...r.cells].map((c) => c.textContent.trim())));
    assert.deepEqual(rows, [['SGN', '1', '1', '0', 'Ingetrokken']]);
    await browser.check(page, 'dashboard-kiosks');
});
