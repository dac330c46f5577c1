// Keyboard shortcuts of the staff screens, handled in the page before anything else sees the key (so neither the
// browser's own use of it nor a development overlay wins): Ctrl+K (Cmd+K on a Mac) finds a patient from any screen;
// on the reception dashboard Alt+A goes to the arrivals filter and Alt+W adds a walk-in; on the registry Alt+N
// registers a patient. Each acts on an element the server drew (by id), so a key does nothing on a screen without
// it. A screen's own keys (F2, Ctrl+Enter, Enter) stay server-side shortcuts on their buttons: they were once
// swallowed by the idle sign-out's throttled keydown listener, which now listens to keyup (IdleSignOut.ACTIVITY).
(function () {
  if (window.clinicDeskShortcuts) {
    return;
  }
  window.clinicDeskShortcuts = true;
  const keys = [
    {matches: e => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyK', id: 'find-patient', act: 'click'},
    {matches: e => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyA', id: 'arrival-filter', act: 'focus'},
    {matches: e => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyW', id: 'walk-in', act: 'click'},
    {matches: e => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN', id: 'register-patient', act: 'click'}
  ];
  document.addEventListener('keydown', function (event) {
    for (const key of keys) {
      const target = key.matches(event) ? document.getElementById(key.id) : null;
      if (target) {
        event.preventDefault();
        event.stopPropagation();
        target[key.act]();
        return;
      }
    }
  }, true);
})();
