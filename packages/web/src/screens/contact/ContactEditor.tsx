import type { Contact, FamilyFile } from '@nestwerk/contract';
import { assess } from '@nestwerk/engine';
import { knowledge } from '@nestwerk/knowledge';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../app/locale.tsx';
import { useUser } from '../../app/session.tsx';
import { today } from '../../lib/dates.ts';
import { serverFieldErrors } from '../../lib/field-errors.ts';
import { SelfReportsPanel } from '../family/SelfReportsPanel.tsx';
import { useParentName } from '../screening/names.ts';
import { usePerinatalThresholds } from '../screening/usePerinatalThresholds.ts';
import { AgreementSection } from './AgreementSection.tsx';
import { AdvicePanel } from './advice/AdvicePanel.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ContactHeader } from './ContactHeader.tsx';
import { ContactScreenings } from './ContactScreenings.tsx';
import { CueChecklist } from './CueChecklist.tsx';
import { type CarryOver, withCarryOver } from './carry-over.ts';
import {
  FINISH_FIELD_TARGET,
  type FinishField,
  finishProblems,
  serverFinishField,
  supersededFollowUps,
} from './completeness.ts';
import { FactorInventory } from './FactorInventory.tsx';
import { type ContactForm, emptyForm, fromContact, screeningsByPerson, toAssessmentInput } from './form.ts';
import { Prompts } from './Prompts.tsx';
import { ReferralCriteria } from './ReferralCriteria.tsx';
import { SaveBar } from './SaveBar.tsx';
import { useContactDraft } from './useContactDraft.ts';
import { useSaveContact } from './useSaveContact.ts';

/** The contact's inputs that show the server's field messages, by the API field they fill. */
const CONTACT_INPUTS: Readonly<Record<string, string>> = { 'agreement.followUpDue': 'agreement-followup' };

