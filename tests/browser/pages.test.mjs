// Every back office page in chromium, for each role: starting from the start page, every page the
// navigation and the pages' own links lead to (GET only; sign-out forms are not posted) gets the axe-core
// audit, a screenshot at 1366x768 and a keyboard sweep (Tab reaches every control and shows the focus). The
// store holds requests posted by kiosk K2 over mTLS, so the inbox and request pages have rows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, keyboardSweep } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { signedInAccount } from './lib/staff.mjs';

let central;
let browser;

before(async () => {
    central = await new Central({ name: 'pages' }).start();
    browser = await new Browser({ central, name: 'pages' }).launch();
    for (const category of ['huur', 'zorg', 'gemeente']) await central.postCallback({ category });
});

after(async () => {
    await browser?.close();
    await central?.stop();
    central?.cleanUp();
});

// The back office pages a signed-in page links to, breadth first from its start page, at most limit.
async function crawl(page, role, limit = 40) {
    const seen = new Set();
    const queue = [browser.url('/backoffice/')];
    const visited = [];
    while (queue.length > 0 && visited.length < limit) {
        const url = queue.shift();
        const response = await page.goto(url, { waitUntil: 'load' });
        const key = new URL(page.url()).pathname;
        if (seen.has(key)) continue;
        seen.add(key);
        assert.ok(response.status() < 400, `${url}: ${response.status()}`);
        const name = `${role}${key.replace(/\/backoffice/, '').replace(/[^a-zA-Z0-9]+/g, '-') || '-start'}`;
        await browser.check(page, name);
        await keyboardSweep(page);
        visited.push(key);
        const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
        for (const link of links) {
            const u = new URL(link);
            if (u.origin !== new URL(browser.url('/')).origin) continue;
            if (!u.pathname.startsWith('/backoffice/') || u.pathname.startsWith('/backoffice/static/')) continue;
            if (u.pathname.endsWith('.csv')) continue;
            if (!seen.has(u.pathname)) queue.push(`${u.origin}${u.pathname}`);
        }
    }
    return visited;
}

for (const [role, details] of [
    ['admin', { name: 'Mira Jansen', email: 'mira@schiedam.example', role: 'admin' }],
    ['coordinator', { name: 'Karim Ouali', email: 'karim@schiedam.example', role: 'coordinator' }],
    ['team', { name: 'Anna de Boer', email: 'anna@schiedam.example', role: 'team', team: 'huurloket' }],
]) {
    test(`every page the role ${role} can open passes the audit and the keyboard sweep`, async () => {
        const { page } = await signedInAccount(browser, details);
        const visited = await crawl(page, role);
        assert.ok(visited.length >= 1, `pages: ${visited.join(', ')}`);
        console.log(`${role}: ${visited.length} pages: ${visited.join(' ')}`);
    });
}

test('the pages without a session: sign-in, a set-up link that does not work, an unknown page', async () => {
    const page = await browser.newPage();
    await browser.open(page, '/backoffice/sign-in');
    await browser.check(page, 'anonymous-sign-in');
    await keyboardSweep(page);
    const dead = await browser.open(page, '/backoffice/setup/bestaat-niet');
    assert.equal(dead.status(), 404);
    await browser.check(page, 'anonymous-setup-dead');
    const inbox = await browser.open(page, '/backoffice/inbox');
    assert.match(page.url(), /\/backoffice\/sign-in/, `the inbox sends to sign-in (${inbox.status()})`);
});
