/* Copyright 2026 Sancaktepe Belediyesi
 * License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
 * Turkish for the two English texts of the web client that Odoo does not pass through _t:
 * nvd3's bar chart switch ("Grouped" / "Stacked") and the title of a server error dialog
 * ("Odoo Server Error", set by the server before any translation). */
odoo.define('hid_basvuru.i18n', function (require) {
"use strict";

var core = require('web.core');
var CrashManager = require('web.CrashManager');
var GraphRenderer = require('web.GraphRenderer');

var _t = core._t;

// nvd3 is loaded lazily by the graph view: its bar chart is wrapped while Odoo builds one.
GraphRenderer.include({
    _renderBarChart: function () {
        var multiBarChart = nv.models.multiBarChart;
        nv.models.multiBarChart = function () {
            return multiBarChart.apply(this, arguments).controlLabels({
                grouped: _t("Grouped"),
                stacked: _t("Stacked"),
            });
        };
        try {
            return this._super.apply(this, arguments);
        } finally {
            nv.models.multiBarChart = multiBarChart;
        }
    },
});

var SERVER_ERROR = "Odoo Server Error";

CrashManager.include({
    rpc_error: function (error) {
        if (error && error.message === SERVER_ERROR) {
            error.message = _t("Odoo Server Error");
        }
        return this._super.apply(this, arguments);
    },
});

return {};
});
