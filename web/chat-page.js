/* The agents' web chat: Web Chat on Relais's connection, opened with the invitation the page carries. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('relais-config').textContent);
  var status = document.getElementById('status');

  var connection = window.RelaisConnection.createConnection({
    api: config.api,
    credential: config.credential,
    locale: config.locale,
    onProblem: function (kind) {
      status.textContent = config.strings[kind] || config.strings.network;
    },
    onActivity: function () {
      status.textContent = '';
    },
  });

  window.WebChat.renderWebChat(
    {
      directLine: connection,
      userID: config.user.id,
      username: config.user.name,
      locale: config.locale === 'en' ? 'en-US' : 'fr-FR',
      styleOptions: {
        hideUploadButton: true,
        botAvatarInitials: 'R',
        bubbleBorderRadius: 8,
        bubbleFromUserBorderRadius: 8,
        suggestedActionLayout: 'flow',
        accent: '#0b4f9c',
        subtle: '#4a4a4a',
        timestampColor: '#4a4a4a',
      },
    },
    document.getElementById('webchat'),
  );
})();
