// "Use my location" on the where-to-go page: fills latitude and longitude and submits the form.
// A static file, not an inline script: the Content-Security-Policy allows scripts from the app only (script-src 'self').
(function () {
    var button = document.getElementById('locate');
    if (!navigator.geolocation || !button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (p) {
            document.getElementById('latitude').value = p.coords.latitude.toFixed(5);
            document.getElementById('longitude').value = p.coords.longitude.toFixed(5);
            button.form.submit();
        });
    });
})();
