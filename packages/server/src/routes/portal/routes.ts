import { api } from '@nestwerk/contract';
import type { FastifyInstance } from 'fastify';
import { presentPortalParent } from '../../auth/parent-login.ts';
import { serve } from '../../http/serve.ts';
import { requestContext } from '../shared/context.ts';
import { parentContext } from './parent-context.ts';
import { portalAccessLogPage, portalConsents, portalMe, portalRecord } from './parent-read.ts';
import { ownSelfReports, submitSelfReport, withdrawOwnConsent } from './parent-write.ts';
import { readPortalSettings, savePortalSettings } from './settings.ts';
import {
  familySelfReports,
  flagInSafetyRoute,
  heldBackList,
  holdBack,
  invite,
  portalAccessList,
  release,
  resume,
  setParentalAuthority,
  suspend,
} from './staff.ts';

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  serve(app, api.portal.me, async (req) => {
    const ctx = parentContext(req);
    return portalMe(ctx, await presentPortalParent(app, ctx.parent.parentId));
  });
  serve(app, api.portal.record, (req) => portalRecord(parentContext(req)));
  serve(app, api.portal.accessLog, (req) => portalAccessLogPage(parentContext(req), req.query));
  serve(app, api.portal.consents, (req) => portalConsents(parentContext(req)));
  serve(app, api.portal.withdrawConsent, (req) => withdrawOwnConsent(parentContext(req), req.params.id));
  serve(app, api.portal.submitSelfReport, (req) => submitSelfReport(parentContext(req), req.body));
  serve(app, api.portal.ownSelfReports, (req) => ownSelfReports(parentContext(req)));

  serve(app, api.portal.access, (req) => portalAccessList(requestContext(req), req.params.id));
  serve(app, api.portal.invite, (req) => invite(requestContext(req), req.params.id, req.params.personId));
  serve(app, api.portal.setParentalAuthority, (req) =>
    setParentalAuthority(requestContext(req), req.params.id, req.params.personId, req.body.parentalAuthority),
  );
  serve(app, api.portal.suspend, (req) =>
    suspend(requestContext(req), req.params.id, req.params.personId, req.body.reason),
  );
  serve(app, api.portal.resume, (req) =>
    resume(requestContext(req), req.params.id, req.params.personId, req.body.reason),
  );
  serve(app, api.portal.flagInSafetyRoute, async (req) => {
    await flagInSafetyRoute(requestContext(req), req.params.id, req.body.personId);
    return undefined;
  });
  serve(app, api.portal.selfReports, (req) => familySelfReports(requestContext(req), req.params.id));
  serve(app, api.portal.holdBack, (req) => holdBack(requestContext(req), req.params.id, req.body));
  serve(app, api.portal.heldBack, (req) => heldBackList(requestContext(req), req.params.id));
  serve(app, api.portal.settings, (req) => readPortalSettings(requestContext(req)));
  serve(app, api.portal.setSettings, (req) => savePortalSettings(requestContext(req), req.body));
  serve(app, api.portal.release, async (req) => {
    await release(requestContext(req), req.params.id);
    return undefined;
  });
}
