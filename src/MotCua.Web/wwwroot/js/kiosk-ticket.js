// The kiosk ticket: printed on load, "print again", back to the start screen after printing.
// A static file, not an inline script: the Content-Security-Policy allows scripts from the app only (script-src 'self').
(function () {
    var home = document.querySelector('[data-home]').dataset.home;
    var back = function (seconds) { setTimeout(function () { location.replace(home); }, seconds * 1000); };
    var again = document.getElementById('print-again');
    again.hidden = false;
    again.addEventListener('click', function () { window.print(); });
    window.addEventListener('afterprint', function () { back(8); });
    window.addEventListener('load', function () { setTimeout(function () { window.print(); }, 300); });
})();
