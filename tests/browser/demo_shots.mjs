// The demo's pictures of the back office (provisioning/run-demo.sh): signs in as the demo account in
// Debian's chromium and saves a screenshot (1366x768, the whole page) of the sign-in page and of every page
// the navigation offers, and of the first request the inbox links to.
//
//   node tests/browser/demo_shots.mjs --url https://127.0.0.1:PORT --pki DIR --clock-file FILE
//       --email E --password P --secret BASE32 --out DIR
//
// The code is computed on the server's clock (the demo's clock file: its offset from now in ms), for the
// 30-second step after the one the set-up used. Prints the files it saved; exits 1 when sign-in fails.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Browser } from './lib/browser.mjs';
import { StaffAccount, fill, submit } from './lib/staff.mjs';

const { values: a } = parseArgs({
    options: Object.fromEntries(
        ['url', 'pki', 'clock-file', 'email', 'password', 'secret', 'out'].map((k) => [k, { type: 'string' }]),
    ),
});
const server = {
    baseUrl: a.url,
    pki: a.pki,
    now: () => Date.now() + (Number(fs.readFileSync(a['clock-file'], 'utf8').trim()) || 0),
    advance: () => {
        throw new Error('the demo does not move its clock');
    },
};
fs.mkdirSync(a.out, { recursive: true });
process.env.WIJKPUNT_BROWSER_OUT = path.dirname(path.resolve(a.out));
const browser = await new Browser({ central: server, name: path.basename(a.out) }).launch();
const saved = [];
const shot = async (page, name) => {
    const file = path.join(a.out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    saved.push(file);
};
try {
    const account = new StaffAccount({ email: a.email });
    account.secret = a.secret.replace(/\s+/g, '');
    account.lastStep = Math.floor(server.now() / 30000);
    const page = await browser.newPage();
    await browser.open(page, '/backoffice/sign-in');
    await shot(page, '01-sign-in');
    await fill(page, '#email', a.email);
    await fill(page, '#password', a.password);
    await fill(page, '#code', account.code(server));
    await submit(page, '#sign-in-button');
    if (page.url().includes('/sign-in')) {
        console.error(`demo: signing in to the back office as ${a.email} did not work`);
        process.exitCode = 1;
    } else {
        const links = await page.$$eval('nav.main-nav a', (as) => as.map((x) => ({ href: x.href, label: x.textContent.trim() })));
        let n = 2;
        const slug = (label) => label.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        for (const link of links.length ? links : [{ href: page.url(), label: 'start' }]) {
            await page.goto(link.href, { waitUntil: 'load' });
            await shot(page, `${String(n++).padStart(2, '0')}-${slug(link.label)}`);
            const request = await page.$('a[href*="/backoffice/requests/"]');
            if (request && !saved.some((f) => f.includes('-request'))) {
                await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), request.click()]);
                await shot(page, `${String(n++).padStart(2, '0')}-request`);
            }
        }
    }
} finally {
    await browser.close();
}
for (const file of saved) console.log(file);
