// A button marked data-print prints the page (an onclick="…" attribute would be inline script, refused by the CSP).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