export function ContactEditor({
  family,
  contact,
  preferredChildId,
  carryOver = null,
}: {
  family: FamilyFile;
  contact: Contact | null;
  preferredChildId: string | null;
  /** Stable factors of earlier contacts, for a new contact: filled in and marked until confirmed or changed. */
  carryOver?: CarryOver | null;
}) {
  const { t } = useTranslation();
  const { lang, region, know } = useLocale();
  const user = useUser();

  const initialChild =
    family.children.find((c) => c.id === (contact?.childId ?? preferredChildId)) ?? family.children[0];
  const draft = useContactDraft(user.id, family.id, contact?.id ?? null);
  const [form, setForm] = useState<ContactForm>(() => {
    // A draft kept before factors were recorded per parent has none: it means the same as an empty record.
    const restored = draft.restored?.form;
    if (restored) return { ...restored, parentFactors: restored.parentFactors ?? {} };
    return contact ? fromContact(contact) : withCarryOver(emptyForm(initialChild, today()), carryOver);
  });
  // Marks stay until the nurse confirms them; a factor she changes loses its mark by itself.
  const [carried, setCarried] = useState<CarryOver | null>(() =>
    draft.restored?.form || contact ? null : carryOver,
  );
  const confirmCarried = useCallback(() => setCarried(null), []);
  const [version, setVersion] = useState<number | null>(draft.restored?.version ?? contact?.version ?? null);

  // Stable, so the memoised sections re-render only when their own slice of the form changes.
  const dirty = useRef(false);
  const update = useCallback((change: (current: ContactForm) => ContactForm) => {
    dirty.current = true;
    setForm(change);
  }, []);
  const replaceForm = useCallback((next: ContactForm) => {
    dirty.current = true;
    setForm(next);
  }, []);
  const markClean = useCallback(() => {
    dirty.current = false;
  }, []);
  const { save: saveDraft } = draft;
  useEffect(() => {
    if (dirty.current) saveDraft(form, version);
  }, [form, version, saveDraft]);

  const save = useSaveContact({
    family,
    contactId: contact?.id ?? null,
    draft,
    setVersion,
    setForm: replaceForm,
    markClean,
  });

  const atFields = useMemo(
    () => serverFieldErrors(save.error, t, (path) => CONTACT_INPUTS[path] ?? null),
    [save.error, t],
  );
  // Once the nurse tried to finish, what is missing is shown at its field and updates as she fills it in.
  const [finishTried, setFinishTried] = useState(false);
  const serverField = serverFinishField(save.error);
  const finishErrors = useMemo(() => {
    const fields = new Set<FinishField>(finishTried ? finishProblems(form) : []);
    if (serverField) fields.add(serverField);
    const out: Partial<Record<FinishField, string>> = {};
    for (const field of fields)
      out[field] = t(`contact.agreement.errors.${field === 'agreedBand' ? 'agreedBand' : 'followUpDue'}`);
    // Other server checks of the date (e.g. a follow-up before the contact) are said at the same field.
    const serverDate = atFields.fields['agreement-followup'];
    if (serverDate && !out['agreement.followUpDue']) out['agreement.followUpDue'] = serverDate;
    return out;
  }, [finishTried, form, serverField, atFields, t]);
  const blockedCount = finishTried ? finishProblems(form).length : 0;
  const supersedes = useMemo(
    () => supersededFollowUps(family.agreements, form, contact?.id ?? null),
    [family.agreements, form, contact?.id],
  );
  const onSave = (status: 'draft' | 'final') => {
    if (status === 'final') {
      const missing = finishProblems(form);
      setFinishTried(true);
      const first = missing[0];
      if (first) {
        const target = document.getElementById(FINISH_FIELD_TARGET[first]);
        target?.scrollIntoView({ block: 'center' });
        target?.focus({ preventScroll: true });
        return;
      }
    }
    void save.submit(form, version, status);
  };

  const child = family.children.find((c) => c.id === form.childId);
  // On the contact's date, as the engine reckons age: a contact before the birth was with an unborn child.
  const unborn = Boolean(child && (!child.birthDate || form.date < child.birthDate));
  const thresholds = usePerinatalThresholds();
  const parentName = useParentName();
  const screenings = useMemo(() => screeningsByPerson(family.screenings), [family.screenings]);
  const input = useMemo(
    () => toAssessmentInput(form, child, family.caregivers, region, screenings),
    [form, child, family.caregivers, region, screenings],
  );
  const assessment = useMemo(
    () => (input?.ok ? assess(input.value, knowledge, { lang, perinatal: thresholds }) : null),
    [input, lang, thresholds],
  );
  // Back from a screening to this contact: the saved one, or the new one whose draft this browser keeps.
  const here = contact
    ? `/contacts/${contact.id}`
    : `/families/${family.id}/contacts/new?child=${form.childId}`;
  const screenLink = useCallback(
    (personId: string) =>
      `/families/${family.id}/screenings/new?person=${encodeURIComponent(personId)}${
        contact ? `&contact=${encodeURIComponent(contact.id)}` : ''
      }&return=${encodeURIComponent(here)}`,
    [family.id, contact, here],
  );
  // Referring from the live advice: the referral rests on a stored contact and its recommendation, so an
  // unsaved or changed contact is saved first (as a draft; a finished one stays finished). The latest form is
  // read through a ref so the memoised advice panel does not re-render on every keystroke.
  const navigate = useNavigate();
  const latest = useRef({ form, version, save });
  latest.current = { form, version, save };
  const refer = useCallback(
    async (recommendationId: string) => {
      const status = contact?.status ?? 'draft';
      let id = contact?.id ?? null;
      const saved = id !== null && !dirty.current;
      if (!saved) {
        const now = latest.current;
        const result = await now.save.submit(now.form, now.version, status, true);
        if (!result) return;
        id = result.contact.id;
      }
      void navigate(
        `/families/${family.id}/refer?recommendation=${encodeURIComponent(recommendationId)}&contact=${encodeURIComponent(id ?? '')}`,
        { state: { contactSaved: !saved && status === 'draft' } },
      );
    },
    [contact, navigate, family.id],
  );
  const unavailable =
    input && !input.ok && input.error.error === 'child_age'
      ? t(`advice.noAge.${input.error.reason}`, { weeks: input.error.gestationWeeks })
      : null;

  if (family.children.length === 0) return <p className="notice">{t('contact.noChildren')}</p>;

  return (
    <>
      <h1>{t('contact.titleFor', { child: child ? child.givenName : '', family: family.name })}</h1>
      {draft.restoredAt !== null && (
        <div className="notice" role="status">
          <p>{t('contact.draftRestored', { time: draft.formatTime(draft.restoredAt) })}</p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              draft.discard();
              dirty.current = false;
              setForm(
                contact ? fromContact(contact) : withCarryOver(emptyForm(initialChild, today()), carryOver),
              );
              setCarried(contact ? null : carryOver);
              setVersion(contact?.version ?? null);
            }}
          >
            {t('contact.discardDraft')}
          </button>
        </div>
      )}
      <nav className="jumplinks" aria-label={t('contact.onThisScreen')}>
        <ul>
          <li>
            <a href="#prompts">{t('contact.guide.title')}</a>
          </li>
          <li>
            <a href="#cues">{t('contact.cues.title')}</a>
          </li>
          <li>
            <a href="#factors">{t('contact.factors.title')}</a>
          </li>
          <li>
            <a href="#parent-screening">{t('screening.contact.title')}</a>
          </li>
          <li>
            <a href="#criteria">{t('contact.criteria.title')}</a>
          </li>
          <li>
            <a href="#agreement">{t('contact.agreement.title')}</a>
          </li>
        </ul>
      </nav>
      <div className="contact-layout">
        <form className="contact-form" onSubmit={(e) => e.preventDefault()} noValidate>
          <ContactHeader family={family} form={form} update={update} />
          <SelfReportsPanel familyId={family.id} limit={2} />
          <Prompts child={child} date={form.date} />
          <CueChecklist cues={form.cues} update={update} unborn={unborn} />
          <FactorInventory
            factors={form.factors}
            parentFactors={form.parentFactors}
            caregivers={family.caregivers}
            update={update}
            unborn={unborn}
            carried={carried}
            onConfirmCarried={confirmCarried}
          />
          <ContactScreenings family={family} screenLink={screenLink} />
          <ReferralCriteria criteria={form.criteria} update={update} unborn={unborn} />
          <AgreementSection form={form} update={update} errors={finishErrors} supersedes={supersedes} />
        </form>
        <AdvicePanel
          assessment={assessment}
          caregivers={family.caregivers}
          screenLink={screenLink}
          unavailable={unavailable}
          familyId={family.id}
          contactId={contact?.id ?? null}
          onRefer={refer}
        />
      </div>
      <SaveBar
        busy={save.busy}
        message={save.message}
        error={save.error}
        shownAtFields={serverField ? [...atFields.shown, serverField] : atFields.shown}
        savedLocallyAt={draft.savedAt}
        formatTime={draft.formatTime}
        blockedCount={blockedCount}
        onSave={onSave}
      />
      {save.conflict && (
        <ConflictDialog
          mine={form}
          theirs={save.conflict}
          describe={(code) => {
            const [personId, factorCode] = code.split(':');
            const person = family.caregivers.find((c) => c.id === personId);
            return person && factorCode
              ? `${parentName(person)}: ${describeCode(factorCode, know)}`
              : describeCode(code, know);
          }}
          onUseTheirs={() => save.resolve('theirs', form)}
          onKeepMine={() => save.resolve('mine', form)}
          onMerge={() => save.resolve('merge', form)}
          onLater={() => save.resolve('later', form)}
        />
      )}
    </>
  );
}

function describeCode(code: string, know: (v: { nl: string; en: string; nlBE?: string }) => string): string {
  const cue = knowledge.cues.find((c) => c.code === code);
  if (cue) return know(cue.label);
  const factor = knowledge.factors.find((f) => f.code === code);
  if (factor) return know(factor.label);
  const criterion = knowledge.referralCriteria.find((c) => c.code === code);
  if (criterion) return know(criterion.label);
  return code;
}
