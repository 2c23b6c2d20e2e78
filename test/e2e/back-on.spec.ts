import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../personio-sim';
import { scenario } from '../fixtures/sites/gmail/scenario';
import { holidayTable } from '../../scripts/holiday-tables';
import { formatWeekdayDate } from '../../lib/format';
import { publicHolidays } from '../../lib/public-holidays';
import { addDays, weekdayIndex } from '../../lib/working-days';
import { connect, launchExtension, openOptions, panelFrame, routePersonio, serveScenario, waitForSync, type Launched } from './harness';

/**
 * "Back on" names a day the person is expected at work: in real Chromium the background reads
 * the holiday table the build packed for Ada's calendar (Bavaria) and her Monday-to-Friday
 * schedule. Her absence is made to end the day before a Bavarian public holiday that falls on
 * a weekday, so a calendar that counted only weekends, or every day, would name another date.
 */
const ADA = 100003;
const BAVARIA = 901;
const FULL_TIME = 97101;

let sim: Simulator;
let launched: Launched;

const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** The last day of the absence and the day she is back, found from the library's own table. */
function absenceBeforeAHoliday(today: string): { lastDay: string; backOn: string } {
  const holidays = new Set([...publicHolidays(holidayTable('DE'), 'Bayern')]);
  for (let day = addDays(today, 1); ; day = addDays(day, 1)) {
    const next = addDays(day, 1);
    if (!holidays.has(next) || weekdayIndex(next) > 4) continue;
    let backOn = next;
    while (holidays.has(backOn) || weekdayIndex(backOn) > 4) backOn = addDays(backOn, 1);
    return { lastDay: day, backOn };
  }
}

const today = localToday();
const expected = absenceBeforeAHoliday(today);

beforeAll(async () => {
  sim = await startSimulator({ employees: 40, seed: 7 });
  const ada = sim.company.employees.find((e) => e.id === ADA)!;
  ada.holidayCalendarId = BAVARIA;
  ada.workScheduleId = FULL_TIME;
  for (const t of sim.company.timeOffs.filter((x) => x.employeeId === ADA)) {
    t.startDate = addDays(today, -1);
    t.endDate = expected.lastDay;
  }
  launched = await launchExtension();
  await routePersonio(launched.context, sim);
  const options = await openOptions(launched);
  await connect(options);
  await waitForSync(launched, 8);
  await options.close();
  await serveScenario(launched.context, scenario);
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

describe('back on', () => {
  it('is the first working day after the absence, past weekends and Bavarian holidays', async () => {
    const page = await launched.context.newPage();
    await page.goto(scenario.startUrl);
    const panel = await panelFrame(page);
    const backOn = `back on ${formatWeekdayDate(expected.backOn, 'en', today)}`;
    await expect.poll(() => panel.getByText(/^Away until .+ · back on .+$/).innerText(), { timeout: 10_000 }).toContain(backOn);
    // Not the day after the absence: that is the holiday.
    expect(expected.backOn).not.toBe(addDays(expected.lastDay, 1));
    await page.close();
  });
});
