// The waiting-room board: server-sent events update it in place, the announcement can be read aloud; without them it reloads.
// A static file, not an inline script: the Content-Security-Policy allows scripts from the app only (script-src 'self').
(function () {
    var root = document.querySelector('section.board');
    if (!root || !window.EventSource) { setTimeout(function () { location.reload(); }, 15000); return; }
    var last = Date.now(), callId = root.dataset.call || '', speakOn = false;
    // The page's words when it is not in Vietnamese (the board's JSON is): statuses, group names, the announcement.
    var i18n = root.dataset.words ? JSON.parse(root.dataset.words) : null;
    function word(text) { return i18n && i18n.words[text] || text; }
    function say(pattern, a, b) { return pattern.replace('{0}', a).replace('{1}', b); }
    function spoken(display) { var dash = display.indexOf('-'); return dash < 0 ? display : display.slice(0, dash) + ' ' + parseInt(display.slice(dash + 1), 10); }
    function announcement(b) {
        if (!i18n || !b.announcement) return b.announcement;
        var call = b.calls.filter(function (c) { return c.calling; })[0];
        return call ? say(i18n.announce, spoken(call.number), call.counter) : b.announcement;
    }
    var live = document.getElementById('live'), speakButton = document.getElementById('speak');
    function cell(row, text) { var td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
    function speak(text) {
        if (!speakOn || !text) return;
        var u = new SpeechSynthesisUtterance(text);
        var lang = i18n ? document.documentElement.lang : 'vi';
        u.lang = i18n ? lang : 'vi-VN';
        var voice = speechSynthesis.getVoices().filter(function (v) { return v.lang && v.lang.toLowerCase().indexOf(lang) === 0; })[0];
        if (voice) u.voice = voice;
        speechSynthesis.speak(u);
    }
    function render(b) {
        var text = announcement(b);
        document.getElementById('announce').textContent = text || root.dataset.none;
        var calls = document.getElementById('calls');
        calls.replaceChildren();
        b.calls.forEach(function (c) {
            var tr = document.createElement('tr');
            if (c.calling) tr.className = 'calling';
            cell(tr, c.number); cell(tr, c.counter); cell(tr, word(c.status)).className = 'status';
            calls.appendChild(tr);
        });
        var groups = document.getElementById('groups');
        groups.replaceChildren();
        b.groups.forEach(function (g) {
            var tr = document.createElement('tr');
            cell(tr, g.letter + ' — ' + word(g.name)); cell(tr, String(g.waiting)); cell(tr, g.waitMinutes == null ? '—' : i18n ? say(i18n.minutes, g.waitMinutes) : g.waitMinutes + ' phút');
            groups.appendChild(tr);
        });
        if (b.callId && b.callId !== callId) { callId = b.callId; speak(text); }
        live.textContent = (i18n ? i18n.updated : 'Cập nhật lúc') + ' ' + new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    }
    var events = new EventSource(root.dataset.events);
    events.addEventListener('board', function (e) { last = Date.now(); render(JSON.parse(e.data)); });
    events.addEventListener('ping', function () { last = Date.now(); });
    events.onopen = function () { last = Date.now(); };
    events.onerror = function () { live.textContent = i18n ? i18n.lost : 'Mất kết nối — đang kết nối lại…'; };
    // No message for 45 s: reload once the server answers again (a reload while offline would lose this script).
    setInterval(function () {
        if (Date.now() - last < 45000) return;
        fetch(root.dataset.snapshot, { cache: 'no-store' }).then(function (r) { if (r.ok) location.reload(); }).catch(function () { });
    }, 5000);
    if ('speechSynthesis' in window) {
        speakButton.hidden = false;
        speakButton.addEventListener('click', function () {
            speakOn = !speakOn;
            speakButton.setAttribute('aria-pressed', String(speakOn));
            speakButton.textContent = speakOn ? (i18n ? i18n.speakOff : 'Tắt đọc loa') : (i18n ? i18n.speakOn : 'Bật đọc loa');
            if (speakOn) speak(document.getElementById('announce').textContent);
        });
    }
})();
