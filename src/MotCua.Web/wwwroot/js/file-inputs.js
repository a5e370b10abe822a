// File inputs in the page's language: "Chọn tệp…" and the chosen file's name instead of the browser's own words.
// The native input stays in the page (labelled, focusable, the one the form sends): without JavaScript it works as is.
(function () {
    var english = (document.documentElement.lang || 'vi').indexOf('en') === 0;
    var choose = english ? 'Choose file…' : 'Chọn tệp…';
    var chooseMany = english ? 'Choose files…' : 'Chọn các tệp…';
    var none = english ? 'No file chosen' : 'Chưa chọn tệp';
    document.querySelectorAll('input[type=file]').forEach(function (input) {
        var pick = document.createElement('span');
        pick.className = 'file-pick';
        pick.setAttribute('aria-hidden', 'true');
        var button = document.createElement('span');
        button.className = 'file-button';
        button.textContent = input.multiple ? chooseMany : choose;
        var name = document.createElement('span');
        name.className = 'file-name';
        name.textContent = none;
        pick.appendChild(button);
        pick.appendChild(name);
        input.classList.add('file-enhanced');
        input.insertAdjacentElement('afterend', pick);
        pick.addEventListener('click', function () { input.click(); });
        input.addEventListener('change', function () {
            var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
            name.textContent = files.length ? files.join(', ') : none;
        });
    });
})();
