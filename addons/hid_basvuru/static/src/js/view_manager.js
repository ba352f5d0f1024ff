/* Copyright 2026 Sancaktepe Belediyesi
 * License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
 *
 * A view manager destroyed while its views were still loading stops there.
 *
 * Odoo 11: clicking a menu item that opens a dialog (Yeni Başvuru) while the application's
 * main action is still loading, the main action closes the dialog when it arrives
 * (ActionManager.dialog_stop); the dialog's view manager, destroyed, then went on with its
 * views and failed ("Cannot read property 'user_context' of undefined": no session without
 * a parent), showing the user an "Odoo Client Error".  Nothing is left to render into, so
 * the destroyed view manager simply does not go on.
 */
odoo.define("hid_basvuru.view_manager", function (require) {
    "use strict";

    var ViewManager = require("web.ViewManager");

    ViewManager.include({
        create_view: function () {
            if (this.isDestroyed()) {
                return $.Deferred();  // never resolved: its callers have nothing to do
            }
            return this._super.apply(this, arguments);
        },
    });
});
