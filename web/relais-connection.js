/*
 * Relais's chat adapter for the official Web Chat: the object Web Chat expects in place of Direct Line
 * (activity$, connectionStatus$, postActivity, end), talking to Relais's own API. Each POST returns the
 * bot's replies at once (the server runs the turn with expectReplies), so there is no socket and no polling.
 * Plain ES2017, no build step: the page loads it after webchat.js.
 */
(function () {
  'use strict';

  /**
   * The least of an observable that Web Chat uses: subscribe(observer) → { unsubscribe }. A new subscriber
   * first gets what was sent before it came: the last value (`latest`, for the connection status) or every
   * value (for activities: Web Chat subscribes once to open the connection and again to read activities,
   * and it ignores an activity whose id it already has).
   */
  function createSubject(options) {
    var observers = [];
    var sent = [];
    if ('initial' in options) sent.push(options.initial);
    var onFirstSubscribe = options.onFirstSubscribe;
    return {
      next: function (value) {
        if (options.latest) sent = [value];
        else sent.push(value);
        observers.slice().forEach(function (o) {
          if (o.next) o.next(value);
        });
      },
      subscribe: function (observerOrNext) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext || {};
        observers.push(observer);
        // Replayed after subscribe() returns: Web Chat is not ready for values during the call.
        var earlier = sent.slice();
        if (earlier.length)
          setTimeout(function () {
            earlier.forEach(function (value) {
              if (!subscription.closed && observer.next) observer.next(value);
            });
          }, 0);
        if (onFirstSubscribe) {
          var start = onFirstSubscribe;
          onFirstSubscribe = undefined;
          setTimeout(start, 0);
        }
        var subscription = {
          closed: false,
          unsubscribe: function () {
            subscription.closed = true;
            observers = observers.filter(function (o) {
              return o !== observer;
            });
          },
        };
        return subscription;
      },
    };
  }

  function once(work) {
    return {
      subscribe: function (observerOrNext) {
        var observer = typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext || {};
        var closed = false;
        work().then(
          function (value) {
            if (closed) return;
            if (observer.next) observer.next(value);
            if (observer.complete) observer.complete();
          },
          function (error) {
            if (!closed && observer.error) observer.error(error);
          },
        );
        return {
          unsubscribe: function () {
            closed = true;
          },
        };
      },
    };
  }

  var STATUS = { uninitialized: 0, connecting: 1, online: 2, expired: 3, failed: 4, ended: 5 };

  /**
   * options.api: '/chat/api' or '/kiosk/api'; options.credential: the invitation (web chat) or nothing
   * (kiosk); options.locale; options.onProblem(kind): 'throttled' | 'network' | 'session' | 'tooLarge';
   * options.onSession(session) once the conversation exists; options.onActivity(activity) for each reply.
   */
  function createConnection(options) {
    var session = null;
    var ended = false;
    var status = createSubject({ initial: STATUS.uninitialized, latest: true });
    var activity$ = createSubject({ onFirstSubscribe: start });

    function emit(activity) {
      if (ended) return;
      activity$.next(activity);
      if (options.onActivity) options.onActivity(activity);
    }

    function problem(kind) {
      if (options.onProblem) options.onProblem(kind);
    }

    function request(path, body, credential) {
      var headers = { 'content-type': 'application/json' };
      if (credential) headers.authorization = 'Bearer ' + credential;
      return fetch(options.api + path, {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(body),
        credentials: 'omit',
      }).then(
        function (response) {
          if (response.ok) return response.json();
          var kind =
            response.status === 429
              ? 'throttled'
              : response.status === 413
                ? 'tooLarge'
                : response.status === 401 || response.status === 403 || response.status === 410
                  ? 'session'
                  : 'network';
          problem(kind);
          if (kind === 'session') status.next(STATUS.expired);
          var error = new Error('HTTP ' + response.status);
          error.kind = kind;
          throw error;
        },
        function (error) {
          problem('network');
          throw error;
        },
      );
    }

    function start() {
      status.next(STATUS.connecting);
      request('/conversations', { locale: options.locale }, options.credential).then(
        function (started) {
          session = started;
          status.next(STATUS.online);
          if (options.onSession) options.onSession(started);
          (started.activities || []).forEach(emit);
        },
        function () {
          status.next(STATUS.failed);
        },
      );
    }

    function postActivity(activity) {
      return once(function () {
        if (!session) return Promise.reject(new Error('not connected'));
        // Only messages go to the bot; Web Chat's other activities (typing…) have nothing to tell it.
        if (activity.type !== 'message') return Promise.resolve('local-' + Date.now());
        var clientActivityID = activity.channelData && activity.channelData.clientActivityID;
        var body = { type: 'message', locale: activity.locale || options.locale };
        if (typeof activity.text === 'string') body.text = activity.text;
        if (activity.value && typeof activity.value === 'object') body.value = activity.value;
        if (clientActivityID) body.channelData = { clientActivityID: clientActivityID };
        var path = '/conversations/' + encodeURIComponent(session.conversationId) + '/activities';
        return request(path, body, session.token).then(function (result) {
          // Web Chat marks its message as sent when it sees it come back with an id.
          emit(
            Object.assign({}, activity, {
              id: result.id,
              timestamp: result.timestamp,
              from: Object.assign({}, activity.from, { id: session.user.id, role: 'user' }),
            }),
          );
          setTimeout(function () {
            (result.activities || []).forEach(emit);
          }, 0);
          return result.id;
        });
      });
    }

    return {
      activity$: activity$,
      connectionStatus$: status,
      postActivity: postActivity,
      end: function () {
        ended = true;
        status.next(STATUS.ended);
      },
      /** The conversation, once started: { conversationId, token, user }. */
      session: function () {
        return session;
      },
    };
  }

  window.RelaisConnection = { createConnection: createConnection };
})();
