import { Browser } from './lib/browser.mjs';
import { Central } from './lib/central.mjs';
import { createAccount, fill, password, submit, completeSetup, signIn } from './lib/staff.mjs';
const central = await new Central({ name: 'dbg' }).start();
const browser = await new Browser({ central, name: 'dbg' }).launch();
try {
  const account = await createAccount(central, { name: 'Anna de Boer', email: 'anna@schiedam.example', role: 'team', team: 'huurloket' });
  console.log(account.setupPath);
  const page = await browser.newPage();
  const r = await completeSetup(browser, page, account);
  console.log(r.status(), page.url(), page.problems);
  console.log((await page.evaluate(() => document.body.innerText)).slice(0, 600));
  await signIn(browser, page, account);
  console.log(page.url());
  console.log((await page.evaluate(() => document.body.innerText)).slice(0, 400));
} finally { await browser.close(); await central.stop(); console.log(central.logText().slice(-1500)); }
