import { api, type Coded, type SharedReferral } from '@nestwerk/contract';
import { familyOfReferral, partnerOf, requireReferral } from '../../domain/referral-load.ts';
import { HttpError } from '../../http/errors.ts';
import { parseShared } from '../../network/share.ts';
import { localDay } from '../../policies/calendar.ts';
import { sharingState } from '../../policies/referrals.ts';
import { findConsent } from '../../repositories/consents.ts';
import type { PartnerRow } from '../../repositories/partners.ts';
import type { ReferralRow } from '../../repositories/referrals.ts';
import type { RequestContext } from '../shared/context.ts';
import { withFamily } from '../shared/family-guard.ts';

/**
 * The referral letter for a partner outside Nestwerk: plain HTML meant for the browser's "print to PDF",
 * built from the frozen snapshot only (so the letter is exactly what was recorded as sent). No inline style
 * or script: the strict CSP applies; the look comes from {@link LETTER_CSS} on our own origin.
 */
const LETTER_CSS_PATH = api.referrals.letterCss.path;

export const LETTER_CSS = `@page { size: A4; margin: 20mm; }
body { font-family: system-ui, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0; }
.letter { max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
.letter header { display: flex; justify-content: space-between; gap: 12mm; margin-bottom: 10mm; }
.letter address { font-style: normal; }
.letter h1 { font-size: 16pt; margin: 0 0 4mm; }
.letter h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
.letter .basis { padding: 2mm 3mm; border: 1px solid #555; }
.letter .basis.no-consent { border-width: 2px; font-weight: 600; }
.letter footer { margin-top: 10mm; font-size: 9pt; color: #333; }
@media print { .letter { padding: 0; } }
`;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const lines = (values: Array<string | null | undefined>): string =>
  values
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map(esc)
    .join('<br>');

const list = (items: readonly Coded[] | undefined): string =>
  items && items.length > 0
    ? `<ul>${items.map((i) => `<li>${esc(i.label)}</li>`).join('')}</ul>`
    : '<p>—</p>';

const section = (title: string, body: string): string => `<section><h2>${esc(title)}</h2>${body}</section>`;

function age(child: SharedReferral['child']): string | null {
  if (!child) return null;
  if (child.ageMonths !== undefined)
    return child.ageMonths < 24
      ? `${child.ageMonths} maanden`
      : `${Math.floor(child.ageMonths / 12)} jaar en ${child.ageMonths % 12} maanden`;
  if (child.gestationWeeks !== undefined)
    return `nog niet geboren (zwangerschap van ${child.gestationWeeks} weken)`;
  return null;
}

const ROLE: Record<string, string> = {
  mother: 'moeder',
  father: 'vader',
  co_parent: 'co-ouder',
  foster_parent: 'pleegouder',
  adoptive_parent: 'adoptieouder',
  step_parent: 'stiefouder',
  grandparent: 'grootouder',
  guardian: 'voogd',
  other: 'verzorger',
};

