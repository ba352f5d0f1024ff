/* HİD public form: "use my location" fills the map point with the browser's geolocation.
   Plain script (no Odoo module): it only needs the elements of the form. */
(function () {
    "use strict";

    function text(id) {
        var node = document.getElementById(id);
        return node ? node.textContent : "";
    }

    function setup() {
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
                document.getElementById("hid_latitude").value = position.coords.latitude.toFixed(6);
                document.getElementById("hid_longitude").value = position.coords.longitude.toFixed(6);
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
