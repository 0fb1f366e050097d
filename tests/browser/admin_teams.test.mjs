// The admins' teams page in chromium on the real server: an admin adds a team with its Dutch name, which the
// routing, the account form and the inbox filter then offer; changes that name; is told in words why a team
// with requests and routing rules cannot be removed; and removes the new team once nothing names it. Every
// change is in the audit log, and every state of the page gets the axe-core audit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, keyboardSweep } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { fill, signedInAccount, submit } from './lib/staff.mjs';

let central;
let browser;

before(async () => {
    central = await new Central({ name: 'admin_teams' }).start();
    browser = await new Browser({ central, name: 'admin_teams' }).launch();
    await central.postCallback({ category: 'huur' });
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

const text = (page) => page.evaluate(() => document.body.innerText);
const optionValues = (page, select) => page.$$eval(`${select} option`, (os) => os.map((o) => o.value));

test('an admin adds a team, renames it, cannot remove a team in use and removes the new one', async () => {
    const { page } = await signedInAccount(browser, { name: 'Mira Jansen', email: 'mira@schiedam.example', role: 'admin' });
    await browser.open(page, '/backoffice/admin/teams');
    await browser.check(page, 'teams');
    await keyboardSweep(page);
    assert.match(await page.$eval('#in-use-huurloket', (p) => p.textContent), /Dit team kan niet weg: er is 1 aanvraag van dit team/);
    assert.equal(await page.$('#remove-huurloket'), null, 'a team in use offers no removal');

    // A short name that is not like a name is refused beside what was typed.
    await fill(page, '#new-team-name', 'Schuld Hulp');
    await fill(page, '#new-team-label', 'Schuldhulp');
    let response = await submit(page, '#add-team-button');
    assert.equal(response.status(), 422);
    assert.match(await text(page), /De korte naam heeft 2 tot 30 kleine letters/);
    assert.equal(await page.$eval('#new-team-label', (i) => i.value), 'Schuldhulp');
    await browser.check(page, 'teams-refused');

    await fill(page, '#new-team-name', 'schuldhulp');
    response = await submit(page, '#add-team-button');
    assert.equal(response.status(), 200);
    assert.match(await text(page), /Het team is toegevoegd/);
    assert.match(await page.$eval('#team-schuldhulp', (h) => h.textContent), /Schuldhulp/);
    await browser.check(page, 'teams-added');

    // The routing, the account form and the inbox filter offer it at once.
    await browser.open(page, '/backoffice/admin/routing');
    assert.ok((await optionValues(page, '#default-team, select[name="default_team"]')).includes('schuldhulp'));
    await browser.open(page, '/backoffice/admin/accounts');
    assert.ok((await optionValues(page, '#account-team')).includes('schuldhulp'));
    await browser.open(page, '/backoffice/inbox');
    assert.ok((await optionValues(page, '#filter-team')).includes('schuldhulp'));

    // Its Dutch name changes; its short name stays.
    await browser.open(page, '/backoffice/admin/teams');
    await fill(page, '#label-input-schuldhulp', 'Schuldhulpmaatjes');
    response = await submit(page, '#label-schuldhulp button[type="submit"]');
    assert.equal(response.status(), 200);
    assert.match(await text(page), /De naam van het team is opgeslagen/);
    assert.match(await page.$eval('#team-schuldhulp', (h) => h.textContent), /Schuldhulpmaatjes/);

    // A team with a request and routing rules is refused with the reasons, also when its form is posted.
    // (The page offers no button for it: the form is posted as a browser would.)
    const csrf = await page.$eval('input[name="csrf"]', (i) => i.value);
    const [refused] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.evaluate((token) => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = '/backoffice/admin/teams/huurloket/verwijderen';
            const field = document.createElement('input');
            field.type = 'hidden';
            field.name = 'csrf';
            field.value = token;
            form.append(field);
            document.body.append(form);
            form.submit();
        }, csrf),
    ]);
    assert.equal(refused.status(), 422);
    assert.match(await text(page), /Dit team kan niet weg: er is 1 aanvraag van dit team(,| en) \d+ regels? van de routering/);
    assert.ok(await page.$('#team-huurloket'), 'the team is still there');
    await browser.check(page, 'teams-in-use');

    // The new team is named by nothing: it goes.
    response = await submit(page, '#remove-schuldhulp');
    assert.equal(response.status(), 200);
    assert.match(await text(page), /Het team is verwijderd/);
    assert.equal(await page.$('#team-schuldhulp'), null);
    await browser.check(page, 'teams-removed');

    await browser.open(page, '/backoffice/audit');
    const audit = await text(page);
    for (const action of ['Team toegevoegd', 'Naam van een team gewijzigd', 'Team verwijderd'])
        assert.match(audit, new RegExp(action), `the audit log names "${action}"`);
});
