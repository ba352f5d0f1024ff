/* Copyright 2026 Sancaktepe Belediyesi
 * License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
 *
 * The SMS lists (Halkla İlişkiler → SMS) say so while no SMS provider is configured: the
 * server decides whether to warn (hid.sms.hid_provider_warning: HİM staff and the director,
 * and only while no provider is set), the list only shows its text above the rows.
 */
odoo.define("hid_basvuru.sms_provider_warning", function (require) {
    "use strict";

    var ListRenderer = require("web.ListRenderer");

    ListRenderer.include({
        _renderView: function () {
            var self = this;
            var def = this._super.apply(this, arguments);
            if (!this.state || this.state.model !== "hid.sms") {
                return def;
            }
            return $.when(def, this._hidSmsWarning()).then(function (result, warning) {
                if (warning) {
                    self.$el.prepend($("<div>", {
                        "class": "alert alert-warning o_hid_sms_no_provider",
                        "role": "alert",
                    }).text(warning));
                }
                return result;
            });
        },
        _hidSmsWarning: function () {
            if (!this._hidSmsWarningDef) {
                this._hidSmsWarningDef = this._rpc({
                    model: "hid.sms",
                    method: "hid_provider_warning",
                    args: [],
                });
            }
            return this._hidSmsWarningDef;
        },
    });
});
