import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCaseEvent, openCase } from '../../shared/domain/nomination-case.ts';
import { caseWorkflow } from '../../web/src/lib/workflow-drawing/definitions.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { componentPage, componentScript, launchChromium } from '../support/component-page.ts';
import { horizontalOverflow, seriousAccessibilityViolations } from '../support/desk-browser.ts';

/** A self-nominee whose signatures sufficed: the case now waits in CheckEligibility. */
function trail() {
  const opened = openCase(
    aSelfFiling(),
    { caseId: 'c-1', electionId: 'e-1' },
    {
      at: '2026-02-02T04:00:00.000Z',
      actor: { role: 'candidate', id: 'c' },
    },
  );
  const verified = applyCaseEvent(
    opened,
    { type: 'SignaturesVerified', sufficient: true },
    {
      at: '2026-02-05T04:00:00.000Z',
      actor: { role: 'candidate', id: 'c' },
    },
  );
  return [opened.lastEntry, verified.lastEntry];
}

const labels = { current: 'қазіргі қадам', passed: 'өтті', notPassed: 'өтпеді' };

let browser: Browser;
let script: string;

beforeAll(async () => {
  script = await componentScript('web/src/lib/workflow-drawing/WorkflowDiagram.tsx', 'WorkflowDiagram');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const draw = (width: number): Promise<Page> =>
  componentPage(browser, {
    script,
    styleSheets: ['web/src/lib/workflow-drawing/workflow-diagram.css'],
    props: { machine: caseWorkflow, events: trail(), title: 'Істің жолы', language: 'kk', labels },
    width,
    language: 'kk',
  });

describe('the workflow, drawn, in a real Chromium', () => {
  it('lets the keyboard reach every state, each read out with its standing, the current one marked', async () => {
    const page = await draw(1280);
    const states = Object.keys(caseWorkflow.States);
    const read: string[] = [];
    for (let i = 0; i < states.length; i++) {
      await page.keyboard.press('Tab');
      read.push((await page.locator(':focus').getAttribute('aria-label')) ?? '');
    }
    expect(read).toHaveLength(states.length);
    expect(new Set(read).size).toBe(states.length);
    expect(read).toContain('Талаптарға сәйкестігін тексеру: қазіргі қадам');
    expect(read).toContain('Қол қою парақтарын күту: өтті');
    expect(read).toContain('Партияның растауын күту: өтпеді');
    expect(await page.locator('[aria-current="step"]').getAttribute('aria-label')).toBe(
      'Талаптарға сәйкестігін тексеру: қазіргі қадам',
    );
    // The path is drawn: the three transitions the case took (RouteByStatus → AwaitSignatures → RouteByStatus →
    // CheckEligibility: the signal carried the status, so no LoadCase), and only those, stand out.
    expect(await page.locator('path.wf-edge-taken').count()).toBe(3);
    await page.close();
  });

  it('fits a 360 px phone screen two boxes wide, its text at a readable size, without a serious accessibility violation', async () => {
    const page = await draw(360);
    expect(await horizontalOverflow(page)).toBe(0);
    const heights = await Promise.all(
      (await page.locator('svg text').all()).map(async (text) => (await text.boundingBox())?.height ?? 0),
    );
    const smallest = Math.min(...heights);
    // 13 px text scaled to the screen stays at least about 10 px high.
    expect(smallest).toBeGreaterThanOrEqual(10);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
