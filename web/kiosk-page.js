/*
 * The public kiosk: a privacy notice before the first message, Web Chat on Relais's connection, a
 * language switch, and an idle reset (a visible warning, then the conversation is cleared on the server
 * and the page starts afresh). Nothing is stored in the browser.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('relais-config').textContent);
  var status = document.getElementById('status');
  var privacy = document.getElementById('privacy');
  var idle = document.getElementById('idle');
  var idleBody = document.getElementById('idle-body');
  var connection = null;
  var idleTimer = null;
  var countdownTimer = null;

  function fill(template, vars) {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, function (whole, name) {
      return name in vars ? String(vars[name]) : whole;
    });
  }

  /** Forgets the conversation on the server, then reloads the page (in `locale`): a fresh start. */
  function clearAndRestart(locale) {
    window.clearTimeout(idleTimer);
    window.clearInterval(countdownTimer);
    var session = connection && connection.session();
    var done = function () {
      window.location.replace('/kiosk?lang=' + encodeURIComponent(locale || config.locale));
    };
    if (!session) return done();
    connection.end();
    fetch(config.api + '/conversations/' + encodeURIComponent(session.conversationId), {
      method: 'DELETE',
      headers: { authorization: 'Bearer ' + session.token },
      credentials: 'omit',
      keepalive: true,
    }).then(done, done);
  }

  function showWarning() {
    var left = config.warningSeconds;
    idleBody.textContent = fill(config.strings.idleBody, { seconds: left });
    if (!idle.open) idle.showModal();
    countdownTimer = window.setInterval(function () {
      left -= 1;
      if (left <= 0) return clearAndRestart();
      // Announce every 10 seconds, and each of the last 5, rather than every tick.
      if (left % 10 === 0 || left <= 5) idleBody.textContent = fill(config.strings.idleBody, { seconds: left });
    }, 1000);
  }

  /** Any touch, click or key restarts the idle countdown (not while the warning is up: it must be answered). */
  function activity() {
    if (idle.open || !connection) return;
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(showWarning, config.idleSeconds * 1000);
  }

  function keepGoing() {
    window.clearInterval(countdownTimer);
    idle.close();
    activity();
  }

  function startChat() {
    privacy.close();
    connection = window.RelaisConnection.createConnection({
      api: config.api,
      locale: config.locale,
      onProblem: function (kind) {
        status.textContent = config.strings[kind] || config.strings.network;
      },
      onActivity: function () {
        status.textContent = '';
        activity();
      },
    });
    window.WebChat.renderWebChat(
      {
        directLine: connection,
        locale: config.locale === 'en' ? 'en-US' : 'fr-FR',
        styleOptions: {
          hideUploadButton: true,
          botAvatarInitials: 'R',
          fontSizeSmall: '90%',
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          bubbleBackground: '#ffffff',
          bubbleBorderColor: '#1a1a1a',
          bubbleBorderWidth: 2,
          bubbleTextColor: '#1a1a1a',
          bubbleFromUserBackground: '#0b3d91',
          bubbleFromUserBorderColor: '#0b3d91',
          bubbleFromUserTextColor: '#ffffff',
          bubbleMinHeight: 48,
          bubbleMaxWidth: 900,
          sendBoxHeight: 72,
          sendBoxTextColor: '#1a1a1a',
          sendBoxBorderTop: 'solid 2px #1a1a1a',
          suggestedActionLayout: 'flow',
          suggestedActionHeight: 56,
          suggestedActionBorderColor: '#0b3d91',
          suggestedActionBorderWidth: 2,
          suggestedActionTextColor: '#0b3d91',
          accent: '#0b3d91',
          subtle: '#3d3d3d',
          timestampColor: '#3d3d3d',
        },
      },
      document.getElementById('webchat'),
    );
    activity();
    window.setTimeout(function () {
      var input = document.querySelector('#webchat input[type="text"], #webchat textarea');
      if (input) input.focus();
    }, 0);
  }

  document.getElementById('privacy-accept').addEventListener('click', startChat);
  // The notice must be acknowledged: Escape does not dismiss it.
  privacy.addEventListener('cancel', function (event) {
    event.preventDefault();
  });
  idle.addEventListener('cancel', function (event) {
    event.preventDefault();
    keepGoing();
  });
  document.getElementById('idle-continue').addEventListener('click', keepGoing);
  document.getElementById('idle-clear').addEventListener('click', function () {
    clearAndRestart();
  });
  document.getElementById('restart').addEventListener('click', function () {
    clearAndRestart();
  });
  Array.prototype.forEach.call(document.querySelectorAll('a.language'), function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      clearAndRestart(link.getAttribute('data-lang'));
    });
  });
  ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, activity, { passive: true, capture: true });
  });

  privacy.showModal();
})();
