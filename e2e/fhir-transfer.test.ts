import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, csrf, uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, launch, login, open, snap } from './support/browser.ts';
import { randomBsn } from './support/national-id.ts';
import { FLEMISH_NURSE, TEAM_LEAD } from './support/network.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('national identifier in the family file', () => {
  it('shows the BSN masked, reveals it on request, and finds the family by the whole number', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const bsn = randomBsn();
    const name = uniqueName('Bsn');
    const created = await page.request.post('/api/families', {
      headers: { 'x-csrf-token': await csrf(page) },
      data: {
        name,
        children: [{ givenName: 'Sam', familyName: name, birthDate: '2025-10-01', nationalId: bsn }],
        caregivers: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const familyId = ((await created.json()) as { id: string }).id;
    await page.goto(`/families/${familyId}`);
    await page.getByText(`•••••${bsn.slice(-4)}`).waitFor();
    expect(await page.getByText(bsn, { exact: true }).count()).toBe(0);
    await snap(page, '93-bsn-masked');
    await page.getByRole('button', { name: /BSN van Sam .* tonen/ }).click();
    await page.getByText(bsn, { exact: true }).waitFor();
    await page.goto(`/worklist`);
    const search = await page.request.get(`/api/worklist?q=${bsn}`);
    expect(((await search.json()) as { items: { familyId: string }[] }).items.map((i) => i.familyId)).toEqual(
      [familyId],
    );
    // A wrong number is refused at the field before anything is sent, in Dutch, and named in the summary.
    await page.goto('/families/new');
    await page.getByLabel('Gezinsnaam').fill(name);
    await page.getByLabel('Voornaam').first().fill('Kai');
    await page.getByLabel('Geboortedatum').fill('2025-10-01');
    await page.locator('#caregiver-0-given').fill('Noa');
    await page.locator('#child-national-id').fill(`${bsn.slice(0, 8)}${(Number(bsn[8]) + 1) % 10}`);
    await page.getByRole('button', { name: 'Gezin inschrijven' }).click();
    await page.locator('#child-national-id-error').getByText('Dit BSN klopt niet').waitFor();
    expect(await page.getByRole('link', { name: /^Kind, BSN: Dit BSN klopt niet/ }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/families/new');
    await snap(page, '94-bsn-invalid');
    expectNoProblems(session);
    await session.context.close();
  });
});

describe('transfer of a family to another organisation', () => {
  it('the team lead hands a family over; the receiving nurse imports it; the sending side no longer has it', async () => {
    // A family of the Dutch nurse's team, with the parents' consent to share the file with the new organisation.
    const sending = await open(browser);
    await login(sending.page);
    const name = uniqueName('Verhuisd');
    const family = await createFamily(sending.page, name);
    const file = (await (await sending.page.request.get(`/api/families/${family.id}`)).json()) as {
      caregivers: { id: string }[];
    };
    const consent = await sending.page.request.post(`/api/families/${family.id}/consents`, {
      headers: { 'x-csrf-token': await csrf(sending.page) },
      data: {
        givenBy: file.caregivers[0]?.id,
        purpose: 'Verhuizing naar Vlaanderen: overdracht van het dossier',
        recipient: { kind: 'kind_en_gezin', name: 'Kind en Gezin Scheldeland' },
        // A transfer hands over the whole file, so the consent covers every share item.
        scope: [
          'reason',
          'referrer',
          'child_age',
          'cues',
          'factors',
          'interventions',
          'parent_wishes',
          'child_name',
          'child_birth_date',
          'parent_names',
          'parent_phone',
          'address',
        ],
      },
    });
    expect(consent.status(), await consent.text()).toBe(201);
    const transferConsentId = ((await consent.json()) as { id: string }).id;
    // A referral the sending nurse drafted: it travels as history and is never sent from the receiving side.
    const partners = await sending.page.request.get('/api/partners?kind=imh_specialist&limit=50');
    const partner = ((await partners.json()) as { items: Array<{ id: string; kind: string }> }).items.find(
      (p) => p.kind === 'imh_specialist',
    );
    const child = (await (await sending.page.request.get(`/api/families/${family.id}`)).json()) as {
      children: { id: string }[];
    };
    const referral = await sending.page.request.post(`/api/families/${family.id}/referrals`, {
      headers: { 'x-csrf-token': await csrf(sending.page) },
      data: {
        partnerId: partner?.id,
        childId: child.children[0]?.id,
        criteria: ['regulation_problems_persistent', 'parent_worry_or_overload_persistent'],
        imhReasons: ['regulation_problems'],
        interventions: ['imh_team'],
        reasonText: 'Regulatieproblemen; de ouders vragen om steun.',
        referrerPhone: '030 000 11 00',
        consent: { givenBy: file.caregivers[0]?.id, purpose: 'Aanmelding bij het IMH-team' },
      },
    });
    expect(referral.status(), await referral.text()).toBe(201);

    const lead = await open(browser);
    await login(lead.page, TEAM_LEAD);
    await lead.page.goto(`/families/${family.id}`);
    const panel = lead.page.getByRole('region', { name: 'Overdragen' });
    await panel.waitFor();
    await panel.getByLabel('Toestemming om te delen met').selectOption(transferConsentId);
    await panel.getByRole('button', { name: 'Overdragen' }).click();
    await panel.getByText('Het dossier gaat naar Kind en Gezin Scheldeland').waitFor();
    await snap(lead.page, '90-transfer-confirm');
    await panel.getByRole('button', { name: 'Ja, overdragen' }).click();
    await panel.getByText('Overgedragen aan Kind en Gezin Scheldeland').waitFor();
    const [download] = await Promise.all([
      lead.page.waitForEvent('download'),
      panel.getByRole('link', { name: 'Bestand voor de ontvanger opslaan' }).click(),
    ]);
    const path = await download.path();
    const bundle = readFileSync(path, 'utf8');
    expect(JSON.parse(bundle)).toMatchObject({ resourceType: 'Bundle' });
    await expectAccessible(lead.page, 'transfer done');
    expectNoProblems(lead);

    // The sending side: off the worklist, and the file no longer opens.
    const worklist = (await (await sending.page.request.get('/api/worklist?limit=200')).json()) as {
      items: { familyId: string }[];
    };
    expect(worklist.items.map((i) => i.familyId)).not.toContain(family.id);
    expect((await sending.page.request.get(`/api/families/${family.id}`)).status()).toBe(404);

    // The receiving side (Kind en Gezin) imports the file and sees the family.
    const receiving = await open(browser);
    await login(receiving.page, FLEMISH_NURSE);
    await receiving.page.goto('/families/new');
    await receiving.page.getByRole('link', { name: /Importeer het overgedragen dossier/ }).click();
    await receiving.page.getByRole('heading', { name: 'Overgedragen dossier importeren' }).waitFor();
    // The field's own words, not the browser's ("Choose File", "No file chosen").
    await receiving.page.getByText('Nog geen bestand gekozen').waitFor();
    await receiving.page.getByLabel('Bestand met het dossier').setInputFiles({
      name: 'overdracht.fhir.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bundle),
    });
    await receiving.page.getByText('overdracht.fhir.json').waitFor();
    await expectAccessible(receiving.page, 'import');
    await snap(receiving.page, '91-import');
    await receiving.page.getByRole('button', { name: 'Importeren' }).click();
    await receiving.page.waitForURL(/\/families\/[0-9a-f-]{36}$/);
    await receiving.page.getByText('Het dossier is geïmporteerd').waitFor();
    await receiving.page
      .getByRole('heading', { name: new RegExp(name) })
      .first()
      .waitFor();
    // Where the file came from, under the family's name; the consent's recipient is no partner here: external.
    const marker = receiving.page.getByTestId('imported-family');
    await marker.getByText(/^Dossier geïmporteerd uit .+, /).waitFor();
    await marker.getByText('Toestemming om te delen met Kind en Gezin Scheldeland').waitFor();
    await marker
      .getByRole('listitem')
      .filter({ hasText: 'Kind en Gezin Scheldeland' })
      .getByText('extern', { exact: true })
      .waitFor();
    await snap(receiving.page, '92-imported-family');
    const theirs = (await (
      await receiving.page.request.get(`/api/worklist?q=${encodeURIComponent(name)}`)
    ).json()) as {
      items: { name: string }[];
    };
    expect(theirs.items.map((i) => i.name)).toEqual([name]);

    // The referral came along as history: where it came from, its status, and nothing to send.
    const imported = (await (
      await receiving.page.request.get(receiving.page.url().replace(/.*\/families\//, '/api/families/'))
    ).json()) as { referrals: { id: string }[] };
    expect(imported.referrals).toHaveLength(1);
    await receiving.page.goto(`/referrals/${imported.referrals[0]?.id}`);
    await receiving.page
      .getByTestId('referral-imported')
      .getByText(/^Geïmporteerd uit .+doorverwijzing/)
      .waitFor();
    expect(await receiving.page.getByRole('button', { name: /versturen/i }).count()).toBe(0);
    await expectAccessible(receiving.page, 'imported referral');
    await snap(receiving.page, '92b-imported-referral');
    expectNoProblems(receiving);
    for (const s of [sending, lead, receiving]) await s.context.close();
  });

  it('shows what is wrong with a file that is not a valid Bundle, at the field', async () => {
    const session = await open(browser);
    await login(session.page, FLEMISH_NURSE);
    await session.page.goto('/families/import');
    await session.page.getByLabel('Bestand met het dossier').setInputFiles({
      name: 'kapot.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            { resource: { resourceType: 'Patient', name: [{ given: ['Lien'] }], birthDate: '2025-01-01' } },
          ],
        }),
      ),
    });
    await session.page.getByRole('button', { name: 'Importeren' }).click();
    const alert = session.page.getByRole('alert');
    await alert.getByText('Onderdeel 1 (Patient)').waitFor();
    expect(await alert.textContent()).toContain('Patient.name[0].family');

    // Another kind of FHIR file is named for what it is, without a FHIR path; an entry without a type has no
    // "(unknown)" after its number.
    const choose = (json: unknown) =>
      session.page.getByLabel('Bestand met het dossier').setInputFiles({
        name: 'ander.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(json)),
      });
    await choose({ resourceType: 'Patient', birthDate: '2025-01-01' });
    await session.page.getByRole('button', { name: 'Importeren' }).click();
    await alert
      .getByText('Dit bestand is geen overgedragen dossier (FHIR Bundle).', { exact: false })
      .waitFor();
    expect(await alert.locator('code').count()).toBe(0);
    await choose({ resourceType: 'Bundle', type: 'document', entry: [{}] });
    await session.page.getByRole('button', { name: 'Importeren' }).click();
    await alert.getByText('Onderdeel 1 —', { exact: false }).waitFor();
    expect(await alert.textContent()).not.toContain('unknown');
    expectNoProblems(session);
    await session.context.close();
  });
});
