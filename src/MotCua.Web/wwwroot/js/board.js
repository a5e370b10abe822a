// The waiting-room board: server-sent events update it in place, the announcement can be read aloud; without them it reloads.
// A static file, not an inline script: the Content-Security-Policy allows scripts from the app only (script-src 'self').
(function () {
    var root = document.querySelector('section.board');
    if (!root || !window.EventSource) { setTimeout(function () { location.reload(); }, 15000); return; }
    var last = Date.now(), callId = root.dataset.call || '', speakOn = false;
    var live = document.getElementById('live'), speakButton = document.getElementById('speak');
    function cell(row, text) { var td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
    function speak(text) {
        if (!speakOn || !text) return;
        var u = new SpeechSynthesisUtterance(text);
        u.lang = 'vi-VN';
        var voice = speechSynthesis.getVoices().filter(function (v) { return v.lang && v.lang.toLowerCase().indexOf('vi') === 0; })[0];
        if (voice) u.voice = voice;
        speechSynthesis.speak(u);
    }
    function render(b) {
        document.getElementById('announce').textContent = b.announcement || root.dataset.none;
        var calls = document.getElementById('calls');
        calls.replaceChildren();
        b.calls.forEach(function (c) {
            var tr = document.createElement('tr');
            if (c.calling) tr.className = 'calling';
            cell(tr, c.number); cell(tr, c.counter); cell(tr, c.status).className = 'status';
            calls.appendChild(tr);
        });
        var groups = document.getElementById('groups');
        groups.replaceChildren();
        b.groups.forEach(function (g) {
            var tr = document.createElement('tr');
            cell(tr, g.letter + ' — ' + g.name); cell(tr, String(g.waiting)); cell(tr, g.waitMinutes == null ? '—' : g.waitMinutes + ' phút');
            groups.appendChild(tr);
        });
        if (b.callId && b.callId !== callId) { callId = b.callId; speak(b.announcement); }
        live.textContent = 'Cập nhật lúc ' + new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    }
    var events = new EventSource(root.dataset.events);
    events.addEventListener('board', function (e) { last = Date.now(); render(JSON.parse(e.data)); });
    events.addEventListener('ping', function () { last = Date.now(); });
    events.onopen = function () { last = Date.now(); };
    events.onerror = function () { live.textContent = 'Mất kết nối — đang kết nối lại…'; };
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
            speakButton.textContent = speakOn ? 'Tắt đọc loa' : 'Bật đọc loa';
            if (speakOn) speak(document.getElementById('announce').textContent);
        });
    }
})();
