// What a team does with a request, in chromium on the real server: requests posted by kiosk K2 over mTLS
// (the test PKI's kiosk certificate) reach the inbox of the team their category routes them to; a team
// member opens one, takes it, and answers with a public note that the resident's status page then shows;
// another team's request is 404 by URL; a coordinator forwards a request to another team with a reason,
// that team sees it and its status page keeps working and changes. Every page gets the axe-core audit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, phone, tabTo } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { fill, signedInAccount, submit } from './lib/staff.mjs';

let central;
let browser;
let huur; // a Huurloket request (category huur)
let zorg; // a Wijkteam request (category zorg)

before(async () => {
    central = await new Central({ name: 'team' }).start();
    browser = await new Browser({ central, name: 'team' }).launch();
    huur = await central.postCallback({ category: 'huur', name: 'Jan de Vries', topic: 'Lekkage' });
    zorg = await central.postCallback({ category: 'zorg', name: 'Fatma Yilmaz', topic: 'Hulp thuis' });
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

const text = (page) => page.evaluate(() => document.body.innerText);
const inboxReferences = (page) => page.$$eval('#inbox tbody th a', (as) => as.map((a) => a.textContent.trim()));

// The resident's status page of a reference, as a phone opens it; returns its text.
async function statusPage(reference, name) {
    const page = await browser.newPage(phone);
    const response = await browser.open(page, `/status/${reference}?lang=nl`);
    assert.equal(response.status(), 200);
    await browser.check(page, name);
    const body = await text(page);
    await page.browserContext().close();
    return body;
}

test("a team member sees the team's own requests, opens one, takes it and answers the resident", async () => {
    const { page } = await signedInAccount(browser, { name: 'Anna de Boer', email: 'anna@schiedam.example', role: 'team', team: 'huurloket' });
    await browser.open(page, '/backoffice/inbox');
    await browser.check(page, 'inbox-team');
    const references = await inboxReferences(page);
    assert.ok(references.includes(huur), `the Huurloket's request is listed (${references})`);
    assert.ok(!references.includes(zorg), "the Wijkteam's request is not");

    // Keyboard only: from the top of the inbox, Tab reaches the request's link; Enter opens it.
    await browser.open(page, '/backoffice/inbox');
    const presses = await tabTo(page, `#inbox a[href$="/${huur}"]`, 60);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.match(page.url(), new RegExp(`/backoffice/requests/${huur}$`), `opened with ${presses} Tabs and Enter`);
    assert.match(await text(page), /Jan de Vries/, 'the personal fields are shown');
    await browser.check(page, 'request');

    await submit(page, '#take-button');
    assert.ok(await page.$('#action-done'), 'the page confirms the take');
    await browser.check(page, 'request-taken');

    // A public note with a phone number is refused, with the reason beside the field.
    await page.select('#status', 'in-progress');
    await fill(page, '#public-note', 'Bel ons op 010 246 8000.');
    await submit(page, '#status-button');
    const refusal = await page.$eval('#public-note-error', (el) => (el.hidden ? '' : el.textContent));
    assert.ok(refusal.trim() !== '', 'the refusal is shown beside the public note');
    await browser.check(page, 'request-note-refused');

    const before = await statusPage(huur, 'status-before-answer');
    assert.match(before, /Wij hebben uw vraag ontvangen/);
    await page.select('#status', 'answered');
    await fill(page, '#public-note', 'Wij komen de lekkage maandag bekijken.');
    await fill(page, '#internal-note', 'Meneer is thuis na 13 uur, tel. 010 123 4567.');
    await submit(page, '#status-button');
    assert.ok(await page.$('#action-done'), 'the page confirms the status');
    const afterAnswer = await statusPage(huur, 'status-answered');
    assert.match(afterAnswer, /Wij hebben uw vraag beantwoord/);
    assert.match(afterAnswer, /Wij komen de lekkage maandag bekijken/);
    assert.doesNotMatch(afterAnswer, /na 13 uur/, 'the internal note stays inside');
});

test("a team member cannot open another team's request by its URL", async () => {
    const { page } = await signedInAccount(browser, { name: 'Bram Mulder', email: 'bram@schiedam.example', role: 'team', team: 'huurloket' });
    const response = await browser.open(page, `/backoffice/requests/${zorg}`);
    assert.equal(response.status(), 404);
    assert.doesNotMatch(await text(page), /Fatma Yilmaz/);
    await browser.check(page, 'request-other-team');
});

test('a coordinator forwards a request to another team; that team has it and the status page changes', async () => {
    const reference = await central.postCallback({ category: 'gemeente', name: 'Piet Hein', topic: 'Stoep' });
    const coordinator = await signedInAccount(browser, { name: 'Karim Ouali', email: 'karim@schiedam.example', role: 'coordinator' });
    await browser.open(coordinator.page, '/backoffice/inbox');
    assert.ok((await inboxReferences(coordinator.page)).includes(reference), 'the coordinator sees every team');
    await browser.check(coordinator.page, 'inbox-coordinator');
    await browser.open(coordinator.page, `/backoffice/requests/${reference}`);
    await coordinator.page.select('#forward-team', 'wijkteam');
    await fill(coordinator.page, '#forward-reason', 'Dit gaat over zorg thuis, niet over de stoep.');
    await submit(coordinator.page, '#forward-button');
    assert.ok(await coordinator.page.$('#action-done'), 'the page confirms the forward');
    assert.match(await text(coordinator.page), /wijkteam/i);
    await browser.check(coordinator.page, 'request-forwarded');

    const wijkteam = await signedInAccount(browser, { name: 'Lotte Smit', email: 'lotte@schiedam.example', role: 'team', team: 'wijkteam' });
    await browser.open(wijkteam.page, '/backoffice/inbox');
    assert.ok((await inboxReferences(wijkteam.page)).includes(reference), 'the Wijkteam has it now');
    const gemeente = await signedInAccount(browser, { name: 'Noor Bakker', email: 'noor@schiedam.example', role: 'team', team: 'gemeente' });
    assert.equal((await browser.open(gemeente.page, `/backoffice/requests/${reference}`)).status(), 404, 'the municipality no longer');

    const received = await statusPage(reference, 'status-forwarded');
    assert.match(received, new RegExp(reference), 'the status page keeps working after the forward');
    await browser.open(wijkteam.page, `/backoffice/requests/${reference}`);
    await wijkteam.page.select('#status', 'in-progress');
    await fill(wijkteam.page, '#public-note', 'Het wijkteam belt u deze week.');
    await submit(wijkteam.page, '#status-button');
    const changed = await statusPage(reference, 'status-after-forward');
    assert.match(changed, /Wij zijn met uw vraag bezig/);
    assert.match(changed, /Het wijkteam belt u deze week/);
});
