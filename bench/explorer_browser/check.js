// The reward explorer in JupyterLab, in headless Chromium: runs bench/explorer_browser/explorer.ipynb, checks that every
// control shows its value and the chosen K, and times redraws (key press on a slider -> new figure in the page).
//
// usage (Debian's chromium, playwright-core from npm; not part of CI):
//   apt-get install -y chromium && (cd /tmp/pw && npm install playwright-core@1.64.1)
//   uv run jupyter lab --no-browser --port 8899 --ServerApp.token=smp --ServerApp.root_dir=bench/explorer_browser &
//   NODE_PATH=/tmp/pw/node_modules node bench/explorer_browser/check.js "http://127.0.0.1:8899/lab/tree/explorer.ipynb?token=smp"
// Writes explorer_initial.png and explorer_after.png in the working directory and prints a JSON report.
const { chromium } = require('playwright-core');
(async () => {
  const url = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.jp-Notebook', { timeout: 120000 });
  await page.waitForTimeout(3000);
  // Run > Run All Cells
  await page.click('.lm-MenuBar-itemLabel:text-is("Run")', { timeout: 30000 });
  await page.click('.lm-Menu-itemLabel:text-is("Run All Cells")');
  await page.waitForSelector('.widget-hbox img', { timeout: 180000 });
  await page.waitForTimeout(2000);
  await page.screenshot({ path: 'explorer_initial.png' });
  const report = {};
  // every slider's readout is visible and not clipped by the controls column
  report.readouts = await page.$$eval('.widget-readout', els => els.map(e => {
    const r = e.getBoundingClientRect(); return { text: e.innerText || e.value || e.textContent, width: r.width, visible: r.width > 0 && r.height > 0 }; }));
  report.labels = await page.$$eval('.widget-label', els => els.map(e => e.textContent.trim()).filter(t => t));
  report.k_tags = await page.$$eval('.jupyter-widget-tag', els => els.map(e => e.textContent.trim()));
  const controls = await page.$('.widget-vbox');
  const box = await controls.boundingBox();
  report.controls_width = box.width;
  const imgSrc = async () => page.$eval('.widget-hbox .widget-output img', e => e.src.length + ':' + e.src.slice(-64));
  async function timeChange(sliderIndex, key) {
    const before = await imgSrc();
    const handles = await page.$$('.widget-slider .noUi-handle');
    await handles[sliderIndex].focus();
    const t0 = Date.now();
    await page.keyboard.press(key);
    await page.waitForFunction(b => { const i = document.querySelector('.widget-hbox .widget-output img'); return i && (i.src.length + ':' + i.src.slice(-64)) !== b; }, before, { timeout: 30000, polling: 20 });
    return (Date.now() - t0) / 1000;
  }
  report.redraw_w_s = [];
  report.redraw_window = [];
  for (let i = 0; i < 3; i++) {
    report.redraw_w_s.push(await timeChange(4, 'ArrowRight'));   // w_s is the 5th slider
    await page.waitForTimeout(500);
    report.redraw_window.push(await timeChange(1, 'ArrowRight'));  // joint noise
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: 'explorer_after.png' });
  console.log(JSON.stringify(report, null, 1));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
