/*
 * The waiting-room display's browser side: the clock, the chime and spoken calls, keeping the screen awake, and
 * the "Reconnecting…" banner. The server decides what to show and what to announce; this file only plays it.
 * Loaded as a classic script by WaitingRoomDisplayView; everything hangs off window.clinicDisplay.
 */
(function () {
  'use strict';
  if (window.clinicDisplay) {
    return;
  }

  const state = {
    root: null,
    language: 'en-GB',
    timeZone: undefined,
    audio: null,
    soundOn: false,
    chain: Promise.resolve(),
    clockTimer: null,
    wakeLock: null,
    probing: null,
    /** Every phrase announced in this page's life, newest last (tests read it; nothing is sent anywhere). */
    announced: [],
  };

  function init(root, language, timeZone) {
    state.root = root;
    state.language = language || 'en-GB';
    state.timeZone = timeZone || undefined;
    startClock();
    offerSound();
    keepAwake();
    watchConnection();
  }

  // ------------------------------------------------------------------------------------------------ clock

  function startClock() {
    const time = new Intl.DateTimeFormat(state.language, {
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: state.timeZone });
    const date = new Intl.DateTimeFormat(state.language, {
      weekday: 'long', day: 'numeric', month: 'long', timeZone: state.timeZone });
    const tick = () => {
      const now = new Date();
      const clock = state.root && state.root.querySelector('.wr-clock');
      const day = state.root && state.root.querySelector('.wr-date');
      if (clock) {
        clock.textContent = time.format(now);
      }
      if (day) {
        day.textContent = date.format(now);
      }
      // next tick just after the next whole second, so the minute changes on time
      state.clockTimer = setTimeout(tick, 1000 - (now.getTime() % 1000) + 20);
    };
    clearTimeout(state.clockTimer);
    tick();
  }

  // ------------------------------------------------------------------------------------------------ sound

  function offerSound() {
    const prompt = state.root.querySelector('.wr-sound');
    if (state.soundOn) {
      if (prompt) {
        prompt.hidden = true;
      }
      return;
    }
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      state.audio = Context ? new Context() : null;
    } catch (e) {
      state.audio = null;
    }
    if (state.audio && state.audio.state === 'running') {
      soundEnabled(); // the browser allows sound without a tap (e.g. a kiosk started with an autoplay policy)
      return;
    }
    const unlock = () => {
      document.removeEventListener('pointerdown', unlock, true);
      document.removeEventListener('keydown', unlock, true);
      if (state.audio) {
        state.audio.resume().catch(() => {});
      }
      if ('speechSynthesis' in window) {
        // speaking once inside the gesture lets later utterances through
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
      }
      soundEnabled();
    };
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true); // a TV remote's OK button
  }

  function soundEnabled() {
    state.soundOn = true;
    const prompt = state.root && state.root.querySelector('.wr-sound');
    if (prompt) {
      prompt.hidden = true;
    }
    if (state.root) {
      state.root.classList.add('wr-sound-on');
    }
  }

  /** Two soft tones, generated here: no audio files. Resolves when they have played. */
  function chime() {
    const audio = state.audio;
    if (!audio || audio.state !== 'running') {
      return Promise.resolve();
    }
    const start = audio.currentTime + 0.05;
    [[784, 0], [587.33, 0.42]].forEach(([frequency, offset]) => {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, start + offset);
      volume.gain.exponentialRampToValueAtTime(0.5, start + offset + 0.03);
      volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9);
      tone.connect(volume).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.95);
    });
    return new Promise((resolve) => setTimeout(resolve, 1400));
  }

  function speak(text) {
    if (!('speechSynthesis' in window)) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = state.language;
      const voices = window.speechSynthesis.getVoices();
      const language = state.language.toLowerCase();
      utterance.voice = voices.find((v) => v.lang.toLowerCase() === language)
        || voices.find((v) => v.lang.toLowerCase().startsWith(language.split('-')[0])) || null;
      utterance.rate = 0.9;
      const done = () => resolve();
      utterance.onend = done;
      utterance.onerror = done;
      setTimeout(done, 8000); // never let a silent engine hold up the next call
      window.speechSynthesis.speak(utterance);
    });
  }

  /** A new call (or a recall): the panel flashes; with sound on, a chime and the phrase, one call after another. */
  function announce(text, recall) {
    state.announced.push(text);
    flash();
    if (!state.soundOn) {
      return;
    }
    state.chain = state.chain.then(chime).then(() => speak(text)).then(() => speak(text)).catch(() => {});
  }

  function flash() {
    const panel = state.root && state.root.querySelector('.wr-now');
    if (!panel) {
      return;
    }
    panel.classList.remove('wr-flash');
    void panel.offsetWidth; // restart the animation
    panel.classList.add('wr-flash');
  }

  // -------------------------------------------------------------------------------------- screen and link

  function keepAwake() {
    if (!('wakeLock' in navigator)) {
      return; // unsupported (or not a secure context): the TV's own settings must keep it on
    }
    const request = () => {
      if (state.wakeLock || document.visibilityState !== 'visible') {
        return;
      }
      navigator.wakeLock.request('screen').then((lock) => {
        state.wakeLock = lock;
        lock.addEventListener('release', () => {
          state.wakeLock = null;
        });
      }).catch(() => {});
    };
    document.addEventListener('visibilitychange', request);
    request();
  }

  function watchConnection() {
    const connection = window.Vaadin && window.Vaadin.connectionState;
    if (!connection) {
      return;
    }
    const show = (value) => {
      const lost = value === 'reconnecting' || value === 'connection-lost';
      const banner = state.root && state.root.querySelector('.wr-connection');
      if (banner) {
        banner.hidden = !lost;
      }
      if (state.root) {
        state.root.classList.toggle('wr-offline', lost);
      }
      if (value === 'connection-lost') {
        probeAndReload();
      }
    };
    connection.addStateChangeListener((previous, next) => {
      show(next);
      if (next === 'connected' && (previous === 'reconnecting' || previous === 'connection-lost') && state.root) {
        // Back online: ask the server for the board now. If the server restarted meanwhile, this request is
        // what tells the page its session is gone, and Vaadin reloads it (signed in again as a remembered device).
        state.root.dispatchEvent(new CustomEvent('wr-reconnected'));
      }
    });
    show(connection.state);
  }

  /** Vaadin has given up reconnecting: ask the server now and then, and reload once it answers. */
  function probeAndReload() {
    if (state.probing) {
      return;
    }
    state.probing = setInterval(() => {
      fetch(window.location.href, { cache: 'no-store', credentials: 'same-origin' })
        .then((response) => {
          if (response.ok) {
            window.location.reload();
          }
        })
        .catch(() => {});
    }, 10000);
  }

  window.clinicDisplay = {
    init,
    announce,
    get announced() {
      return state.announced.slice();
    },
    get soundOn() {
      return state.soundOn;
    },
  };
})();
