/* HİD Saha: capture applications on a phone, offline first.
   A capture is stored in IndexedDB with a client id (a UUID made here) and sent to
   /saha/api/sync when the network is there; the server makes one application per client id,
   so a capture sent twice gets the same tracking number. The service worker (/saha/sw.js)
   keeps the page and its assets for when there is no network. */
(function () {
    "use strict";

    var config = JSON.parse(document.getElementById("saha-config").textContent);
    var M = config.messages;
    var MAX_SIDE = 1600;
    var JPEG_QUALITY = 0.8;
    var RETRY_MS = 10000;
    var CONTENT_TYPE = "application/vnd.hid-saha+json";
    var KEEP_SENT = 50;

    var $ = function (id) { return document.getElementById(id); };
    // reachable: the last request to the server got an answer (navigator.onLine alone
    // says only that some network is there, not that the server can be reached)
    var state = {photos: [], position: null, syncing: false, db: null, map: null,
                 marker: null, circle: null, reachable: true};

    function fmt(text, args) {
        if (args === undefined) { return text; }
        if (typeof args !== "object") { return text.replace("%s", args).replace("%d", args); }
        return text.replace(/%\((\w+)\)[sd]/g, function (_m, key) { return args[key]; });
    }

    function status(text) { $("saha-status").textContent = text || ""; }

    // ------------------------------------------------------------------ IndexedDB
    function openDb() {
        return new Promise(function (resolve, reject) {
            var req = indexedDB.open("hid-saha", 1);
            req.onupgradeneeded = function () {
                var store = req.result.createObjectStore("captures", {keyPath: "client_id"});
                store.createIndex("state", "state");
            };
            req.onsuccess = function () { resolve(req.result); };
            req.onerror = function () { reject(req.error); };
        });
    }

    function tx(mode, fn) {
        return new Promise(function (resolve, reject) {
            var t = state.db.transaction("captures", mode);
            var store = t.objectStore("captures");
            var result = fn(store);
            t.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
            t.onerror = function () { reject(t.error); };
        });
    }

    // A phone may be shared: only the logged-in user's captures are shown and sent with
    // their session (another user's wait until that user logs in again).
    function allCaptures() {
        return tx("readonly", function (s) { return s.getAll(); }).then(function (items) {
            return items.filter(function (c) { return c.user_id === config.uid; });
        });
    }
    function putCapture(c) { return tx("readwrite", function (s) { s.put(c); }); }
    function deleteCapture(id) { return tx("readwrite", function (s) { s.delete(id); }); }

    // ------------------------------------------------------------------ lists
    async function render() {
        var items = await allCaptures();
        items.sort(function (a, b) { return a.created_at < b.created_at ? 1 : -1; });
        var waiting = $("saha-waiting"), sent = $("saha-sent");
        waiting.innerHTML = ""; sent.innerHTML = "";
        var sentCount = 0;
        items.forEach(function (c) {
            var li = document.createElement("li");
            li.dataset.clientId = c.client_id;
            var text = document.createElement("span");
            text.textContent = c.payload.description.slice(0, 60);
            if (c.state === "sent") {
                sentCount += 1;
                if (sentCount > KEEP_SENT) { deleteCapture(c.client_id); return; }
                var num = document.createElement("span");
                num.className = "number";
                num.textContent = c.number;
                li.appendChild(num);
                li.appendChild(document.createTextNode(" · "));
                li.appendChild(text);
                sent.appendChild(li);
                return;
            }
            var tag = document.createElement("strong");
            tag.textContent = (c.state === "refused" ? M.refused : M.waiting) + ": ";
            li.appendChild(tag);
            li.appendChild(text);
            if (c.error) {
                var err = document.createElement("div");
                err.className = "saha-error";
                err.textContent = c.error;
                li.appendChild(err);
            }
            if (c.state === "refused") {
                var del = document.createElement("button");
                del.type = "button"; del.className = "saha-secondary"; del.textContent = M["delete"];
                del.addEventListener("click", function () {
                    deleteCapture(c.client_id).then(render);
                });
                li.appendChild(del);
            }
            waiting.appendChild(li);
        });
        if (!waiting.children.length) { waiting.innerHTML = "<li class='saha-hint'></li>"; waiting.firstChild.textContent = M.none_waiting; }
        if (!sent.children.length) { sent.innerHTML = "<li class='saha-hint'></li>"; sent.firstChild.textContent = M.none_sent; }
    }

    // ------------------------------------------------------------------ network
    function netIndicator() {
        var el = $("saha-net");
        var online = navigator.onLine && state.reachable;
        el.textContent = online ? M.net_online : M.net_offline;
        el.classList.toggle("offline", !online);
    }

    function blobToDataUrl(blob) {
        return new Promise(function (resolve, reject) {
            var reader = new FileReader();
            reader.onload = function () { resolve(reader.result); };
            reader.onerror = function () { reject(reader.error); };
            reader.readAsDataURL(blob);
        });
    }

    async function token() {
        var response;
        try {
            response = await fetch("/saha/api/token", {credentials: "same-origin", cache: "no-store"});
        } catch (e) {
            state.reachable = false;
            netIndicator();
            throw e;
        }
        state.reachable = true;
        netIndicator();
        if (response.status === 401 || response.status === 403) {
            var body = await response.json();
            var err = new Error(body.error);
            err.stop = true;
            throw err;
        }
        if (!response.ok) { throw new Error("token " + response.status); }
        return (await response.json()).csrf_token;
    }

    async function post(url, body) {
        var response = await fetch(url, {
            method: "POST", credentials: "same-origin", cache: "no-store",
            headers: {"Content-Type": CONTENT_TYPE}, body: JSON.stringify(body),
        });
        var data = {};
        try { data = await response.json(); } catch (e) { data = {}; }
        return {status: response.status, data: data};
    }

    async function syncAll() {
        netIndicator();
        if (state.syncing) { return; }
        var pending = (await allCaptures()).filter(function (c) { return c.state === "waiting"; });
        if (!pending.length) { return; }
        if (!navigator.onLine) { status(M.offline); return; }
        state.syncing = true;
        status(M.sending);
        try {
            var csrf = await token();
            for (var i = 0; i < pending.length; i++) {
                var c = pending[i];
                var photos = [];
                for (var j = 0; j < c.photos.length; j++) { photos.push(await blobToDataUrl(c.photos[j])); }
                var body = Object.assign({}, c.payload, {csrf_token: csrf, client_id: c.client_id, photos: photos});
                var result = await post("/saha/api/sync", body);
                if (result.status === 200) {
                    c.state = "sent"; c.number = result.data.number; c.error = null; c.photos = [];
                    await putCapture(c);
                    status(fmt(M.sent, c.number));
                } else if (result.status === 400 || result.status === 413 || result.status === 415) {
                    c.state = "refused"; c.error = result.data.error || String(result.status);
                    await putCapture(c);
                    status(c.error);
                } else if (result.status === 401 || result.status === 403) {
                    status(result.data.error || M.session);
                    break;
                } else {
                    c.error = result.data.error || null;
                    await putCapture(c);
                    break;  // 5xx: the server will be back; keep the order
                }
            }
        } catch (e) {
            // network gone again (or the session ended): everything stays waiting
            status(e.stop ? e.message : M.offline);
        } finally {
            state.syncing = false;
            await render();
        }
    }

    // ------------------------------------------------------------------ map and position
    function makeMap(id, lat, lon, zoom) {
        if (typeof L === "undefined" || !$(id)) { return null; }
        var map = L.map(id).setView([lat, lon], zoom);
        L.tileLayer(config.tile_url, {maxZoom: 19, attribution: config.tile_attribution}).addTo(map);
        return map;
    }

    function distance(lat1, lon1, lat2, lon2) {
        var r = Math.PI / 180, p1 = lat1 * r, p2 = lat2 * r;
        var a = Math.pow(Math.sin((p2 - p1) / 2), 2) +
            Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((lon2 - lon1) * r / 2), 2);
        return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    function propose(lat, lon) {
        var best = null;
        config.mahalleler.forEach(function (m) {
            if (m[2] === null || m[3] === null) { return; }
            var d = distance(lat, lon, m[2], m[3]);
            if (!best || d < best.d) { best = {id: m[0], name: m[1], d: d}; }
        });
        var select = $("saha-mahalle");
        if (best && best.d <= config.max_proposal_m) {
            select.value = String(best.id);
            $("saha-proposal").textContent = fmt(M.proposed, best.name);
        } else {
            $("saha-proposal").textContent = M.no_proposal;
        }
    }

    function showPosition(pos) {
        var c = pos.coords;
        state.position = {latitude: c.latitude, longitude: c.longitude, accuracy: c.accuracy};
        $("saha-position").textContent = fmt(M.position, {
            lat: c.latitude.toFixed(6), lon: c.longitude.toFixed(6), acc: Math.round(c.accuracy)});
        if (state.map) {
            var ll = [c.latitude, c.longitude];
            if (state.marker) { state.marker.setLatLng(ll); state.circle.setLatLng(ll).setRadius(c.accuracy); }
            else {
                state.marker = L.marker(ll).addTo(state.map);
                state.circle = L.circle(ll, {radius: c.accuracy}).addTo(state.map);
            }
            state.map.setView(ll, 16);
        }
        if (!$("saha-mahalle").dataset.touched) { propose(c.latitude, c.longitude); }
    }

    function locate() {
        if (!navigator.geolocation) { $("saha-position").textContent = M.no_geolocation; return; }
        $("saha-position").textContent = M.locating;
        navigator.geolocation.getCurrentPosition(showPosition, function () {
            state.position = null;
            $("saha-position").textContent = M.no_position;
        }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 0});
    }

    // ------------------------------------------------------------------ photos
    // Re-encoding on a canvas resizes the photo and drops its metadata (EXIF, GPS included).
    function resize(file) {
        return new Promise(function (resolve, reject) {
            var url = URL.createObjectURL(file);
            var img = new Image();
            img.onload = function () {
                var scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
                var canvas = document.createElement("canvas");
                canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
                canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
                canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
                URL.revokeObjectURL(url);
                canvas.toBlob(function (blob) {
                    if (blob) { resolve(blob); } else { reject(new Error("toBlob")); }
                }, "image/jpeg", JPEG_QUALITY);
            };
            img.onerror = function () { URL.revokeObjectURL(url); reject(new Error("image")); };
            img.src = url;
        });
    }

    async function resizeAll(files, errorEl) {
        var blobs = [];
        errorEl.textContent = "";
        if (files.length > config.max_photos) {
            errorEl.textContent = fmt(M.too_many_photos, config.max_photos);
            files = Array.prototype.slice.call(files, 0, config.max_photos);
        }
        for (var i = 0; i < files.length; i++) {
            try { blobs.push(await resize(files[i])); }
            catch (e) { errorEl.textContent = M.photo_failed; }
        }
        return blobs;
    }

    function thumbs(blobs) {
        var box = $("saha-thumbs");
        box.innerHTML = "";
        blobs.forEach(function (blob) {
            var img = document.createElement("img");
            img.src = URL.createObjectURL(blob);
            img.alt = "";
            box.appendChild(img);
        });
    }

    // ------------------------------------------------------------------ capture
    function uuid() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
        var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }

    function formPayload() {
        var name = $("saha-citizen-name").value.trim(), phone = $("saha-citizen-phone").value.trim();
        var p = {
            category_id: parseInt($("saha-category").value, 10) || null,
            description: $("saha-description").value.trim(),
            mahalle_id: parseInt($("saha-mahalle").value, 10) || null,
            address: $("saha-address").value.trim(),
            citizen_name: name, citizen_phone: phone,
            kvkk: $("saha-kvkk").checked,
            captured_at: new Date().toISOString(),
            latitude: null, longitude: null, accuracy: null,
        };
        if (state.position) { Object.assign(p, state.position); }
        if (!p.category_id) { return {error: M.need_category}; }
        if (!p.description) { return {error: M.need_description}; }
        if (!p.mahalle_id) { return {error: M.need_mahalle}; }
        if ((name || phone) && !p.kvkk) { return {error: M.need_kvkk}; }
        if (name && !phone) { return {error: M.need_phone}; }
        return {payload: p};
    }

    async function onSave(event) {
        event.preventDefault();
        var checked = formPayload();
        $("saha-form-error").textContent = checked.error || "";
        if (checked.error) { return; }
        var capture = {client_id: uuid(), user_id: config.uid,
                       created_at: new Date().toISOString(), state: "waiting",
                       number: null, error: null, payload: checked.payload, photos: state.photos};
        await putCapture(capture);
        $("saha-form").reset();
        delete $("saha-mahalle").dataset.touched;
        state.photos = []; thumbs([]);
        $("saha-proposal").textContent = "";
        status(navigator.onLine && state.reachable ? M.saved : M.saved_offline);
        await render();
        $("saha-waiting").scrollIntoView({block: "center"});
        locate();
        syncAll();
    }

    // ------------------------------------------------------------------ assigned applications
    function setupTasks() {
        var tasks = document.querySelectorAll(".saha-task");
        var map = null, bounds = [];
        Array.prototype.forEach.call(tasks, function (el) {
            var lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
            if (lat && lon) {
                map = map || makeMap("saha-task-map", lat, lon, 14);
                if (map) { L.marker([lat, lon]).addTo(map).bindPopup(el.dataset.number); }
                bounds.push([lat, lon]);
            }
            var form = el.querySelector(".saha-report");
            form.addEventListener("submit", async function (event) {
                event.preventDefault();
                var errorEl = form.querySelector(".saha-report-error");
                if (!navigator.onLine) { errorEl.textContent = M.report_offline; return; }
                var blobs = await resizeAll(form.querySelector(".saha-report-photos").files, errorEl);
                var photos = [];
                for (var i = 0; i < blobs.length; i++) { photos.push(await blobToDataUrl(blobs[i])); }
                try {
                    var result = await post("/saha/api/report", {
                        csrf_token: await token(), ticket_id: parseInt(el.dataset.id, 10),
                        note: form.querySelector(".saha-report-note").value,
                        phase: form.querySelector(".saha-report-phase").value, photos: photos});
                    if (result.status === 200) {
                        errorEl.textContent = "";
                        status(M.report_sent);
                        window.location.reload();
                    } else {
                        errorEl.textContent = result.data.error || String(result.status);
                    }
                } catch (e) {
                    errorEl.textContent = e.stop ? e.message : M.report_offline;
                }
            });
        });
        if (map && bounds.length > 1) { map.fitBounds(bounds, {padding: [20, 20]}); }
    }

    // ------------------------------------------------------------------ start
    async function start() {
        netIndicator();
        state.db = await openDb();
        await render();
        state.map = makeMap("saha-map", 41.0, 29.23, 12);
        $("saha-mahalle").addEventListener("change", function () { this.dataset.touched = "1"; });
        $("saha-locate").addEventListener("click", locate);
        $("saha-photos").addEventListener("change", async function () {
            state.photos = await resizeAll(this.files, $("saha-form-error"));
            thumbs(state.photos);
        });
        $("saha-form").addEventListener("submit", onSave);
        $("saha-send").addEventListener("click", syncAll);
        window.addEventListener("online", function () { state.reachable = true; status(M.online); syncAll(); });
        window.addEventListener("offline", function () { netIndicator(); status(M.offline); });
        setInterval(syncAll, RETRY_MS);
        setupTasks();
        locate();
        if ("serviceWorker" in navigator) {
            navigator.serviceWorker.register("/saha/sw.js", {scope: "/saha"}).catch(function () {
                // no service worker (e.g. not https): the page still works while connected
            });
        }
        document.body.dataset.ready = "1";
        syncAll();
    }

    start();
}());
