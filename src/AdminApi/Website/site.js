// The administrative website's only script (served from the assembly at /site.js; the CSP allows no other and no inline
// script). Progressive enhancement: every control it touches also works without it.
// - System Configuration: the Salesforce Key icon opens its authorization in a pop-up, as the manual says, and the
//   CRM's status region is refreshed when the pop-up reports back (or, should the CRM cut the pop-up off from this page,
//   when polling sees the status change); "Copy callback URL" copies the OAuth callback URL.
// - The OAuth callback page: tells the page that opened the pop-up and closes the pop-up on success; without a pop-up it
//   returns to System Configuration, whose status shows the outcome.
(() => {
  'use strict';

  const messageType = 'clarityconnect-authorization';
  const pollMilliseconds = 2000;
  // As long as an authorization's state is valid (CrmAuthorizationGrain).
  const pollLimitMilliseconds = 10 * 60 * 1000;
  const closeDelayMilliseconds = 1500;

  const result = document.body.dataset.authorizationResult;
  if (result) {
    finishAuthorization(result, document.body.dataset);
    return;
  }

  document.querySelectorAll('form[data-authorize-popup]').forEach(enhanceAuthorizeForm);
  document.querySelectorAll('button[data-copy]').forEach(enhanceCopyButton);
  window.addEventListener('message', event => {
    if (event.origin === window.location.origin && event.data && event.data.type === messageType) {
      refreshStatus(String(event.data.integration));
    }
  });

  /** The callback page: report to the opener (same origin only) and close on success, or go back to System Configuration. */
  function finishAuthorization(outcome, data) {
    const opener = window.opener;
    if (opener && opener !== window) {
      opener.postMessage({ type: messageType, integration: data.integration, outcome }, window.location.origin);
      if (outcome === 'authorized') {
        // Long enough to read "authorized"; a failure stays open with the CRM's reason.
        window.setTimeout(() => window.close(), closeDelayMilliseconds);
      }
    } else if (data.return) {
      window.location.replace(data.return);
    }
  }

  /** The form posts into a named pop-up instead of this page; blocked pop-ups fall back to a new window of the same name. */
  function enhanceAuthorizeForm(form) {
    const name = 'clarityconnect-authorize-' + form.dataset.integration;
    form.target = name;
    form.addEventListener('submit', () => {
      window.open('about:blank', name, 'popup,width=640,height=760');
      pollStatus(form.dataset.integration);
    });
  }

  /** Polls the status until it changes (the message from the pop-up usually comes first). */
  function pollStatus(integration) {
    const region = statusRegion(integration);
    if (!region || region.dataset.polling) {
      return;
    }

    region.dataset.polling = 'true';
    const started = Date.now();
    const stamp = currentStamp(region);
    const timer = window.setInterval(async () => {
      await refreshStatus(integration);
      if (currentStamp(region) !== stamp || Date.now() - started > pollLimitMilliseconds) {
        window.clearInterval(timer);
        delete region.dataset.polling;
      }
    }, pollMilliseconds);
  }

  /** Swaps the server's current status into the region, when it changed (so the live region announces only news). */
  async function refreshStatus(integration) {
    const region = statusRegion(integration);
    if (!region) {
      return;
    }

    const response = await fetch(region.dataset.source, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok) {
      return;
    }

    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').body.firstElementChild;
    if (fresh && fresh.dataset.authorizationStamp !== currentStamp(region)) {
      region.replaceChildren(document.importNode(fresh, true));
    }
  }

  function statusRegion(integration) {
    return document.getElementById(integration + '-authorization-status');
  }

  function currentStamp(region) {
    const status = region.querySelector('[data-authorization-stamp]');
    return status ? status.dataset.authorizationStamp : '';
  }

  /**
   * Shows the copy button (it needs script) and copies the text of the element it names: through the Clipboard API where
   * the page is a secure context (https, localhost), else by selecting the text and the browser's copy command, so an
   * administrator on a plain-http intranet address can copy too.
   */
  function enhanceCopyButton(button) {
    const source = document.getElementById(button.dataset.copy);
    const feedback = document.querySelector('[data-copy-result="' + button.dataset.copy + '"]');
    if (!source) {
      return;
    }

    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = source.textContent.trim();
      let copied = false;
      try {
        if (navigator.clipboard) {
          await navigator.clipboard.writeText(text);
          copied = true;
        } else {
          const range = document.createRange();
          range.selectNodeContents(source);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          copied = document.execCommand('copy');
        }
      } catch {
        copied = false;
      }

      if (feedback) {
        feedback.textContent = copied ? 'Copied.' : 'Copying failed; select the URL and copy it.';
      }
    });
  }
})();