export function renderLetter(s: SharedReferral, r: ReferralRow, partner: PartnerRow): string {
  const child = s.child;
  const childLines = [
    age(child) ? `Leeftijd: ${age(child)}` : null,
    child?.givenName ? `Naam: ${child.givenName} ${child.familyName ?? ''}`.trim() : null,
    child?.birthDate ? `Geboortedatum: ${child.birthDate}` : null,
    child?.dueDate ? `Uitgerekende datum: ${child.dueDate}` : null,
  ];
  const hindering = (s.factors ?? []).filter((f) => f.kind === 'hindering');
  const protective = (s.factors ?? []).filter((f) => f.kind === 'protective');
  const basis =
    s.basis === 'consent'
      ? '<p class="basis">De ouder(s) hebben toestemming gegeven om deze gegevens met u te delen, voor deze aanmelding.</p>'
      : '<p class="basis no-consent">Deze gegevens worden gedeeld zonder toestemming van de ouder(s), na een zorgvuldige afweging (de vijf vragen over het doorbreken van het beroepsgeheim) en bevestigd door een tweede professional. Gebruik ze alleen voor het afwenden van het gevaar of nadeel waarvoor ze gedeeld worden.</p>';
  const parts = [
    section('Over het kind', childLines.some(Boolean) ? `<p>${lines(childLines)}</p>` : '<p>—</p>'),
    section(
      'Reden van aanmelding',
      `${list([...s.reason.criteria, ...s.reason.imhReasons])}${s.reason.text ? `<p>${esc(s.reason.text)}</p>` : ''}`,
    ),
    s.cues ? section('Wat we zagen in het contact tussen ouder en kind', list(s.cues)) : '',
    s.factors
      ? section('Wat het gezin belast', list(hindering)) +
        section('Wat het gezin draagt (sterke kanten)', list(protective))
      : '',
    s.interventions ? section('Gevraagde hulp', list(s.interventions)) : '',
    s.parentWishes !== undefined
      ? section('Wensen van de ouder(s)', `<p>${s.parentWishes ? esc(s.parentWishes) : '—'}</p>`)
      : '',
    s.parents
      ? section(
          'Ouders',
          `<ul>${s.parents
            .map(
              (p) =>
                `<li>${lines([p.role ? (ROLE[p.role] ?? p.role) : null, p.name, p.phone ? `tel. ${p.phone}` : null])}</li>`,
            )
            .join('')}</ul>`,
        )
      : '',
    s.address ? section('Woonplaats', `<p>${lines([s.address.postcode, s.address.municipality])}</p>`) : '',
    section(
      'Terugkoppeling',
      `<p>Wilt u ons uiterlijk ${esc(r.feedback_due ?? '')} laten weten of en wanneer het gezin bij u terechtkan? Neem bij vragen contact op met de verwijzer hieronder.</p>`,
    ),
  ];
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Aanmelding ${esc(r.id.slice(-8))}</title>
<link rel="stylesheet" href="${LETTER_CSS_PATH}">
</head>
<body>
<main class="letter">
<header>
<address>${lines([s.referrer.organisation, s.referrer.name, s.referrer.email, s.referrer.phone])}</address>
<address>${lines([partner.name, partner.address])}</address>
</header>
<h1>Aanmelding van een gezin</h1>
<p>Verstuurd op ${esc(r.sent_at ? localDay(r.sent_at) : '')}${r.channel ? ` (${esc(r.channel)})` : ''}.</p>
${basis}
${parts.join('\n')}
<footer><p>Referentie ${esc(r.id)}. Deze brief bevat vertrouwelijke gegevens over een gezin; bewaar en vernietig hem zoals uw beroepsgeheim vraagt.</p></footer>
</main>
</body>
</html>
`;
}

/** The letter of a sent referral; refused once the consent it rests on was withdrawn or has expired. */
export function referralLetter(ctx: RequestContext, id: string): Promise<string> {
  return withFamily(
    ctx,
    { family: familyOfReferral(id), action: 'export', audit: 'referral.letter' },
    async (trx) => {
      const r = await requireReferral(trx, id);
      const shared = parseShared(r.shared_json);
      if (r.status === 'draft' || !shared)
        throw new HttpError(
          'conflict',
          'Send the referral first (or record it as sent by post): the letter shows exactly what was sent.',
          'status',
          { status: r.status },
        );
      const consent = r.consent_id ? await findConsent(trx, r.consent_id) : undefined;
      const sharing = sharingState(r, consent, ctx.today);
      if (!sharing.open)
        throw new HttpError(
          'forbidden',
          'The consent for this referral is no longer valid: it may not be shared again.',
          undefined,
          {
            reason: sharing.reason,
          },
        );
      const partner = await partnerOf(trx, r);
      return { value: renderLetter(shared, r, partner), details: { referralId: id } };
    },
  );
}
