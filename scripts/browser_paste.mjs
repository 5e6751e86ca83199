// Submits the paste box of Dossier's page in a running headless Chromium, over the DevTools protocol, and writes the
// page's DOM and a screenshot once the report has been read. Used by browser_check.sh; Node.js 22, or 20 with
// --experimental-websocket.
//
//   node browser_paste.mjs DEVTOOLS_PORT PAGE_URL REPORT_FILE DOM_FILE SCREENSHOT_FILE
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const [port, url, reportFile, domFile, screenshotFile] = process.argv.slice(2);
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const socket = new WebSocket(targets.find((target) => target.type === 'page').webSocketDebuggerUrl);
await new Promise((resolve) => socket.addEventListener('open', resolve));

const pending = new Map();
let lastID = 0;
socket.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  pending.get(message.id)?.(message.result);
  pending.delete(message.id);
});
/** Sends a DevTools command and answers its result. */
function send(method, params = {}) {
  lastID += 1;
  socket.send(JSON.stringify({ id: lastID, method, params }));
  return new Promise((resolve) => pending.set(lastID, resolve));
}
async function evaluate(expression) {
  return (await send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
}

await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
await send('Page.navigate', { url });
for (let tries = 0; tries < 50 && !(await evaluate("!!document.getElementById('report')")); tries += 1) await sleep(200);
const report = JSON.stringify(readFileSync(reportFile, 'utf8'));
await evaluate(`document.getElementById('report').value = ${report};
  document.getElementById('date').value = '2023-07-27';
  document.querySelector('form.paste button[type=submit]').click();`);
for (let tries = 0; tries < 100 && !(await evaluate("!!document.querySelector('.result h1, .result .error')")); tries += 1) {
  await sleep(200);
}
writeFileSync(domFile, await evaluate('document.documentElement.outerHTML'));
writeFileSync(screenshotFile, Buffer.from((await send('Page.captureScreenshot', { format: 'png' })).data, 'base64'));
socket.close();
