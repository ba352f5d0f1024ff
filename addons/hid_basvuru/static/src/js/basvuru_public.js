/* HİD public form: a map to mark the place (Leaflet from /hid/lib/leaflet/, tiles from the
   hid_basvuru.tile_url system parameter) and "use my location"; both fill the latitude and
   longitude boxes, which stay as the fallback without JavaScript (and can still be typed).
   Plain script (no Odoo module): it only needs the elements of the form. */
(function () {
    "use strict";

    function text(id) {
        var node = document.getElementById(id);
        return node ? node.textContent : "";
    }

    function show(id, visible) {
        var node = document.getElementById(id);
        if (node) {
            node.classList.toggle("hidden", !visible);
        }
    }

    function numbers(value) {
        return (value || "").split(",").map(parseFloat);
    }

    function parse(value) {
        value = (value || "").trim().replace(",", ".");
        return /^-?\d+(\.\d+)?$/.test(value) ? parseFloat(value) : null;
    }

    function setupMap(lat, lon) {
        var node = document.getElementById("hid_map");
        if (!node || typeof window.L === "undefined") {
            return null;
        }
        var bounds = numbers(node.getAttribute("data-bounds"));
        var center = numbers(node.getAttribute("data-center"));
        node.classList.remove("hidden");
        show("hid_map_help", true);
        var map = L.map(node, {scrollWheelZoom: false}).setView(center, 13);
        L.tileLayer(node.getAttribute("data-tile-url"), {
            maxZoom: 19, attribution: node.getAttribute("data-attribution") || ""}).addTo(map);
        var marker = null;

        function outside(point) {
            return point[0] < bounds[0] || point[0] > bounds[2]
                || point[1] < bounds[1] || point[1] > bounds[3];
        }

        function place(point, fill) {
            if (!point) {
                if (marker) {
                    map.removeLayer(marker);
                    marker = null;
                }
                show("hid_map_outside", false);
                show("hid_map_clear", false);
                return;
            }
            if (!marker) {
                marker = L.marker(point, {draggable: true}).addTo(map);
                marker.on("dragend", function () {
                    var ll = marker.getLatLng();
                    place([ll.lat, ll.lng], true);
                });
            } else {
                marker.setLatLng(point);
            }
            if (fill) {
                lat.value = point[0].toFixed(6);
                lon.value = point[1].toFixed(6);
            }
            show("hid_map_outside", outside(point));
            show("hid_map_clear", true);
            if (!map.getBounds().contains(point)) {
                map.setView(point, 16);
            }
        }

        function fromInputs() {
            var a = parse(lat.value);
            var b = parse(lon.value);
            place(a !== null && b !== null ? [a, b] : null, false);
        }

        map.on("click", function (ev) {
            place([ev.latlng.lat, ev.latlng.lng], true);
        });
        lat.addEventListener("change", fromInputs);
        lon.addEventListener("change", fromInputs);
        document.getElementById("hid_map_clear").addEventListener("click", function () {
            lat.value = "";
            lon.value = "";
            place(null);
        });
        fromInputs();  // a form sent back with an error keeps its point
        return {place: place};
    }

    function setup() {
        var lat = document.getElementById("hid_latitude");
        var lon = document.getElementById("hid_longitude");
        if (!lat || !lon) {
            return;
        }
        var map = setupMap(lat, lon);
        var button = document.getElementById("hid_locate");
        var status = document.getElementById("hid_locate_status");
        if (!button || !status) {
            return;
        }
        if (!navigator.geolocation) {
            button.style.display = "none";
            return;
        }
        button.addEventListener("click", function () {
            status.textContent = text("hid_locate_wait");
            navigator.geolocation.getCurrentPosition(function (position) {
                lat.value = position.coords.latitude.toFixed(6);
                lon.value = position.coords.longitude.toFixed(6);
                if (map) {
                    map.place([position.coords.latitude, position.coords.longitude], false);
                }
                status.textContent = text("hid_locate_done");
            }, function () {
                status.textContent = text("hid_locate_fail");
            }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setup);
    } else {
        setup();
    }
}());
